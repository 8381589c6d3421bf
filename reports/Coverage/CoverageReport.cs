using System.Globalization;
using DuckDB.NET.Data;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Reports.Coverage;

/// <summary>Coverage heatmaps: who is responsible for which task and chapter, and how far each area has come on its indicators.</summary>
public static class CoverageReport
{
    /// <summary>Title of the report section in the pack.</summary>
    public const string Title = "任务覆盖与指标达成热力图";

    /// <summary>Area x indicator marts restricted to the focus city and its districts (v_focus_area): a national data set
    /// loaded by a researcher would otherwise turn a 14-row heatmap into thousands of rows.</summary>
    private static ReportTable FocusAreas(DuckDBConnection connection, string name, string view) =>
        MartReader.Query(connection, name, $"SELECT * FROM {view} WHERE area_code IN (SELECT area_code FROM v_focus_area) ORDER BY area_code, indicator_code", view,
            new Dictionary<string, object>());

    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc report coverage";

    /// <summary>Reads the coverage marts and writes each non-empty heatmap (PNG, SVG, CSV, caption) plus every table as CSV, all or nothing.</summary>
    public static ReportOutput Run(DuckDBConnection connection, CoverageOptions options) =>
        StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command,
            folder => WriteInto(connection, folder.Staging).Relocated(folder.Final));

    /// <summary>Writes the report into <paramref name="directory"/> as it is (the pack writes it into its own staging folder).</summary>
    public static ReportOutput WriteInto(DuckDBConnection connection, string directory)
    {
        ChartFont.Require();
        var tables = new List<ReportTable>
        {
            MartReader.View(connection, "coverage_task_unit", "v_coverage_task_unit", "chapter_no, task_no, unit_order"),
            MartReader.View(connection, "coverage_chapter_unit", "v_coverage_chapter_unit", "chapter_no, unit_order"),
            FocusAreas(connection, "coverage_attainment", "v_coverage_attainment"),
            FocusAreas(connection, "coverage_completeness", "v_coverage_completeness"),
            FocusAreas(connection, "gender_parity", "v_gender_parity"),
        };
        if (tables[0].Data.Rows.Count == 0)
        {
            throw new WccException("the warehouse has no tasks with units, so there is no coverage to report",
                new Remedy(RemedyAction.LoadNotice));
        }
        var charts = new List<ChartSpec> { CoverageCharts.TaskUnit(tables[0]), CoverageCharts.ChapterUnit(tables[1]) };
        // An area x indicator chart with no rows says so in words rather than disappearing or drawing an empty grid.
        charts.Add(tables[2].Data.Rows.Count > 0 ? CoverageCharts.Attainment(tables[2])
            : CoverageCharts.Empty(tables[2], "coverage_attainment", "各地区指标目标达成情况", "暂无同时具有目标值和观测值的地区指标,无法计算达成情况。"));
        charts.Add(tables[3].Data.Rows.Count > 0 ? CoverageCharts.Completeness(tables[3])
            : CoverageCharts.Empty(tables[3], "coverage_completeness", "各地区指标数据完整性", "数据仓库中尚无本市及各区县的指标观测值。"));
        charts.Add(tables[4].Data.Rows.Count > 0 ? CoverageCharts.Parity(tables[4])
            : CoverageCharts.Empty(tables[4], "gender_parity", "各地区指标性别比(女/男)", "暂无同一年份男女分别统计的指标观测值,无法计算性别比。"));

        var files = new List<string>();
        foreach (var chart in charts) files.AddRange(ChartFile.Write(chart, directory));
        files.AddRange(CsvExport.WriteTables(directory, tables));
        return new ReportOutput(Title, files, tables, charts.Select(c => c.Caption).ToList());
    }

    internal static string Fmt(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
