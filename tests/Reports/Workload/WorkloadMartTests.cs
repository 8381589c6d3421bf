using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;
using static Wcc.Tests.Reports.TinyWarehouse;

namespace Wcc.Tests.Reports.Workload;

public class WorkloadMartTests
{
    [Fact]
    public void UnitWorkload_TinyNotice_CountsRolesAndWeightsThem()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_unit_workload").ToDictionary(r => (string)r["unit_name"]!);
        Assert.Equal((2, 0, 4.0), (I(rows["市A局"]["tasks_led"]), I(rows["市A局"]["tasks_responsible"]), D(rows["市A局"]["workload_index"])));
        Assert.Equal((1, 2, 4.0), (I(rows["市B局"]["tasks_led"]), I(rows["市B局"]["tasks_responsible"]), D(rows["市B局"]["workload_index"])));
        Assert.Equal((1, 1, 3.0), (I(rows["市C局"]["tasks_led"]), I(rows["市C局"]["tasks_responsible"]), D(rows["市C局"]["workload_index"])));
        Assert.Equal(1.0, D(rows[Collective]["workload_index"]));
        Assert.Equal(4.0 / 12, D(rows["市A局"]["share_of_total"]), 9);
    }

    [Fact]
    public void UnitWorkload_Collective_HasNoRankOrCumulativeShare()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_unit_workload").ToDictionary(r => (string)r["unit_name"]!);
        Assert.True((bool)rows[Collective]["is_collective"]!);
        Assert.Null(rows[Collective]["workload_rank"]);
        Assert.Null(rows[Collective]["cumulative_share"]);
        Assert.Equal(1, I(rows["市A局"]["workload_rank"]));
        Assert.Equal(2, I(rows["市B局"]["workload_rank"]));
        Assert.Equal(8.0 / 11, D(rows["市B局"]["cumulative_share"]), 9);
        Assert.Equal(1.0, D(rows["市C局"]["cumulative_share"]), 9);
    }

    [Fact]
    public void Concentration_TinyNotice_MatchesHandComputedHhiGiniAndHalfLoadSet()
    {
        using var c = Open();
        var r = Rows(c, "SELECT * FROM v_workload_concentration").Single();
        // departments 4, 4, 3 (collective excluded): HHI = (16 + 16 + 9) / 121
        Assert.Equal(3, I(r["department_count"]));
        Assert.Equal(11.0, D(r["total_index"]));
        Assert.Equal(41.0 / 121, D(r["hhi"]), 9);
        Assert.Equal(10000 * 41.0 / 121, D(r["hhi_points"]), 6);
        // sorted 3, 4, 4: 2 (1x3 + 2x4 + 3x4) / (3 x 11) - 4/3 = 2/33
        Assert.Equal(2.0 / 33, D(r["gini"]), 9);
        // A (4/11) alone is under half; A + B (8/11) reach it
        Assert.Equal(2, I(r["half_load_unit_count"]));
        Assert.Equal("市A局、市B局", r["half_load_units"]);
        Assert.Equal(8.0 / 11, D(r["half_load_share"]), 9);
    }

    [Fact]
    public void Concentration_EqualLoads_GiniZeroAndHhiOneOverN()
    {
        using var c = Open();
        // Give C a second co-responsibility so loads become 4, 4, 4.
        Execute(c, "INSERT INTO fact_task_assignment VALUES (2, '市C局', 'responsible', 2, 'tiny')");
        var r = Rows(c, "SELECT * FROM v_workload_concentration").Single();
        Assert.Equal(0.0, D(r["gini"]), 9);
        Assert.Equal(1.0 / 3, D(r["hhi"]), 9);
        Assert.Equal(2, I(r["half_load_unit_count"]));
    }

    [Fact]
    public void UnitChapterWorkload_SplitsByChapter()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_unit_chapter_workload WHERE unit_name = '市B局' ORDER BY chapter_no");
        Assert.Equal(2, rows.Count);
        Assert.Equal((0, 2, 2.0), (I(rows[0]["tasks_led"]), I(rows[0]["tasks_responsible"]), D(rows[0]["workload_index"])));
        Assert.Equal((1, 0, 2.0), (I(rows[1]["tasks_led"]), I(rows[1]["tasks_responsible"]), D(rows[1]["workload_index"])));
    }

    [Fact]
    public void UnitPair_CountsSharedTasks()
    {
        using var c = Open();
        var pairs = Rows(c, "SELECT * FROM v_unit_pair").ToDictionary(r => ((string)r["unit_a"]!, (string)r["unit_b"]!), r => I(r["tasks_shared"]));
        Assert.Equal(4, pairs.Count);
        Assert.Equal(2, pairs[("市A局", "市B局")]);
        Assert.Equal(1, pairs[("市A局", "市C局")]);
        Assert.Equal(1, pairs[("市B局", "市C局")]);
        Assert.Equal(1, pairs.Single(p => p.Key.Item1 == Collective || p.Key.Item2 == Collective).Value);
    }

    [Fact]
    public void SingleUnitTask_FindsTaskWithOneUnit()
    {
        using var c = Open();
        var row = Rows(c, "SELECT * FROM v_single_unit_task").Single();
        Assert.Equal((4, "市C局", "lead"), (I(row["task_no"]), (string)row["unit_name"]!, (string)row["role"]!));
    }

    [Fact]
    public void LeadUnmeasured_ListsLedTasksNoIndicatorMonitors()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT unit_name, task_no FROM v_unit_lead_unmeasured ORDER BY unit_name, task_no").Select(r => ((string)r["unit_name"]!, I(r["task_no"]))).ToList();
        // IND1 monitors task 1, so A's task 1 is measured; tasks 2, 3, 4 are not.
        Assert.Equal([("市A局", 2), ("市B局", 3), ("市C局", 4)], rows);
    }

    [Fact]
    public void UnitDelivery_CountsLaggingAndNotStartedInLatestYear()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_unit_delivery").ToDictionary(r => (string)r["unit_name"]!);
        Assert.Equal(2020, I(rows["市A局"]["progress_year"]));
        Assert.Equal((2, 1, 1), (I(rows["市A局"]["tasks_reported"]), I(rows["市A局"]["tasks_lagging"]), I(rows["市A局"]["tasks_not_started"])));
        Assert.Equal((1, 0, 0), (I(rows["市B局"]["tasks_reported"]), I(rows["市B局"]["tasks_lagging"]), I(rows["市B局"]["tasks_not_started"])));
        Assert.Equal(0, I(rows["市C局"]["tasks_reported"]));
        Assert.Equal(1.0, D(rows["市A局"]["behind_share"]), 9);
    }

    [Fact]
    public void MartModels_DeclaredDataTests_PassOnTinyNotice()
    {
        using var c = Open();
        var failures = SchemaCatalog.Models.Where(m => m.HoldsRows && m.ResourcePath.StartsWith("sql/40_marts/", StringComparison.Ordinal))
            .SelectMany(m => DataTestRunner.Run(c, m)).Where(r => !r.Passed).Select(r => $"{r.Model}: {r.Test}").ToList();
        Assert.Empty(failures);
    }
}
