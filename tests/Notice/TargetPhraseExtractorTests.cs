using Wcc.Notice;

namespace Wcc.Tests.Notice;

public class TargetPhraseExtractorTests
{
    private const int PeriodEnd = 2025;

    private static TaskTarget One(string text) => Assert.Single(TargetPhraseExtractor.Extract(text, PeriodEnd));

    [Theory]
    [InlineData("参训人数不少于6万人。", ">=", 60000, "人")]
    [InlineData("参训人数不少于六万人。", ">=", 60000, "人")]
    [InlineData("参训人数不低于1.5万人次。", ">=", 15000, "人次")]
    [InlineData("毛入园率在98%以上。", ">=", 98, "%")]
    [InlineData("巩固率达到100%。", ">=", 100, "%")]
    [InlineData("入学率达95%。", ">=", 95, "%")]
    [InlineData("孕产妇死亡率控制在10‰以下。", "<=", 10, "‰")]
    [InlineData("班额不超过45人。", "<=", 45, "人")]
    [InlineData("孕产妇死亡率控制在10/10万以下。", "<=", 10, "/10万")]
    [InlineData("近视率每年下降0.5个百分点以上。", ">=", 0.5, "个百分点/年")]
    [InlineData("新生儿死亡率降至3‰。", "<=", 3, "‰")]
    [InlineData("女性比例为30%。", "=", 30, "%")]
    [InlineData("新建三十所幼儿园。", ">=", 30, "所")]
    public void Extract_ComparatorValueUnit(string text, string comparator, double value, string unit)
    {
        var g = One(text);
        Assert.Equal((comparator, value, unit), (g.Comparator, g.Value, g.Unit));
        Assert.Contains(g.Phrase, text);
    }

    [Fact]
    public void Extract_YearInSentence_IsDeadline_ElsePeriodEnd()
    {
        var targets = TargetPhraseExtractor.Extract("到2022年，参训人数不少于6万人。入学率达95%。", PeriodEnd);
        Assert.Equal([2022, PeriodEnd], targets.Select(t => t.Deadline));
    }

    [Fact]
    public void Extract_YearRangeInSentence_IsNotADeadline()
    {
        Assert.Equal(PeriodEnd, One("落实《规划(2011-2020年)》，入学率达95%。").Deadline);
    }

    [Fact]
    public void Extract_RangePerYear_TakesLowerEndAndSaysSo()
    {
        var g = One("每年至少要听取1-2次工作汇报。");
        Assert.Equal((">=", 1.0, "次/年", "每年至少要听取1-2次"), (g.Comparator, g.Value, g.Unit, g.Phrase));
        Assert.Contains("下限", g.Note);
    }

    [Fact]
    public void Extract_PercentOfSeveralRates_OneTargetPerRate()
    {
        var targets = TargetPhraseExtractor.Extract("案件要达到100%的立案率、查处率和结案率。", PeriodEnd);
        Assert.Equal(["立案率", "查处率", "结案率"], targets.Select(t => t.Note));
    }

    [Fact]
    public void Extract_FullCoverage_Is100Percent()
    {
        var g = One("力争实现项目的全覆盖。");
        Assert.Equal((">=", 100.0, "%", "实现项目的全覆盖"), (g.Comparator, g.Value, g.Unit, g.Phrase));
    }

    [Theory]
    [InlineData("构建中心城区15分钟文化圈。")]
    [InlineData("落实《“健康中国2030”规划纲要》。")]
    [InlineData("不让一个妇女儿童掉队。")]
    [InlineData("推进“一长管多校”模式。")]
    public void Extract_NumbersThatBindNothing_AreNotTargets(string text)
    {
        Assert.Empty(TargetPhraseExtractor.Extract(text, PeriodEnd));
    }
}
