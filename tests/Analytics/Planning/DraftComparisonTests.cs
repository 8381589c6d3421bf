using Wcc.Analytics.Planning;
using Wcc.Reports.Common;
using Wcc.Reports.Compare;
using Wcc.Reports.Compare.Model;
using Wcc.Reports.Compare.Store;
using Wcc.Reports.Planning;
using Wcc.Reports.Planning.Output;
using Wcc.Tests.Reports.Compare;
using Wcc.Tests.Support;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>`wcc plan` compares each draft with the notice it follows, and a draft loads as a notice that compares the same way.</summary>
[Trait("Category", "Slow")]
public sealed class DraftComparisonTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private static string Example => Path.Combine(RepoPaths.Seeds, "scenarios", "example-2021-2025.jsonc");

    private PlanRunResult<PlanReportOutput> Run(string outDir) =>
        PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [Example], outDir, 2020));

    [Fact]
    public void Plan_WritesAComparisonPerScenario_WithTheScenarioEdits()
    {
        using var dir = new TempDirectory();
        var run = Run(dir.Path);
        foreach (var scenario in new[] { "baseline", "faster-health" })
        {
            var folder = Path.Combine(dir.Path, DraftComparison.Folder, scenario);
            Assert.True(File.Exists(Path.Combine(folder, "index.html")), scenario);
            Assert.True(File.Exists(Path.Combine(folder, "charts", "workload_shift.png")), scenario);
            Assert.Contains(Path.Combine(folder, "tables", "matches.csv"), run.Rendering.Files);
        }
        Assert.Contains(run.Rendering.Summary, l => l.Contains("草案(faster-health)", StringComparison.Ordinal));

        // The baseline carries every task over under the new names: nothing added, dropped or reassigned.
        string[] Lines(string scenario, string table) => File.ReadAllLines(Path.Combine(dir.Path, DraftComparison.Folder, scenario, "tables", table + ".csv"));
        Assert.Single(Lines("baseline", "added"));
        Assert.Single(Lines("baseline", "dropped"));
        Assert.Single(Lines("baseline", "reassigned"));
        Assert.Equal(1 + 38, Lines("baseline", "matches").Length);
        Assert.Contains(Lines("baseline", "matches"), l => l.Contains("市农林委→市农业农村局", StringComparison.Ordinal));

        // The example scenario drops task 15 and adds a 托育 task; task 7 keeps its lead (responsible units change only).
        Assert.StartsWith("15,", Assert.Single(Lines("faster-health", "dropped").Skip(1)));
        Assert.Contains("托育", Assert.Single(Lines("faster-health", "added").Skip(1)));
        Assert.Single(Lines("faster-health", "reassigned"));
        Assert.Contains(Lines("faster-health", "targets"), l => l.StartsWith("提高,参加就业创业培训的妇女人数,", StringComparison.Ordinal) && l.Contains(",60000,") && l.Contains(",80000,"));
        var html = File.ReadAllText(Path.Combine(dir.Path, DraftComparison.Folder, "faster-health", "index.html"));
        Assert.Contains("合成示例", html);
    }

    [Fact]
    public void Draft_LoadedAsANotice_ReadsBackAsPlannedAndComparesAlike()
    {
        using var dir = new TempDirectory();
        Run(dir.Path);
        var file = Directory.GetFiles(Path.Combine(dir.Path, "draft"), "faster-health-*.txt").Single();
        var draft = NoticeSnapshot.FromText("610100-2021-2025", File.ReadAllText(file), file);
        Assert.Equal((2021, 2025), (draft.PeriodStartYear, draft.PeriodEndYear));
        StoredNotices.Insert(warehouse.Connection, draft);

        // The stored draft holds exactly the plan's division of work (plan_task / plan_assignment).
        var stored = NoticeSnapshotReader.Read(warehouse.Connection, draft.Id, "--to");
        Assert.True(stored.IsSynthetic);
        var planned = MartReader.Query(warehouse.Connection, "planned", """
            SELECT a.plan_task_no, string_agg(a.unit_name, '|' ORDER BY a.ordinal) FILTER (WHERE a.role = 'lead'),
                   coalesce(string_agg(a.unit_name, '|' ORDER BY a.ordinal) FILTER (WHERE a.role = 'responsible'), '')
            FROM plan_assignment a WHERE a.scenario_id = 'faster-health' GROUP BY a.plan_task_no ORDER BY a.plan_task_no
            """, "test", new Dictionary<string, object>());
        Assert.Equal(planned.Data.Rows.Select(r => (Cells.Count(r[0]), Cells.Text(r[1]), Cells.Text(r[2]))),
            stored.Tasks.Select(t => (t.No, string.Join("|", t.Lead), string.Join("|", t.Responsible))));

        // Compared from the warehouse (renames through v_pack_unit_current) as the plan compared it (its own renames).
        var result = CompareRun.Compare(warehouse.Connection, "610100-2018-2020", draft.Id);
        Assert.Equal([15], result.Dropped.Select(t => t.No));
        Assert.Single(result.Added);
        Assert.Empty(result.Reassigned);
        Assert.Equal(37, result.Matched.Count);
    }
}
