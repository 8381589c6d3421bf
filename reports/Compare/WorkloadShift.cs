using System.Text.Json;
using DuckDB.NET.Data;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Model;
using Wcc.Reports.Planning.Workload;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Compare;

/// <summary>Each unit's workload in both notices, side by side: the warehouse's one workload formula (table macro
/// unit_workload with mart_parameter's weights) run over each notice's assignments, and the plan's before/after query.</summary>
public static class WorkloadShift
{
    private const string RolesFile = "Compare/queries/snapshot_unit_task_role.sql";
    private const string UnitsFile = "Workload/queries/unit_workload_weighted.sql";
    private const string ComparisonFile = "Planning/queries/plan_unit_comparison.sql";

    /// <summary>One row per unit named in either notice (under the later cycle's names): tasks led and responsible and the
    /// index before (prior_*) and after (plan_*), the change, and whether it grows sharply (<see cref="PlanWorkload"/>'s rule).</summary>
    public static ReportTable Measure(DuckDBConnection connection, CycleComparisonResult comparison)
    {
        var (lead, responsible) = Weights(connection);
        var roles = MartReader.EmbeddedSql(RolesFile);
        var units = MartReader.EmbeddedSql(UnitsFile);
        // The table macro reads v_unit_task_role; a CTE of that name makes it measure a notice's roles instead.
        string Weighted(string parameter) =>
            $"WITH v_unit_task_role AS ({roles.Replace("$roles", "$" + parameter, StringComparison.Ordinal)}), weighted_units AS ({units})";
        var sql = $"WITH prior_units AS ({Weighted("from_roles")} SELECT * FROM weighted_units),\n"
            + $"plan_units AS ({Weighted("to_roles")} SELECT * FROM weighted_units)\n{MartReader.EmbeddedSql(ComparisonFile)}";
        return MartReader.Query(connection, "workload_shift", sql, ComparisonFile, new Dictionary<string, object>
        {
            ["from_roles"] = Roles(comparison.From, comparison.Renames),
            ["to_roles"] = Roles(comparison.To, comparison.Renames),
            ["lead_weight"] = lead,
            ["responsible_weight"] = responsible,
            ["sharp_growth_points"] = PlanWorkload.SharpGrowthPoints,
            ["sharp_growth_ratio"] = PlanWorkload.SharpGrowthRatio,
        });
    }

    /// <summary>The documented weights (mart_parameter lead_weight, responsible_weight).</summary>
    public static (double Lead, double Responsible) Weights(DuckDBConnection connection)
    {
        var table = MartReader.View(connection, "weights", "mart_parameter", "name");
        double Weight(string name) => table.Data.Rows.Where(r => Cells.Text(r[table.Column("name")]) == name)
            .Select(r => Cells.Number(r[table.Column("value")])).First();
        return (Weight("lead_weight"), Weight("responsible_weight"));
    }

    /// <summary>A notice's assignments as the JSON the role query reads, units under the later cycle's names.</summary>
    private static string Roles(NoticeSnapshot notice, UnitRenames renames) => JsonSerializer.Serialize(
        notice.Tasks.SelectMany(t =>
            t.Lead.Select(u => (u, RoleVocabulary.Codes.Lead)).Concat(t.Responsible.Select(u => (u, RoleVocabulary.Codes.Responsible)))
                .Select(x => new Role(renames.Current(x.u), t.No, t.ChapterNo, x.Item2))).ToList());

    private sealed record Role(
        [property: System.Text.Json.Serialization.JsonPropertyName("unit_name")] string UnitName,
        [property: System.Text.Json.Serialization.JsonPropertyName("task_no")] int TaskNo,
        [property: System.Text.Json.Serialization.JsonPropertyName("chapter_no")] int ChapterNo,
        [property: System.Text.Json.Serialization.JsonPropertyName("role")] string RoleName);
}
