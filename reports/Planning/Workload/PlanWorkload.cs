using DuckDB.NET.Data;
using Wcc.Analytics.Planning.Model;
using Wcc.Reports.Common;

namespace Wcc.Reports.Planning.Workload;

/// <summary>A scenario's division of work measured as the workload report measures 2018-2020: units side by side, and concentration for both periods.</summary>
public sealed record PlanWorkloadResult(string ScenarioId, ReportTable Units, ReportTable Concentration)
{
    /// <summary>Units flagged as growing sharply, highest planned index first.</summary>
    public IReadOnlyList<string> SharplyGrowing =>
        Units.Data.Rows.Where(r => Cells.Flag(r[Units.Column("grows_sharply")])).Select(r => Cells.Text(r[Units.Column("unit_name")])).ToList();
}

/// <summary>Runs the workload report's own weighted queries over the plan assignment facts (a role source bound as v_unit_task_role), never a copy of them.</summary>
public static class PlanWorkload
{
    /// <summary>Growth of a unit's index flagged as sharp: at least +50% …</summary>
    public const double SharpGrowthRatio = 0.5;

    /// <summary>… and at least +3 index points (one led task and one shared task with the default weights).</summary>
    public const double SharpGrowthPoints = 3;

    private const string UnitsFile = "Workload/queries/unit_workload_weighted.sql";
    private const string ConcentrationFile = "Workload/queries/workload_concentration_weighted.sql";
    private const string PlanRolesFile = "Planning/queries/plan_unit_task_role.sql";
    private const string PriorRolesFile = "Planning/queries/prior_unit_task_role.sql";
    private const string ComparisonFile = "Planning/queries/plan_unit_comparison.sql";

    /// <summary>Measures the division of work of <paramref name="scenarioId"/> with the context's weights (mart_parameter).</summary>
    public static PlanWorkloadResult Measure(DuckDBConnection connection, PlanContext context, string scenarioId) =>
        Measure(connection, scenarioId, context.LeadWeight, context.ResponsibleWeight, $"{context.FirstPlanYear}-{context.HorizonYear}");

    /// <summary>Measures the division of work of <paramref name="scenarioId"/> (its plan_* rows must be in the warehouse);
    /// <paramref name="planLabel"/> names the plan period in the concentration table.</summary>
    public static PlanWorkloadResult Measure(DuckDBConnection connection, string scenarioId, double leadWeight, double responsibleWeight, string planLabel)
    {
        var units = MartReader.EmbeddedSql(UnitsFile);
        var planRoles = MartReader.EmbeddedSql(PlanRolesFile);
        var priorRoles = MartReader.EmbeddedSql(PriorRolesFile);
        // The table macros read v_unit_task_role; a CTE of that name makes them measure these roles instead.
        string Weighted(string roles) => $"WITH v_unit_task_role AS ({roles}), weighted_units AS ({units})";

        var weights = new Dictionary<string, object> { ["lead_weight"] = leadWeight, ["responsible_weight"] = responsibleWeight };
        var comparisonSql = $"WITH prior_units AS ({Weighted(priorRoles)} SELECT * FROM weighted_units),\n"
            + $"plan_units AS ({Weighted(planRoles)} SELECT * FROM weighted_units)\n{MartReader.EmbeddedSql(ComparisonFile)}";
        var comparison = MartReader.Query(connection, "plan_unit_workload", comparisonSql, ComparisonFile,
            new Dictionary<string, object>(weights)
            {
                ["scenario_id"] = scenarioId, ["rename_scenario_id"] = scenarioId,
                ["sharp_growth_points"] = SharpGrowthPoints, ["sharp_growth_ratio"] = SharpGrowthRatio,
            });

        // 2018-2020 concentration with the units as written then (equals v_workload_concentration), the plan's after renames.
        var concentration = MartReader.EmbeddedSql(ConcentrationFile);
        var concentrationSql = $"SELECT '2018-2020' AS period, * FROM (WITH v_unit_task_role AS ({priorRoles})\n{concentration})\n"
            + $"UNION ALL SELECT $plan_label AS period, * FROM (WITH v_unit_task_role AS ({planRoles})\n{concentration})\nORDER BY period";
        var both = MartReader.Query(connection, "plan_workload_concentration", concentrationSql, ConcentrationFile,
            new Dictionary<string, object>(weights)
            {
                ["scenario_id"] = scenarioId, ["rename_scenario_id"] = "",
                ["plan_label"] = planLabel,
            });
        return new PlanWorkloadResult(scenarioId, comparison, both);
    }
}
