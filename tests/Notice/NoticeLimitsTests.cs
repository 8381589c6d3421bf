using System.Text;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

/// <summary>Inputs that are not what they claim (binary, endless, no tasks, numbering that jumps or overflows) and
/// notices beyond the proportionate limits: each refused or reported with a clear message.</summary>
public class NoticeLimitsTests
{
    private const string Task = "1.做好培训。（牵头单位：市人社局；责任单位：市妇联）";

    private static WccException ReadRefused(string path) => Assert.Throws<WccException>(() => NoticeFile.Parse(path));

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void EndlessDevice_RefusedBySizeLimit_AfterReadingAtMostTheLimit(string device)
    {
        var ex = ReadRefused(device);
        Assert.Equal($"{device} is larger than 2 MiB, the limit for a notice (NoticeLimits.MaxBytes)", ex.Message);
        Assert.Equal(2, ex.ExitCode);
    }

    [Fact]
    public void FileOneByteOverTheLimit_Refused_FileAtTheLimit_Read()
    {
        using var dir = new TempDirectory();
        var padding = new string(' ', NoticeLimits.MaxBytes - Encoding.UTF8.GetByteCount(Task) - 1);
        File.WriteAllText(dir.File("at.txt"), Task + "\n" + padding);
        File.WriteAllText(dir.File("over.txt"), Task + "\n" + padding + " ");

        Assert.Single(NoticeFile.Parse(dir.File("at.txt")).Tasks);
        Assert.Contains("is larger than 2 MiB", ReadRefused(dir.File("over.txt")).Message);
    }

    [Fact]
    public void RandomBytes_RefusedAsNotText()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[64 * 1024];
        new Random(15).NextBytes(bytes);
        File.WriteAllBytes(dir.File("random.txt"), bytes);

        var ex = ReadRefused(dir.File("random.txt"));

        // The one strict decoder refuses it first: neither UTF-8 nor GB18030, with the first offending line.
        Assert.Matches(@"random\.txt: line \d+: ", ex.Message);
        Assert.Equal(2, ex.ExitCode);
    }

    [Fact]
    public void OneNulInAValidNotice_RefusedWithItsLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("nul.txt"), "一、就业\n" + Task + "\n2.第二\0项。（牵头单位：市妇联）\n");
        Assert.Contains("nul.txt: line 3: U+0000 (NUL) is not text", ReadRefused(dir.File("nul.txt")).Message);
    }

    [Fact]
    public void Utf16WithBom_IsStillText()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("utf16.txt"), "一、就业\n" + Task + "\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        Assert.Equal(["市人社局"], NoticeFile.Parse(dir.File("utf16.txt")).Tasks.Single().Lead);
    }

    [Fact]
    public void TextWithoutTasks_Refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("letter.txt"), "各区县人民政府：\n现将有关事项通知如下，请认真贯彻执行。\n");
        Assert.StartsWith("letter.txt: no numbered tasks found", Path.GetFileName(ReadRefused(dir.File("letter.txt")).Message));
    }

    [Fact]
    public void NumberingThatJumps_ReportsTheMissingNumbers_KeepsTheOthers()
    {
        var notice = NoticeParser.Parse(string.Join("\n", "一、就业", Task, "2.乙。（牵头单位：市妇联）", "6.丙。（牵头单位：市妇联）", "7.丁。（牵头单位：市妇联）"), "jump.txt");

        Assert.Equal([1, 2, 6, 7], notice.Tasks.Select(t => t.No));
        var warning = Assert.Single(notice.Warnings);
        Assert.Equal((4, NoticeWarningCodes.SkippedTask, "task number 6 follows 2: 3-5 missing"), (warning.Line, warning.Code, warning.Message));
    }

    [Theory]
    [InlineData("1000.第一千项。（牵头单位：市妇联）", "task number 1000 is beyond the limit of 999 tasks")]
    [InlineData("1000、第一千项。（牵头单位：市妇联）", "task number 1000 is beyond the limit of 999 tasks")]
    [InlineData("123456789012.很长的编号。（牵头单位：市妇联）", "task number of ten or more digits is beyond the limit of 999 tasks")]
    public void TaskNumberBeyondTheLimit_RefusedWithItsLine_NotDroppedSilently(string line, string expected)
    {
        var ex = Assert.Throws<WccException>(() => NoticeParser.Parse(string.Join("\n", "一、就业", Task, "2.乙。（牵头单位：市妇联）", line), "big.txt"));
        Assert.StartsWith($"big.txt line 4: {expected}", ex.Message);
    }

    [Fact]
    public void TaskNumber999_IsKept()
    {
        var notice = NoticeParser.Parse(string.Join("\n", "一、就业", Task, "999.最后一项。（牵头单位：市妇联）"), "999.txt");
        Assert.Equal([1, 999], notice.Tasks.Select(t => t.No));
    }

    [Fact]
    public void MoreTasksThanTheLimit_Refused()
    {
        // （一） tasks are numbered in document order, so a thousand of them need no number above 999 to break the limit.
        var lines = new List<string> { "一、就业" };
        lines.AddRange(Enumerable.Repeat("（一）做好培训。（牵头单位：市人社局）", NoticeLimits.MaxTasks + 1));
        var ex = Assert.Throws<WccException>(() => NoticeParser.Parse(string.Join("\n", lines), "many.txt"));
        Assert.Equal("many.txt: 1000 tasks, more than the limit of 999 (NoticeLimits.MaxTasks); task 1000 starts on line 1001", ex.Message);
    }

    [Fact]
    public void MoreUnitsThanTheLimit_Refused()
    {
        var lines = Enumerable.Range(1, NoticeLimits.MaxUnits + 1).Select(i => $"{i}.任务。（牵头单位：市第{i}局）");
        var ex = Assert.Throws<WccException>(() => NoticeParser.Parse(string.Join("\n", lines), "units.txt"));
        Assert.Equal("units.txt: 501 distinct unit names, more than the limit of 500 (NoticeLimits.MaxUnits)", ex.Message);
    }

    [Theory]
    [InlineData("关于印发2018-9999年重点工作责任分工的通知", "period.txt line 1: the period 2018-9999 in the title is not a period within 1990-2050")]
    [InlineData("关于印发2020-2018年重点工作责任分工的通知", "period.txt line 1: the period 2020-2018 in the title is not a period within 1990-2050")]
    [InlineData("关于印发1800-1802年重点工作责任分工的通知", "period.txt line 1: the period 1800-1802 in the title is not a period within 1990-2050")]
    public void TitlePeriodOutsideTheWarehouseYears_Refused(string title, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("period.txt"), title + "\n一、就业\n" + Task + "\n");
        var ex = ReadRefused(dir.File("period.txt"));
        Assert.Equal(expected, Path.GetFileName(ex.Message));
    }
}
