using System.Globalization;
using DuckDB.NET.Data;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Workload;

/// <summary>Unit workload analysis: who leads and shares the notice's tasks, how concentrated the load is, and delivery beside it.</summary>
public static class WorkloadReport
{
    /// <summary>Title of the report section in the pack.</summary>
    public static string Title => $"{RoleVocabulary.ResponsibleUnits}工作量分析";

    private const string CollectiveLegend = "集体单位(各区县/各成员单位)";

    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc report workload";

    /// <summary>Reads the workload marts, writes the charts (PNG, SVG, CSV, caption) and every table as CSV into the output folder, all or nothing.</summary>
    public static ReportOutput Run(DuckDBConnection connection, WorkloadOptions options) =>
        StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command,
            folder => WriteInto(connection, options, folder.Staging).Relocated(folder.Final));

    /// <summary>Writes the report into <paramref name="directory"/> as it is (the pack writes it into its own staging folder).</summary>
    public static ReportOutput WriteInto(DuckDBConnection connection, WorkloadOptions options, string directory)
    {
        ChartFont.Require();
        var tables = WorkloadTables.Read(connection, options);
        var units = tables.Single(t => t.Name == "unit_workload");
        if (units.Data.Rows.Count == 0)
        {
            throw new WccException("the warehouse has no task assignments, so there is no workload to report",
                new Remedy(RemedyAction.LoadNotice));
        }

        var files = new List<string>();
        var captions = new List<ChartCaption>();
        var charts = new List<ChartSpec> { WorkloadChart(units, options.OverridesWeights) };
        var delivery = tables.Single(t => t.Name == "unit_delivery");
        if (delivery.Values("progress_year").Any(v => v is not null)) charts.Add(DeliveryChart(delivery));
        foreach (var chart in charts)
        {
            files.AddRange(ChartFile.Write(chart, directory));
            captions.Add(chart.Caption);
        }
        files.AddRange(CsvExport.WriteTables(directory, tables));
        return new ReportOutput(Title, files, tables, captions);
    }

    private static ChartSpec WorkloadChart(ReportTable units, bool overridden)
    {
        var rows = units.Data.Rows;
        string Name(object?[] r) => Cells.Text(r[units.Column("unit_name")]);
        var leadWeight = Cells.Number(rows[0][units.Column("lead_weight")]);
        var responsibleWeight = Cells.Number(rows[0][units.Column("responsible_weight")]);
        var leadPart = rows.Select(r => leadWeight * Cells.Count(r[units.Column("tasks_led")])).ToList();
        var responsiblePart = rows.Select(r => responsibleWeight * Cells.Count(r[units.Column("tasks_responsible")])).ToList();
        var input = new BarInput(
            $"各{RoleVocabulary.ResponsibleUnits}加权工作量指数",
            $"加权工作量指数({RoleVocabulary.LeadLabel}×{Fmt(leadWeight)} + {RoleVocabulary.ResponsibleLabel}×{Fmt(responsibleWeight)})",
            rows.Select(Name).ToList(),
            [new BarSegment($"{RoleVocabulary.LeadLabel}任务(×{Fmt(leadWeight)})", Palette.Lead, leadPart),
             new BarSegment($"{RoleVocabulary.ResponsibleLabel}任务(×{Fmt(responsibleWeight)})", Palette.Responsible, responsiblePart)],
            rows.Select(r => Cells.Flag(r[units.Column("is_collective")])).ToList(),
            CollectiveLegend);
        var (plot, width, height) = BarChart.Create(input);
        var caption = new ChartCaption("unit_workload", input.Title,
            $"每个单位的加权工作量指数 = {RoleVocabulary.LeadLabel}任务数×{Fmt(leadWeight)} + {RoleVocabulary.ResponsibleLabel}任务数×{Fmt(responsibleWeight)}"
            + (overridden ? "(权重由命令行临时指定,非默认值)" : "(默认权重,记录在数据仓库的参数表中)")
            + ";单位按指数从高到低排列,虚线以下灰色为集体单位,不计入集中度。",
            "工作量指数(无量纲,任务数加权和)",
            [overridden ? "reports/Workload/queries/unit_workload_weighted.sql" : "v_unit_workload"], IsSynthetic: false);
        return new ChartSpec("unit_workload", plot, width, height, units.Data, caption);
    }

    private static ChartSpec DeliveryChart(ReportTable delivery)
    {
        var rows = delivery.Data.Rows.Where(r => !Cells.Flag(r[delivery.Column("is_collective")])).ToList();
        var year = Cells.Count(delivery.Data.Rows.First(r => r[delivery.Column("progress_year")] is not null)[delivery.Column("progress_year")]);
        var (lagging, notStarted) = (ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.Lagging), ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.NotStarted));
        var input = new BarInput(
            $"{year}年各单位{lagging}与{notStarted}任务数",
            "任务数(项)",
            rows.Select(r => Cells.Text(r[delivery.Column("unit_name")])).ToList(),
            [new BarSegment(lagging, Palette.Vermillion, rows.Select(r => (double)Cells.Count(r[delivery.Column("tasks_lagging")])).ToList()),
             new BarSegment(notStarted, Palette.Orange, rows.Select(r => (double)Cells.Count(r[delivery.Column("tasks_not_started")])).ToList())],
            ValueFormat: "0",
            EmptyNote: $"{year}年各单位均无报告为“{lagging}”或“{notStarted}”的任务。");
        var (plot, width, height) = BarChart.Create(input);
        var data = new Warehouse.Query.QueryResult(delivery.Data.Columns, rows);
        var caption = new ChartCaption("unit_delivery", input.Title,
            $"{year}年(最近进度年度)各单位报告为“{lagging}”或“{notStarted}”的任务数;单位按加权工作量从高到低排列,集体单位未列出。",
            "项(任务数)", ["v_unit_delivery"], IsSynthetic: rows.Any(r => Cells.Flag(r[delivery.Column("is_synthetic")])));
        return new ChartSpec("unit_delivery", plot, width, height, data, caption);
    }

    private static string Fmt(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
