using Wcc.Analytics.Planning;
using Wcc.Notice;
using Wcc.Reports.Planning;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>`wcc plan` end to end on the real seed warehouse with the example scenario.</summary>
public class PlanningRunTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private const int Horizon = 2025;
    private const int AsOf = 2020;

    private static string Example => Path.Combine(RepoPaths.Seeds, "scenarios", "example-2021-2025.jsonc");

    private PlanRunResult<PlanReportOutput> Run(string outDir, params string[] scenarios) =>
        PlanRuns.Execute(warehouse.Connection, new PlanOptions(Horizon, scenarios, outDir, AsOf));

    [Fact]
    public void PlanTables_FilledByARun_PassTheirDataTests()
    {
        using var dir = new TempDirectory();
        Run(dir.Path, Example);

        var models = Wcc.Warehouse.Schema.SchemaCatalog.Models.Where(m => m.ResourcePath.StartsWith("sql/60_plan/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(models);
        // Every plan table holds rows after a run with the example scenario, so its tests check rows, not an empty table.
        Assert.All(models, m => Assert.True(warehouse.Scalar($"SELECT count(*) FROM {m.Name}") > 0, $"{m.Name} is empty after wcc plan"));
        var failed = models.SelectMany(m => Wcc.Warehouse.Quality.DataTestRunner.Run(warehouse.Connection, m))
            .Where(r => !r.Passed).Select(r => $"{r.Model}: {r.Test} ({r.Failures} rows)").ToList();
        Assert.Empty(failed);
    }

    [Fact]
    public void DraftNotice_ParsedBack_GivesTheSameTasksUnitsAndTargets()
    {
        using var dir = new TempDirectory();
        var result = Run(dir.Path, Example);
        var scenario = result.Scenarios.Single(s => s.Scenario.Id == "faster-health");
        var file = Directory.GetFiles(Path.Combine(dir.Path, "draft"), "faster-health-*.txt").Single();

        var parsed = NoticeFile.Parse(file);

        Assert.Empty(parsed.Warnings);
        Assert.Equal(scenario.Division.Tasks.Count, parsed.Tasks.Count);
        foreach (var (planned, read) in scenario.Division.Tasks.Zip(parsed.Tasks))
        {
            Assert.Equal(planned.PlanTaskNo, read.No);
            Assert.Equal(planned.Text, read.Text);
            Assert.Equal(planned.Lead.Select(u => u.Name), read.Lead);
            Assert.Equal(planned.Responsible.Select(u => u.Name), read.Responsible);
            Assert.Equal(planned.Targets.Select(t => (t.Comparator, t.Value, t.Deadline)), read.Targets.Select(t => (t.Comparator, t.Value, t.Deadline)));
        }
        // The warehouse holds the same division: units per draft task as the parser reads them.
        Assert.Equal(parsed.Tasks.Sum(t => t.Lead.Count + t.Responsible.Count),
            warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'faster-health'"));
        // Every proposed target with a parseable unit was written and is read back with its value and deadline.
        foreach (var w in scenario.Division.WrittenTargets.Where(w => w.PlanTaskNo is not null))
        {
            var target = scenario.Scenario.Targets.Single(t => t.Series == w.Series);
            Assert.Contains(parsed.Tasks[w.PlanTaskNo!.Value - 1].Targets, t => t.Value == target.Value && t.Deadline == target.Deadline);
        }
        Assert.Equal(4, scenario.Division.WrittenTargets.Count(w => w.PlanTaskNo is not null));
    }

    [Fact]
    public void Division_AppliesDimUnitRenamesDropsAndNewTasks()
    {
        using var dir = new TempDirectory();
        Run(dir.Path, Example);
        // 市卫计委 ended in 2018: its successor 市卫健委 carries its tasks, the old name is gone.
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'baseline' AND unit_name = '市卫计委'"));
        Assert.True(warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'baseline' AND unit_name = '市卫健委' AND previous_unit_name = '市卫计委'") > 0);
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_task WHERE scenario_id = 'faster-health' AND source_task_no = 15"));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM plan_task WHERE scenario_id = 'faster-health' AND change = 'new'"));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM plan_unit_rename WHERE scenario_id = 'faster-health' AND source = 'scenario'"));
        // Expired dated targets (到2020年…) are not carried into the draft.
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_task WHERE task_text LIKE '%到2020年%'"));
    }

    [Fact]
    public void Rerun_SameScenario_ReplacesItsRowsAndWritesIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Run(first.Path, Example);
        var counts = Counts();
        Run(second.Path, Example);

        Assert.Equal(counts, Counts());
        var files = Directory.GetFiles(first.Path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv") || f.EndsWith(".txt")).Select(f => Path.GetRelativePath(first.Path, f)).Order().ToList();
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, f)), File.ReadAllBytes(Path.Combine(second.Path, f)));
        }
    }

    [Fact]
    public void Workload_PriorPeriod_EqualsTheWorkloadMart()
    {
        using var dir = new TempDirectory();
        var result = Run(dir.Path);
        var c = result.Rendering.Workloads.Single().Concentration;
        var prior = c.Data.Rows.Single(r => (string)r[c.Column("period")]! == "2018-2020");
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = "SELECT hhi, gini, half_load_unit_count FROM v_workload_concentration";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetDouble(0), Convert.ToDouble(prior[c.Column("hhi")]), 12);
        Assert.Equal(reader.GetDouble(1), Convert.ToDouble(prior[c.Column("gini")]), 12);
        Assert.Equal(Convert.ToInt64(reader.GetValue(2)), Convert.ToInt64(prior[c.Column("half_load_unit_count")]));
    }

    private (long, long, long, long, long) Counts() => (
        warehouse.Scalar("SELECT count(*) FROM plan_scenario"),
        warehouse.Scalar("SELECT count(*) FROM plan_projection"),
        warehouse.Scalar("SELECT count(*) FROM plan_target_assessment"),
        warehouse.Scalar("SELECT count(*) FROM plan_assignment"),
        warehouse.Scalar("SELECT count(*) FROM plan_task"));
}
