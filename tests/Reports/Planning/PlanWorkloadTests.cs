using Wcc.Reports.Common;
using Wcc.Reports.Planning.Workload;
using static Wcc.Tests.Reports.TinyWarehouse;

namespace Wcc.Tests.Reports.Planning;

/// <summary>Workload measures of a small made-up plan, checked by hand against the tiny 2018-2020 notice.</summary>
public class PlanWorkloadTests
{
    // Plan: P1 lead A, resp B; P2 lead A, resp C; P3 lead C, resp B + collective; P4 lead A; P5 lead A.
    // Weights 2/1: A = 4 x 2 = 8, B = 1 + 1 = 2, C = 1 + 2 = 3, collective 1. Prior (tiny notice): A 4, B 4, C 3.
    private static Wcc.Warehouse.Query.QueryResult Plan(out PlanWorkloadResult result)
    {
        var c = Open();
        Execute(c, """
            INSERT INTO plan_scenario VALUES ('t', '测试', 'scenario', NULL, NULL, 2020, 2021, 2025);
            INSERT INTO plan_task VALUES ('t', 1, 1, '章一', 1, '任务一', 'kept', 'tiny'), ('t', 2, 1, '章一', 2, '任务二', 'reassigned', 'tiny'),
                ('t', 3, 2, '章二', 3, '任务三', 'reassigned', 'tiny'), ('t', 4, 2, '章二', 4, '任务四', 'reassigned', 'tiny'), ('t', 5, 2, '章二', NULL, '任务五', 'new', NULL);
            INSERT INTO plan_assignment VALUES
                ('t', 1, '市A局', 'lead', 1, false, NULL), ('t', 1, '市B局', 'responsible', 1, false, NULL),
                ('t', 2, '市A局', 'lead', 1, false, NULL), ('t', 2, '市C局', 'responsible', 1, false, NULL),
                ('t', 3, '市C局', 'lead', 1, false, NULL), ('t', 3, '市B局', 'responsible', 1, false, NULL), ('t', 3, '各区县妇儿工委', 'responsible', 2, true, NULL),
                ('t', 4, '市A局', 'lead', 1, false, NULL), ('t', 5, '市A局', 'lead', 1, false, NULL);
            """);
        result = PlanWorkload.Measure(c, "t", 2, 1, "2021-2025");
        c.Dispose();
        return result.Units.Data;
    }

    [Fact]
    public void Measure_SmallPlan_UnitIndicesAndSharpGrowthFlag()
    {
        var units = Plan(out var result);
        var t = result.Units;
        var byName = units.Rows.ToDictionary(r => Cells.Text(r[t.Column("unit_name")]));
        Assert.Equal((4.0, 8.0), (Cells.Number(byName["市A局"][t.Column("prior_index")]), Cells.Number(byName["市A局"][t.Column("plan_index")])));
        Assert.Equal((4.0, 2.0), (Cells.Number(byName["市B局"][t.Column("prior_index")]), Cells.Number(byName["市B局"][t.Column("plan_index")])));
        Assert.Equal(3.0, Cells.Number(byName["市C局"][t.Column("plan_index")]));
        // A: +4 points and +100% -> sharp; C unchanged; B falls.
        Assert.Equal(["市A局"], result.SharplyGrowing);
    }

    [Fact]
    public void Measure_SmallPlan_ConcentrationBesidePriorMatchesHandComputation()
    {
        Plan(out var result);
        var c = result.Concentration;
        var rows = c.Data.Rows.ToDictionary(r => Cells.Text(r[c.Column("period")]));
        var prior = rows["2018-2020"];
        var plan = rows["2021-2025"];
        // Prior: 4, 4, 3 -> HHI 41/121, Gini 2/33 (as v_workload_concentration).
        Assert.Equal(41.0 / 121, Cells.Number(prior[c.Column("hhi")]), 9);
        Assert.Equal(2.0 / 33, Cells.Number(prior[c.Column("gini")]), 9);
        // Plan: 8, 3, 2 (total 13) -> HHI 77/169; sorted 2, 3, 8: 2 (2 + 6 + 24) / 39 - 4/3 = 4/13; A alone carries 8/13.
        Assert.Equal(77.0 / 169, Cells.Number(plan[c.Column("hhi")]), 9);
        Assert.Equal(4.0 / 13, Cells.Number(plan[c.Column("gini")]), 9);
        Assert.Equal(1, Cells.Count(plan[c.Column("half_load_unit_count")]));
        Assert.Equal("市A局", Cells.Text(plan[c.Column("half_load_units")]));
    }
}
