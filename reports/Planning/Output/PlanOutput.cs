using System.Text;
using Wcc.Analytics.Planning.Draft;
using Wcc.Analytics.Planning.Model;
using Wcc.Analytics.Planning.Store;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Reports.Planning.Workload;

namespace Wcc.Reports.Planning.Output;

/// <summary>Writes the plan's output folder: tables/*.csv (UTF-8 BOM), charts/*.png|svg, draft/*.txt|csv.</summary>
public static class PlanOutput
{
    /// <summary>Writes every file; returns their paths in a stable order.</summary>
    public static IReadOnlyList<string> Write(
        string directory, PlanContext context, IReadOnlyList<ScenarioResult> results, IReadOnlyList<PlanWorkloadResult> workloads,
        IReadOnlyList<(string FileStem, string Text, DivisionOfWork Division)> drafts)
    {
        var files = new List<string>();
        var tables = Path.Combine(directory, "tables");
        var charts = Path.Combine(directory, "charts");
        var draftDir = Path.Combine(directory, "draft");
        Directory.CreateDirectory(tables);
        Directory.CreateDirectory(draftDir);

        void Table(string name, Warehouse.Query.QueryResult data)
        {
            var path = Path.Combine(tables, name + ".csv");
            CsvExport.Write(path, data);
            files.Add(path);
        }
        Table("plan_projection", PlanTables.Projections(results));
        Table("scenario_target_comparison", PlanTables.TargetComparison(context, results));
        Table("scenario_workload_comparison", PlanTables.WorkloadComparison(results, workloads));
        foreach (var w in workloads) Table($"unit_workload_{w.ScenarioId}", w.Units.Data);

        var specs = new List<ChartSpec?> { PlanCharts.TargetProbabilities(context, results), PlanCharts.Workload(results, workloads) };
        foreach (var spec in specs.OfType<ChartSpec>()) files.AddRange(ChartFile.Write(spec, charts));

        foreach (var (stem, text, division) in drafts)
        {
            var txt = Path.Combine(draftDir, stem + ".txt");
            File.WriteAllText(txt, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            files.Add(txt);
            var csv = Path.Combine(draftDir, stem + ".csv");
            CsvExport.Write(csv, DraftNotice.Table(division));
            files.Add(csv);
        }
        return files;
    }
}
