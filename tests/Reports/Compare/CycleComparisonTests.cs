using Wcc.Reports.Common;
using Wcc.Reports.Compare;
using Wcc.Reports.Compare.Matching;
using Wcc.Reports.Compare.Model;
using Wcc.Reports.Compare.Store;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Compare;

/// <summary>The comparison engine on the seed notice: against itself, and against a copy with known edits.</summary>
public sealed class CycleComparisonTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private CycleComparisonResult Compare(NoticeSnapshot from, NoticeSnapshot to) =>
        CycleComparison.Compare(from, to, UnitSuccession.Read(warehouse.Connection, UnitSuccession.YearOf(from, to)),
            UnitSuccession.Indicators(warehouse.Connection));

    [Fact]
    public void Compare_SeedWithItself_EveryTaskKeptWithConfidenceOne()
    {
        var seed = CompareNotices.Seed();
        var result = Compare(seed, seed);

        Assert.Equal(38, seed.Tasks.Count);
        Assert.Equal(seed.Tasks.Count, result.Matched.Count);
        Assert.Empty(result.Added);
        Assert.Empty(result.Dropped);
        Assert.All(result.Matched, m =>
        {
            Assert.Equal(m.Match.From.No, m.Match.To.No);
            Assert.Equal(1.0, m.Match.Confidence);
            Assert.Equal(TaskChange.Kept, m.Change);
        });
        var targetCount = seed.Tasks.Sum(t => t.Targets.Count);
        Assert.True(targetCount >= 10, $"{targetCount} targets");
        Assert.Equal(targetCount, result.Targets.Count);
        Assert.All(result.Targets, t => Assert.Equal(TargetChange.CarriedOver, t.Change));

        var shift = WorkloadShift.Measure(warehouse.Connection, result);
        Assert.All(shift.Values("index_change"), v => Assert.Equal(0.0, Cells.Number(v)));
        // The same counts as the warehouse's own workload view (the seed notice is the one loaded).
        var view = MartReader.View(warehouse.Connection, "w", "v_unit_workload", "unit_name");
        Assert.Equal(view.Data.Rows.Count, shift.Data.Rows.Count);
        foreach (var row in view.Data.Rows)
        {
            var unit = Cells.Text(row[view.Column("unit_name")]);
            var mine = shift.Data.Rows.Single(r => Cells.Text(r[shift.Column("unit_name")]) == unit);
            Assert.Equal(Cells.Number(row[view.Column("workload_index")]), Cells.Number(mine[shift.Column("prior_index")]));
            Assert.Equal(Cells.Count(row[view.Column("tasks_led")]), Cells.Count(mine[shift.Column("prior_tasks_led")]));
        }
    }

    [Fact]
    public void Compare_SeedWithEditedCopy_FindsEachEdit()
    {
        var (seed, copy) = (CompareNotices.Seed(), CompareNotices.Modified());
        Assert.Equal((2021, 2025), (copy.PeriodStartYear, copy.PeriodEndYear));
        var result = Compare(seed, copy);

        Assert.Equal([CompareNotices.DroppedTask], result.Dropped.Select(t => t.No));
        Assert.Equal([CompareNotices.AddedTaskText], result.Added.Select(t => t.Text));
        Assert.Equal(37, result.Matched.Count);
        Assert.All(result.Matched, m => Assert.Equal(m.Match.From.No, m.Match.To.No));

        // 市农林委 → 市农业农村局 is the 2019 reform: a rename, not a reassignment.
        var renamed = result.Matched.Single(m => m.Match.From.No == CompareNotices.RenamedLeadTask);
        Assert.Equal(TaskChange.Kept, renamed.Change);
        Assert.Equal(["市农林委→市农业农村局"], renamed.RenamedLeads);
        var reassigned = Assert.Single(result.Reassigned);
        Assert.Equal(CompareNotices.ReassignedTask, reassigned.Match.From.No);
        Assert.Equal(["市人社局"], reassigned.FromLead);
        Assert.Equal(["市教育局"], reassigned.ToLead);

        var raised = Assert.Single(result.Targets, t => t.Change == TargetChange.Raised);
        Assert.Equal(CompareNotices.RaisedTargetTask, raised.ToTask!.No);
        Assert.Equal((98.0, 99.0), (raised.From!.Value, raised.To!.Value));
        Assert.Equal("C_KG_GER", raised.IndicatorCode);
        var dropped = result.Targets.Where(t => t.Change == TargetChange.Dropped).ToList();
        Assert.Equal(seed.Tasks.Single(t => t.No == CompareNotices.DroppedTask).Targets.Count, dropped.Count);
        Assert.DoesNotContain(result.Targets, t => t.Change is TargetChange.Lowered or TargetChange.New);
    }

    [Fact]
    public void WorkloadShift_EditedCopy_MovesTheReassignedAndDroppedLeadsOnly()
    {
        var (seed, copy) = (CompareNotices.Seed(), CompareNotices.Modified());
        var result = Compare(seed, copy);
        var shift = WorkloadShift.Measure(warehouse.Connection, result);
        (int Before, int After) Led(string unit)
        {
            var row = shift.Data.Rows.Single(r => Cells.Text(r[shift.Column("unit_name")]) == unit);
            return (Cells.Count(row[shift.Column("prior_tasks_led")]), Cells.Count(row[shift.Column("plan_tasks_led")]));
        }
        int Leads(NoticeSnapshot n, string unit) => n.Tasks.Count(t => t.Lead.Contains(unit));

        Assert.Equal((Leads(seed, "市人社局"), Leads(seed, "市人社局") - 1), Led("市人社局"));
        Assert.Equal((Leads(seed, "市教育局"), Leads(seed, "市教育局") + 1), Led("市教育局"));
        Assert.Equal((Leads(seed, "市委组织部"), Leads(seed, "市委组织部") - 1), Led("市委组织部"));
        // The renamed unit's 2018-2020 load is counted under its successor, in both notices.
        Assert.DoesNotContain(shift.Values("unit_name"), u => Cells.Text(u) == "市农林委");
        var farm = Led("市农业农村局");
        Assert.Equal(farm.Before, farm.After);
        Assert.Equal(Leads(seed, "市农林委"), farm.Before);
        // Index = lead_weight x led + responsible_weight x responsible, the warehouse's weights (2 and 1).
        var (lead, responsible) = WorkloadShift.Weights(warehouse.Connection);
        foreach (var row in shift.Data.Rows)
        {
            Assert.Equal(lead * Cells.Count(row[shift.Column("plan_tasks_led")]) + responsible * Cells.Count(row[shift.Column("plan_tasks_responsible")]),
                Cells.Number(row[shift.Column("plan_index")]));
        }
    }

    [Fact]
    public void Similarity_UnrelatedSeedTasks_StayBelowTheThreshold()
    {
        var seed = CompareNotices.Seed();
        var texts = seed.Tasks.Select(t => TextSimilarity.Of(t.Text)).ToList();
        var highest = 0.0;
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = 0; j < texts.Count; j++)
            {
                if (i == j) continue;
                var same = seed.Tasks[i].ChapterTitle == seed.Tasks[j].ChapterTitle;
                highest = Math.Max(highest, TaskMatcher.Confidence(texts[i].Jaccard(texts[j]), same));
            }
        }
        Assert.True(highest < TaskMatcher.MatchThreshold, $"two different seed tasks score {highest:0.000}");
        Console.WriteLine($"highest confidence between two different seed tasks: {highest:0.000}");
    }
}
