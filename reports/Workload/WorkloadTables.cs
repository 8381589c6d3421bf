using DuckDB.NET.Data;
using Wcc.Reports.Common;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Workload;

/// <summary>Reads the workload marts; with overridden weights, the two weighted views' table macros are called with them.</summary>
internal static class WorkloadTables
{
    private const string WeightedUnitsFile = "Workload/queries/unit_workload_weighted.sql";
    private const string WeightedConcentrationFile = "Workload/queries/workload_concentration_weighted.sql";

    /// <summary>Units as the report lists them: departments before collectives, heaviest workload first.</summary>
    private const string UnitOrder = "is_collective, workload_index DESC, unit_name";

    public static IReadOnlyList<ReportTable> Read(DuckDBConnection connection, WorkloadOptions options)
    {
        var tables = new List<ReportTable>();
        if (options.OverridesWeights)
        {
            var (lead, responsible) = Weights(connection, options);
            var parameters = new Dictionary<string, object> { ["lead_weight"] = lead, ["responsible_weight"] = responsible };
            tables.Add(MartReader.Query(connection, "unit_workload", MartReader.EmbeddedSql(WeightedUnitsFile), WeightedUnitsFile, parameters));
            tables.Add(MartReader.Query(connection, "workload_concentration", MartReader.EmbeddedSql(WeightedConcentrationFile), WeightedConcentrationFile, parameters));
        }
        else
        {
            tables.Add(MartReader.View(connection, "unit_workload", "v_unit_workload", UnitOrder));
            tables.Add(MartReader.View(connection, "workload_concentration", "v_workload_concentration", "ALL"));
        }
        tables.Add(MartReader.View(connection, "unit_chapter_workload", "v_unit_chapter_workload", "is_collective, unit_name, chapter_no"));
        tables.Add(MartReader.View(connection, "unit_pair", "v_unit_pair", "tasks_shared DESC, unit_a, unit_b"));
        tables.Add(MartReader.View(connection, "single_unit_task", "v_single_unit_task", "task_no"));
        tables.Add(MartReader.View(connection, "unit_lead_unmeasured", "v_unit_lead_unmeasured", "unit_name, task_no"));
        tables.Add(MartReader.View(connection, "unit_delivery", "v_unit_delivery", UnitOrder));
        return tables;
    }

    private static (double Lead, double Responsible) Weights(DuckDBConnection connection, WorkloadOptions options)
    {
        var defaults = MartReader.View(connection, "weights", "mart_parameter", "name");
        double Default(string name) => defaults.Data.Rows
            .Where(r => Cells.Text(r[defaults.Column("name")]) == name)
            .Select(r => Cells.Number(r[defaults.Column("value")])).First();
        var lead = options.LeadWeight ?? Default("lead_weight");
        var responsible = options.ResponsibleWeight ?? Default("responsible_weight");
        if (!(lead >= 0) || !(responsible >= 0) || lead + responsible == 0 || double.IsInfinity(lead) || double.IsInfinity(responsible))
        {
            throw new WccException($"workload weights must be finite, non-negative and not both zero (got lead {lead}, responsible {responsible})",
                $"pass e.g. {InputOption.LeadWeight.Ref()} 2 {InputOption.ResponsibleWeight.Ref()} 1");
        }
        return (lead, responsible);
    }
}
