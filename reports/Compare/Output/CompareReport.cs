using System.Text;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;

namespace Wcc.Reports.Compare.Output;

/// <summary>Writes a comparison into a folder: index.html, charts/workload_shift.*, tables/*.csv (UTF-8 with BOM).</summary>
public static class CompareReport
{
    /// <summary>Title of the report.</summary>
    public const string Title = "周期对比";

    /// <summary>Writes every file into <paramref name="directory"/>; returns the output with the paths in a stable order.</summary>
    public static ReportOutput WriteInto(string directory, CycleComparisonResult result, ReportTable workloadShift, double leadWeight, double responsibleWeight)
    {
        ChartFont.Require();
        Directory.CreateDirectory(directory);
        var tables = CompareTables.All(result, workloadShift);
        var chart = ShiftChart.Create(tables.Single(t => t.Name == "workload_shift").Data, result.From.PeriodLabel, result.To.PeriodLabel,
            leadWeight, responsibleWeight, result.From.IsSynthetic || result.To.IsSynthetic);
        var files = new List<string>(ChartFile.Write(chart, Path.Combine(directory, "charts")));
        files.AddRange(CsvExport.WriteTables(directory, tables));
        var page = Path.Combine(directory, CompareHtml.FileName);
        File.WriteAllText(page, CompareHtml.Render(result, tables, chart, File.ReadAllBytes(files[0])), new UTF8Encoding(false));
        files.Insert(0, page);
        return new ReportOutput(Title, files, tables, [chart.Caption]);
    }
}
