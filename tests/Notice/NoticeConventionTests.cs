using Wcc.Notice;

namespace Wcc.Tests.Notice;

/// <summary>The conventions of the genre as other issuers write it (issue 16), one focused notice each.</summary>
public class NoticeConventionTests
{
    private static ParsedNotice Parse(params string[] lines) => NoticeParser.Parse(string.Join("\n", lines), "test.txt");

    private static readonly string[] LabelWords =
        ["牵头", "责任单位", "主要责任", "主办", "主责", "协办", "协助", "协作", "参与单位", "配合单位", "第一位", "下同"];

    private static void NoLabelIsAUnit(ParsedNotice notice) =>
        Assert.All(notice.Tasks.SelectMany(t => t.Lead.Concat(t.Responsible)), u => Assert.DoesNotContain(LabelWords, w => u.Contains(w)));

    [Fact]
    public void TaskTitleStartingWithDigits_IsTheNextTask_NotADecimal()
    {
        var notice = Parse("1.甲。（市妇联负责）", "2.2019年起每年开展培训。（市人社局负责）", "3.丙。（市教育局负责）");
        Assert.Equal([1, 2, 3], notice.Tasks.Select(t => t.No));
        Assert.Equal("2019年起每年开展培训。", notice.Tasks[1].Text);
        Assert.Equal(["市人社局"], notice.Tasks[1].Lead);
    }

    [Fact]
    public void DecimalStartingALine_ContinuesTheOpenTask()
    {
        var notice = Parse("1.做好培训，经费不少于", "2.5万元。（牵头单位：市财政局）", "2.乙。（市妇联负责）");
        Assert.Equal([1, 2], notice.Tasks.Select(t => t.No));
        Assert.Equal("做好培训，经费不少于2.5万元。", notice.Tasks[0].Text);
        Assert.Equal(["市财政局"], notice.Tasks[0].Lead);
    }

