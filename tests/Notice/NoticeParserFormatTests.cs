using Wcc.Notice;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

/// <summary>The parser on small made-up notices, one per format variant of the genre.</summary>
public class NoticeParserFormatTests
{
    private static ParsedNotice Parse(params string[] lines) => NoticeParser.Parse(string.Join("\n", lines), "test.txt");

    [Fact]
    public void Parse_PreambleIsSkipped()
    {
        var notice = Parse("关于印发2021年重点工作的通知", "", "各单位：现印发给你们。", "", "一、就业", "1.做好培训。（牵头单位：市人社局）");
        Assert.Single(notice.Chapters);
        Assert.Equal((5, "就业"), (notice.Chapters[0].Line!.Value, notice.Chapters[0].Title));
        Assert.Equal(6, notice.Tasks[0].LineFrom);
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void Parse_HalfAndFullWidthBracketsAndNumberStyles()
    {
        var notice = Parse(
            "一、第一章",
            "1.任务一。(牵头单位:市教育局;责任单位:市财政局)",
            "2．任务二。（牵头单位：市卫健委；责任单位：市妇联）",
            "3、任务三。（牵头单位：市民政局）");
        Assert.Equal([1, 2, 3], notice.Tasks.Select(t => t.No));
        Assert.Equal(["市教育局", "市卫健委", "市民政局"], notice.Tasks.Select(t => t.Lead.Single()));
        Assert.Equal(["市财政局"], notice.Tasks[0].Responsible);
        Assert.Equal("任务二。", notice.Tasks[1].Text);
    }

    [Fact]
    public void Parse_LabelSynonyms_MapToLeadAndResponsible()
    {
        var notice = Parse(
            "1.甲。（牵头部门：市发改委；责任部门：市财政局）",
            "2.乙。（牵头单位：市教育局；配合单位：市公安局；协办单位：团市委；参与单位：市妇联）");
        Assert.Equal(["市发改委"], notice.Tasks[0].Lead);
        Assert.Equal(["市财政局"], notice.Tasks[0].Responsible);
        Assert.Equal(["市公安局", "团市委", "市妇联"], notice.Tasks[1].Responsible);
    }

    [Fact]
    public void Parse_SemicolonAndCommaSeparators_SplitUnits()
    {
        var notice = Parse("1.甲。（牵头单位：市教育局，责任单位：市财政局；市公安局,市妇联，团市委）");
        Assert.Equal(["市教育局"], notice.Tasks[0].Lead);
        Assert.Equal(["市财政局", "市公安局", "市妇联", "团市委"], notice.Tasks[0].Responsible);
    }

    [Fact]
    public void Parse_ResponsibleForm_FirstUnitLeads()
    {
        var notice = Parse("1.加强监管。（市市场监管局、市公安局、市卫健委负责）");
        Assert.Equal(["市市场监管局"], notice.Tasks[0].Lead);
        Assert.Equal(["市公安局", "市卫健委"], notice.Tasks[0].Responsible);
        Assert.Equal("加强监管。", notice.Tasks[0].Text);
    }

    [Fact]
    public void Parse_CoLeadForm_AllUnitsLead()
    {
        var notice = Parse("1.开展宣传。(市委宣传部、市妇联牵头负责)");
        Assert.Equal(["市委宣传部", "市妇联"], notice.Tasks[0].Lead);
        Assert.Empty(notice.Tasks[0].Responsible);
    }

    [Fact]
    public void Parse_LeadThenCooperatingForm()
    {
        var notice = Parse("1.开展宣传。（市妇联牵头，市教育局、团市委配合）");
        Assert.Equal(["市妇联"], notice.Tasks[0].Lead);
        Assert.Equal(["市教育局", "团市委"], notice.Tasks[0].Responsible);
    }

    [Fact]
    public void Parse_ChineseNumeralTasksOnly_OneImplicitChapter()
    {
        var notice = Parse(
            "关于做好2022年儿童工作的通知",
            "一、加强儿童保护。（市民政局负责）",
            "二、改善儿童营养。（市卫健委、市教育局负责）",
            "十一、第十一项。（市妇联负责）");
        var chapter = Assert.Single(notice.Chapters);
        Assert.Null(chapter.Line);
        Assert.Equal([1, 2, 11], notice.Tasks.Select(t => t.No));
        Assert.All(notice.Tasks, t => Assert.Equal(chapter.No, t.ChapterNo));
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.SkippedTask && w.Line == 4);
        Assert.Equal(["市教育局"], notice.Tasks[1].Responsible);
    }

