using System.Diagnostics;
using System.Text;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

/// <summary>An endless line (one line filling the 2 MiB limit): parsed or refused with a message within seconds, never
/// minutes. The layout and clause searches look at a task's end only, so a long task costs linear time.</summary>
public class NoticeEndlessLineTests
{
    /// <summary>Generous for a 2-core machine shared by several builds: a quadratic search took minutes on these inputs.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Characters of a filler that, at three UTF-8 bytes each, keep the file just under the size limit.</summary>
    private static int FillerChars(string around) => (NoticeLimits.MaxBytes - Encoding.UTF8.GetByteCount(around)) / 3 - 16;

    private static (T Result, TimeSpan Took) Timed<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        return (result, watch.Elapsed);
    }

    [Fact]
    public void OneTaskOnOneEndlessLine_IsParsed_Quickly()
    {
        using var dir = new TempDirectory();
        const string clause = "（牵头单位：市妇联；责任单位：市教育局）";
        File.WriteAllText(dir.File("long.txt"), "1." + new string('甲', FillerChars("1." + clause)) + clause);
        var (notice, took) = Timed(() => NoticeFile.Parse(dir.File("long.txt")));
        Assert.Equal(["市妇联"], Assert.Single(notice.Tasks).Lead);
        Assert.True(took < Bound, $"took {took}");
    }

    [Fact]
    public void EndlessLineOfLabels_IsParsed_Quickly()
    {
        using var dir = new TempDirectory();
        const string label = "牵头单位：市妇联，";
        var times = (NoticeLimits.MaxBytes - 64 * 1024) / Encoding.UTF8.GetByteCount(label);
        File.WriteAllText(dir.File("labels.txt"), "1.甲。" + string.Concat(Enumerable.Repeat(label, times)));
        var (notice, took) = Timed(() => NoticeFile.Parse(dir.File("labels.txt")));
        Assert.Single(notice.Tasks);
        Assert.True(took < Bound, $"took {took}");
    }

    [Fact]
    public void EndlessLineWithoutTasks_RefusedWithAHint_Quickly()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("prose.txt"), new string('文', FillerChars("")));
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<WccException>(() => NoticeFile.Parse(dir.File("prose.txt")));
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("prose.txt: no numbered tasks found", ex.Message);
        Assert.Contains("nothing was loaded", ex.Hint);
    }
}