    [Fact]
    public void ParenthesisedArabicNumbers_AreTasks_NumberedInDocumentOrderAcrossChapters()
    {
        var notice = Parse("一、就业", "(1)甲。（市人社局负责）", "（2）乙。（市妇联负责）", "二、教育", "（1）丙。（市教育局负责）");
        Assert.Equal([1, 2, 3], notice.Tasks.Select(t => t.No));
        Assert.Equal([1, 1, 2], notice.Tasks.Select(t => t.ChapterNo));
        Assert.Equal(1, notice.Tasks[2].WrittenNo);
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void NumberingGap_KeepsTheGapAndSaysWhichIsMissing()
    {
        var notice = Parse("一、健康", "（一）甲。（市卫健委负责）", "（三）丙。（市卫健委负责）", "（四）丁。（市卫健委负责）");
        Assert.Equal([1, 3, 4], notice.Tasks.Select(t => t.No));
        var gap = Assert.Single(notice.Warnings);
        Assert.Equal((3, NoticeWarningCodes.SkippedTask), (gap.Line, gap.Code));
        Assert.Contains("2 missing", gap.Message);
    }

    [Fact]
    public void ConventionStatedInTheFirstAnnotation_HoldsForLaterOnes_AndIsNeverAUnit()
    {
        var notice = Parse(
            "1.甲。（市教育局、市财政局负责，排在第一位的部门为牵头部门，下同）",
            "2.乙。（责任单位：市民政局、市妇联）",
            "3.丙。（市卫健委、市医保局、市妇联负责）");
        Assert.Equal(["市教育局"], notice.Tasks[0].Lead);
        Assert.Equal(["市财政局"], notice.Tasks[0].Responsible);
        Assert.Equal(["市民政局"], notice.Tasks[1].Lead);
        Assert.Equal(["市妇联"], notice.Tasks[1].Responsible);
        Assert.Equal(["市卫健委"], notice.Tasks[2].Lead);
        Assert.Empty(notice.Warnings);
        Assert.All(notice.Tasks, t => Assert.Equal(TaskConfidence.Certain, t.Confidence));
        NoLabelIsAUnit(notice);
    }

    [Fact]
    public void ConventionStatedInThePreamble_HoldsForEveryAnnotation()
    {
        var notice = Parse("关于印发重点工作分工的通知", "各单位：各项任务中列第一位者为牵头单位。", "", "1.甲。（市卫健委、市妇联负责）");
        Assert.Equal(["市卫健委"], notice.Tasks[0].Lead);
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void WithoutAStatedConvention_FirstListedLeadIsAGuess_WarnedOnItsLine()
    {
        var notice = Parse("1.甲。", "（市卫健委、市妇联负责）", "2.乙。（市民政局负责）");
        Assert.Equal(["市卫健委"], notice.Tasks[0].Lead);
        var guess = Assert.Single(notice.Warnings);
        Assert.Equal((2, NoticeWarningCodes.GuessedLead, 1), (guess.Line, guess.Code, guess.TaskNo));
        Assert.Equal(TaskConfidence.Certain - TaskConfidence.GuessedLeadPenalty, notice.Tasks[0].Confidence, 3);
        Assert.Equal(TaskConfidence.Certain, notice.Tasks[1].Confidence);
    }

    [Fact]
    public void Jointly_ALeadsAndBIsResponsible()
    {
        var notice = Parse("1.甲。（市民政局会同有关部门负责）", "2.乙。（市教育局会同市财政局、市人社局负责）");
        Assert.Equal(["市民政局"], notice.Tasks[0].Lead);
        Assert.Empty(notice.Tasks[0].Responsible);
        Assert.Equal(["市教育局"], notice.Tasks[1].Lead);
        Assert.Equal(["市财政局", "市人社局"], notice.Tasks[1].Responsible);
        NoLabelIsAUnit(notice);
    }

    [Fact]
    public void ListsEndingInEtc_DropTheTail_AndGenericGroupsStayWhole()
    {
        var notice = Parse(
            "1.甲。（教育部、国家发展改革委、财政部等和各省级人民政府负责，排在第一位的部门为牵头部门，下同）",
            "2.乙。（民政部、公安部等有关部门负责）",
            "3.丙。（市卫健委、各县(市、区)人民政府按职责分工负责）",
            "4.丁。（各区县政府负责）",
            "5.戊。（国务院各部门分别负责，年内持续推进）",
            "6.己。（市级各有关部门及各县市区政府按职责分工负责）");
        Assert.Equal(["教育部"], notice.Tasks[0].Lead);
        Assert.Equal(["国家发展改革委", "财政部", "各省级人民政府"], notice.Tasks[0].Responsible);
        Assert.Equal(["公安部"], notice.Tasks[1].Responsible);
        Assert.Equal(["各县(市、区)人民政府"], notice.Tasks[2].Responsible);
        Assert.Equal(["各区县政府"], notice.Tasks[3].Lead);
        Assert.Equal(["国务院各部门"], notice.Tasks[4].Lead);
        Assert.Equal(["市级各有关部门"], notice.Tasks[5].Lead);
        Assert.Equal(["各县市区政府"], notice.Tasks[5].Responsible);
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void LabelsWithoutBrackets_OnLinesOfTheirOwn()
    {
        var notice = Parse(
            "一、主要预期目标",
            "1.地区生产总值增长6.2%左右。",
            "牵头单位:区发改局",
            "责任单位:立山经济开发区,各街道、区直各部门",
            "2.居民收入增长与经济增长基本同步。",
            "牵头单位：区发改局",
            "以上目标请抓好落实。");
        Assert.Equal(["区发改局"], notice.Tasks[0].Lead);
        Assert.Equal(["立山经济开发区", "各街道", "区直各部门"], notice.Tasks[0].Responsible);
        Assert.Equal("地区生产总值增长6.2%左右。", notice.Tasks[0].Text);
        Assert.Equal((2, 4), (notice.Tasks[0].LineFrom, notice.Tasks[0].LineTo));
        var outside = Assert.Single(notice.Warnings);
        Assert.Equal((7, NoticeWarningCodes.TextOutsideTask), (outside.Line, outside.Code));
    }

    [Fact]
    public void AnnotationsInLenticularAndTortoiseShellBrackets()
    {
        var notice = Parse(
            "1.甲。【牵头单位】市教育局【责任单位】市妇联、团市委",
            "2.乙。【牵头单位：市民政局；配合单位：市残联】",
            "3.丙。〔责任单位：省市场监管局〕");
        Assert.Equal(["市教育局"], notice.Tasks[0].Lead);
        Assert.Equal(["市妇联", "团市委"], notice.Tasks[0].Responsible);
        Assert.Equal("甲。", notice.Tasks[0].Text);
        Assert.Equal(["市民政局"], notice.Tasks[1].Lead);
        Assert.Equal(["市残联"], notice.Tasks[1].Responsible);
        Assert.Empty(notice.Tasks[2].Lead);
        Assert.Equal(["省市场监管局"], notice.Tasks[2].Responsible);
        Assert.Empty(notice.Warnings);
    }

    [Fact]
    public void LeadAndResponsibleLabelSynonyms_NeverAUnit()
    {
        var notice = Parse(
            "1.甲。（主要责任单位：市卫健委；协办单位：市妇联）",
            "2.乙。（主办单位：市教育局；协助单位：市财政局；参与单位：团市委）",
            "3.丙。（主责单位：市民政局；配合单位：市公安局）");
        Assert.Equal(["市卫健委", "市教育局", "市民政局"], notice.Tasks.Select(t => t.Lead.Single()));
        Assert.Equal(["市财政局", "团市委"], notice.Tasks[1].Responsible);
        Assert.Equal(["市公安局"], notice.Tasks[2].Responsible);
        NoLabelIsAUnit(notice);
    }

    [Fact]
    public void LeadResponsibilityAndCooperationLabels_OnLinesOfTheirOwn()
    {
        var notice = Parse("1.创建国家卫生县城。", "牵头责任单位:县卫健委、县民政局", "主要协作单位:各乡镇人民政府、经济开发区管委会,县政府有关部门");
        Assert.Equal(["县卫健委", "县民政局"], notice.Tasks[0].Lead);
        Assert.Equal(["各乡镇人民政府", "经济开发区管委会", "县政府有关部门"], notice.Tasks[0].Responsible);
        NoLabelIsAUnit(notice);
    }

    [Fact]
    public void LabelledClauseNote_AfterAFullStop_IsNotAUnit()
    {
        var notice = Parse("一、改革", "（一）甲。〔责任单位：省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府，不再做分工，下同。〕");
        Assert.Equal(["省发展改革委", "商务厅"], notice.Tasks[0].Responsible);
    }

    [Fact]
    public void TableOneCellPerLine_FirstUnitAfterEachTargetLeads_NumberingRestartsPerDomain()
    {
        var notice = Parse(
            "《某省妇女发展规划》目标责任分解书", "领域", "主要目标", "主要责任单位", "责任单位",
            "1.妇女享有基本卫生服务。",
            "——到2025年，妇女常见病筛查率达到80%以上。",
            "省卫健委", "省财政厅", "省妇联",
            "——孕产妇死亡率控制在15/10万以内。",
            "省卫健委", "省公安厅",
            "2.降低孕产妇贫血患病率。",
            "省卫健委",
            "1.教育工作贯彻性别平等原则。",
            "省教育厅", "省妇联");
        Assert.Equal([1, 2, 3], notice.Tasks.Select(t => t.No));
        Assert.Equal([null, null, 1], notice.Tasks.Select(t => t.WrittenNo));
        Assert.Equal([1, 1, 2], notice.Tasks.Select(t => t.ChapterNo));
        Assert.Equal(["省卫健委"], notice.Tasks[0].Lead);
        Assert.Equal(["省财政厅", "省妇联", "省公安厅"], notice.Tasks[0].Responsible);
        Assert.Equal(["省教育厅"], notice.Tasks[2].Lead);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.NumberingRestart && w.Line == 16);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.TableUnits && w.Line == 8 && w.TaskNo == 1);
        Assert.Equal(2025, notice.Tasks[0].Targets[0].Deadline);
        Assert.True(notice.Tasks[0].Confidence < TaskConfidence.Certain);
    }

    [Fact]
    public void TableOneRowPerLine_CellsByHeader()
    {
        var notice = Parse(
            "一、要求", "各部门要抓好落实。", "量化指标任务分工",
            "序号 工作任务 牵头单位 责任单位",
            "1 城镇新增就业10万人以上 市人社局 市财政局、市妇联",
            "2 新建10所幼儿园 市教育局 市发改委");
        Assert.Equal([1, 2], notice.Tasks.Select(t => t.No));
        Assert.Equal("城镇新增就业10万人以上", notice.Tasks[0].Text);
        Assert.Equal(["市人社局"], notice.Tasks[0].Lead);
        Assert.Equal(["市财政局", "市妇联"], notice.Tasks[0].Responsible);
        Assert.Equal((">=", 100000.0), (notice.Tasks[0].Targets[0].Comparator, notice.Tasks[0].Targets[0].Value));
        Assert.Equal(NoticeParser.ImplicitChapterTitle, Assert.Single(notice.Chapters).Title);
    }

    [Fact]
    public void TableOneCellPerLineUnderANumberedHeader_CellsByColumn_PeopleAreNoUnits_NumbersKeptWithTheirGaps()
    {
        var notice = Parse(
            "重点工作任务分解表", "序号 |", "目标与任务 |", "分 管 县领导 |", "牵头责任单位 |", "责任单位 |",
            "一、民生",
            "3 |", "新增托位数400个以上。 |", "俞 悦 |", "县教育局 |", "县卫健委、县妇联 |",
            "68 |", "推动义务教育优质均衡发展。 |", "陆 明 |", "县教育局 |", "县各有关单位 |");
        Assert.Equal([3, 68], notice.Tasks.Select(t => t.No));
        Assert.Equal("新增托位数400个以上。", notice.Tasks[0].Text);
        Assert.Equal(["县教育局"], notice.Tasks[0].Lead);
        Assert.Equal(["县卫健委", "县妇联"], notice.Tasks[0].Responsible);
        Assert.Equal("民生", Assert.Single(notice.Chapters).Title);
        Assert.Contains(notice.Warnings, w => w.Code == NoticeWarningCodes.SkippedTask && w.Line == 13 && w.Message.Contains("4-67 missing"));
        Assert.DoesNotContain(notice.Tasks.SelectMany(t => t.Lead.Concat(t.Responsible)), u => u.Contains(' '));
    }

    [Fact]
    public void PreambleParagraphsNumbered_AreNotChapters()
    {
        var notice = Parse(
            "市政府办公厅关于印发任务分解方案的通知", "各区：", "一、各牵头单位要切实履行牵头责任。", "二、请按时报送落实情况。",
            "市政府办公厅", "2018年2月14日", "任务分解方案",
            "一、打好攻坚战", "1.规范举债行为。（牵头单位：市财政局）");
        var chapter = Assert.Single(notice.Chapters);
        Assert.Equal("打好攻坚战", chapter.Title);
        Assert.Empty(notice.Warnings);
        Assert.Equal(new NoticeMetadata("市政府办公厅关于印发任务分解方案的通知", "市政府办公厅", null, "2018-02-14"), notice.Metadata);
    }

    [Fact]
    public void OrdinalItems_AreTasksWhereTheyCarryTheUnits()
    {
        var notice = Parse("一、工作任务", "（一）加强家庭保护。", "一是强化家庭教育指导。（市委宣传部、市妇联按照职责分工负责）", "二是加大帮扶力度。（市人社局负责）");
        Assert.Equal(2, notice.Tasks.Count);
        Assert.Equal(["市委宣传部"], notice.Tasks[0].Lead);
        Assert.Equal(["市妇联"], notice.Tasks[0].Responsible);
    }

    [Fact]
    public void DeadlinesRelativeToTheDocument()
    {
        var in2018 = NoticeParser.Parse(string.Join("\n",
            "2018-2020年某市妇女儿童重点工作责任分工", "一、教育", "1.到2025年，学前教育毛入园率达到95%。（市教育局负责）", "2.普惠性幼儿园覆盖率达到80%。（市教育局负责）"),
            "t.txt", NoticePeriod.EndYear("2018-2020年某市妇女儿童重点工作责任分工"));
        Assert.Equal(2025, in2018.Tasks[0].Targets.Single().Deadline);
        Assert.Equal(2020, in2018.Tasks[1].Targets.Single().Deadline);

        var in2012 = Parse("某市儿童发展规划", "某市人民政府", "2012年6月20日", "一、福利", "1.5年内建成10个儿童之家。（市民政局负责）");
        var home = in2012.Tasks.Single();
        Assert.Equal(1, home.No);
        Assert.Equal((10.0, 2017), (home.Targets.Single().Value, home.Targets.Single().Deadline));
    }

    [Fact]
    public void PairedTargets_GiveOneTargetEach()
    {
        var notice = Parse("1.城镇和农村妇女参保率分别达到65%和55%。（市人社局负责）");
        Assert.Equal([65.0, 55.0], notice.Tasks[0].Targets.Select(t => t.Value));
        Assert.All(notice.Tasks[0].Targets, t => Assert.Equal(">=", t.Comparator));
    }
}