    [Fact]
    public void Parse_ParenthesisedSubNumbers_AreTasksUnderChapters_NumberedInDocumentOrder()
    {
        var notice = Parse(
            "一、妇女与健康",
            "（一）提高筛查率。（市卫健委负责）",
            "（二）加强保健。（市卫健委负责）",
            "二、儿童与教育",
            "（一）普及学前教育。（市教育局负责）");
        Assert.Equal([1, 2], notice.Chapters.Select(c => c.No));
        Assert.Equal([1, 2, 3], notice.Tasks.Select(t => t.No));
        Assert.Equal([1, 1, 2], notice.Tasks.Select(t => t.ChapterNo));
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void Parse_ContinuationAfterBlankLine_JoinsTaskUntilClause()
    {
        var notice = Parse("1.第一段，", "", "第二段。（牵头单位：市教育局）", "", "说明：以上任务请抓好落实。");
        var task = Assert.Single(notice.Tasks);
        Assert.Equal("第一段，第二段。", task.Text);
        Assert.Equal((1, 3), (task.LineFrom, task.LineTo));
        var warning = Assert.Single(notice.Warnings);
        Assert.Equal((5, NoticeWarningCodes.TextOutsideTask), (warning.Line, warning.Code));
    }

    [Fact]
    public void Parse_UnbalancedBracket_WarnsWithLineAndStillReadsUnits()
    {
        var notice = Parse("1.甲。（牵头单位：市教育局；责任单位：市妇联", "2.乙。（牵头单位：市民政局）");
        Assert.Equal(2, notice.Tasks.Count);
        Assert.Equal(["市教育局"], notice.Tasks[0].Lead);
        Assert.Equal(["市妇联"], notice.Tasks[0].Responsible);
        var w = Assert.Single(notice.Warnings);
        Assert.Equal((1, NoticeWarningCodes.UnbalancedBracket, 1), (w.Line, w.Code, w.TaskNo));
    }

    [Fact]
    public void Parse_ClauseWithNoUnits_Warns()
    {
        var notice = Parse("1.甲。（牵头单位：；责任单位：）");
        Assert.Empty(notice.Tasks[0].Lead);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.EmptyClause && w.Line == 1);
    }

    [Fact]
    public void Parse_DuplicateAndSkippedTaskNumbers_Warn()
    {
        var notice = Parse("1.甲。（市妇联负责）", "1.乙。（市妇联负责）", "4.丙。（市妇联负责）");
        Assert.Equal(3, notice.Tasks.Count);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.DuplicateTask && w.Line == 2);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.SkippedTask && w.Line == 3 && w.Message.Contains("2-3"));
    }

    [Fact]
    public void Parse_TaskWithoutClause_Warns()
    {
        var notice = Parse("1.甲。", "2.乙。（市妇联负责）");
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.NoUnitClause && w.TaskNo == 1);
    }

    [Fact]
    public void Parse_ParenthesisInsideText_IsNotAClause()
    {
        var notice = Parse("1.提高村(居)两委会委员中的女性比例。(牵头单位:市委组织部)");
        Assert.Equal("提高村(居)两委会委员中的女性比例。", notice.Tasks[0].Text);
    }

    [Fact]
    public void Parse_FullWidthDigits_NumberTasksAndTargets()
    {
        var notice = Parse("一、就业", "１２．到２０２２年，培训不少于６万人。（牵头单位：市人社局）");
        var task = Assert.Single(notice.Tasks);
        Assert.Equal(12, task.No);
        var target = Assert.Single(task.Targets);
        Assert.Equal((60000.0, 2022), (target.Value, target.Deadline));
    }

    [Fact]
    public void Parse_ClauseOnItsOwnLine_BelongsToTheTask()
    {
        var notice = Parse("1.做好培训。", "（牵头单位：市人社局；责任单位：市妇联（市妇儿工委办公室））", "2.乙。（市妇联负责）");
        Assert.Equal(["市妇联（市妇儿工委办公室）"], notice.Tasks[0].Responsible);
        Assert.Equal((1, 2), (notice.Tasks[0].LineFrom, notice.Tasks[0].LineTo));
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void Parse_EmptyText_ThrowsWithFileAndHint()
    {
        var ex = Assert.Throws<WccException>(() => NoticeParser.Parse("\uFEFF  \n", "empty.txt"));
        Assert.Contains("empty.txt", ex.Message);
        Assert.NotNull(ex.Hint);
    }

    [Fact]
    public void Parse_NoNumberedTasks_ThrowsWithFileAndHint()
    {
        var ex = Assert.Throws<WccException>(() => NoticeParser.Parse("只有一段说明文字。\n没有编号。", "plain.txt"));
        Assert.Contains("plain.txt", ex.Message);
        Assert.Contains("no numbered tasks", ex.Message);
    }
}
