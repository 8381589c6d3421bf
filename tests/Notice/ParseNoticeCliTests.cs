using System.Text.Json;
using Wcc.Tests.Support;

namespace Wcc.Tests.Notice;

/// <summary>`wcc parse-notice` as a user runs it: bad input gets a clear message and a non-zero exit (parse-notice never
/// writes a warehouse), a corpus notice its metadata and per-task confidence in JSON.</summary>
[Trait("Category", "Slow")]
public class ParseNoticeCliTests
{
    private static void Refused(WccProcess.Result r, string fragment)
    {
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.NotEqual(0, r.ExitCode);
        var said = string.Concat((r.Stdout + r.Stderr).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(string.Concat(fragment.Where(c => !char.IsWhiteSpace(c))), said);
        Assert.Contains("hint:", said);
    }

    [Fact]
    public void NoRecognisableTask_BinaryFile_EndlessLine_ClearMessageAndNonZeroExit()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("prose.txt"), "关于做好妇女儿童工作的通知\n各单位：请认真落实。\n");
        var bytes = new byte[4096];
        new Random(16).NextBytes(bytes);
        File.WriteAllBytes(dir.File("binary.txt"), bytes);
        File.WriteAllText(dir.File("endless.txt"), new string('文', Wcc.Notice.NoticeLimits.MaxBytes / 3 + 10));

        Refused(WccProcess.Run(dir.Path, "parse-notice", dir.File("prose.txt")), "prose.txt: no numbered tasks found");
        Refused(WccProcess.Run(dir.Path, "parse-notice", dir.File("binary.txt")), "binary.txt: line");
        Refused(WccProcess.Run(dir.Path, "parse-notice", dir.File("endless.txt")), "is larger than 2 MiB");
    }

    [Fact]
    public void Json_CarriesTheNoticeMetadataAndPerTaskConfidence()
    {
        var notice = NoticeCorpus.All.Single(n => n.FileName.StartsWith("02-", StringComparison.Ordinal));
        var r = WccProcess.Run(NoticeCorpus.Folder, "parse-notice", notice.Path, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var head = doc.RootElement.GetProperty("notice");
        Assert.Equal("国务院办公厅关于印发2016年《政府工作报告》量化指标任务分工的通知", head.GetProperty("title").GetString());
        Assert.Equal("国务院办公厅", head.GetProperty("issuer").GetString());
        Assert.Equal("国办函[2016]38号", head.GetProperty("document_number").GetString());
        Assert.Equal("2016-04-06", head.GetProperty("date").GetString());
        var tasks = doc.RootElement.GetProperty("tasks");
        Assert.Equal(9, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), t => Assert.InRange(t.GetProperty("confidence").GetDouble(), 0.1, 1.0));
    }
}
