using Wcc.Notice;
using Wcc.Reports.Compare;
using Wcc.Reports.Compare.Model;
using Wcc.Tests.Notice;

namespace Wcc.Tests.Reports.Compare;

/// <summary>The engine on real notices of the public corpus (tests/Notice/Corpus), with no renames or catalogue.</summary>
public sealed class CorpusComparisonTests
{
    private static NoticeSnapshot Corpus(string stem)
    {
        var notice = NoticeCorpus.All.Single(n => n.FileName.StartsWith(stem, StringComparison.Ordinal));
        return NoticeSnapshot.FromText(stem, NoticeFile.Read(notice.Path), notice.Path);
    }

    [Fact]
    public void Compare_TwoDistrictWorkReports_MatchOnlyTheSharedTargetSentence()
    {
        // 立山区 2023 (鞍山) and 谯城区 2025 (亳州): different districts and years; both list 固定资产投资增长…%左右 first
        // among their expected targets, each led by its own 发改 office.
        var (lishan, qiaocheng) = (Corpus("07-"), Corpus("13-"));
        var result = CycleComparison.Compare(lishan, qiaocheng, UnitRenames.None, []);

        var match = Assert.Single(result.Matched);
        Assert.Equal("固定资产投资增长15%左右。", match.Match.From.Text);
        Assert.Equal("固定资产投资增长7.5%左右。", match.Match.To.Text);
        Assert.True(match.Match.SameChapter);
        Assert.Equal(1.0, match.Match.Confidence);
        Assert.Equal(TaskChange.Reassigned, match.Change);
        Assert.Equal(lishan.Tasks.Count - 1, result.Dropped.Count);
        Assert.Equal(qiaocheng.Tasks.Count - 1, result.Added.Count);

        var target = Assert.Single(result.Targets, t => t.From is not null && t.To is not null);
        Assert.Equal((15.0, 7.5, TargetChange.Lowered), (target.From!.Value, target.To!.Value, target.Change));

        // The other way round, the same pair and the opposite verdict.
        var back = CycleComparison.Compare(qiaocheng, lishan, UnitRenames.None, []);
        Assert.Equal(match.Match.To.No, Assert.Single(back.Matched).Match.From.No);
        Assert.Equal(TargetChange.Raised, Assert.Single(back.Targets, t => t.From is not null && t.To is not null).Change);
    }

    [Fact]
    public void Compare_GuangdongWomenAndChildrenPlans_ShareNoTask()
    {
        // Same issuer, same table form (目标责任分解书), different plans: nothing is carried over.
        var (women, children) = (Corpus("03-"), Corpus("04-"));
        var result = CycleComparison.Compare(women, children, UnitRenames.None, []);
        Assert.Empty(result.Matched);
        Assert.Equal(women.Tasks.Count, result.Dropped.Count);
        Assert.Equal(children.Tasks.Count, result.Added.Count);
        Assert.Equal(women.Tasks.Sum(t => t.Targets.Count) + children.Tasks.Sum(t => t.Targets.Count), result.Targets.Count);
        Assert.All(result.Targets, t => Assert.Contains(t.Change, new[] { TargetChange.New, TargetChange.Dropped }));
    }
}
