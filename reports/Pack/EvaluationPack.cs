using System.Text;
using DuckDB.NET.Data;
using Wcc.Reports.Coverage;
using Wcc.Reports.Forecast;
using Wcc.Reports.Pack.Sections;
using Wcc.Reports.Workload;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Pack;

/// <summary>`wcc pack`: the end-of-period evaluation pack (index.html, pack.pdf, tables.xlsx, units/*.html).</summary>
public static class EvaluationPack
{
    private const int Steps = 6;

    /// <summary>Builds the pack from a warehouse; forecasts for the as-of year are (re)computed first so the pack matches the data.</summary>
    public static PackResult Run(DuckDBConnection connection, PackOptions options, IProgress<PackProgress>? progress = null)
    {
        CheckPeriod(connection, options.Period);
        var output = PrepareOutput(options);
        void Report(int step, string what) => progress?.Report(new PackProgress(step, Steps, what));

        Report(1, "预测各项目标达成情况");
        var forecast = ForecastRun.Execute(connection, options.AsOfYear);

        Report(2, "生成单位工作量与覆盖热力图");
        var charts = Path.Combine(output, "charts");
        var workload = WorkloadReport.Run(connection, new WorkloadOptions(charts, Overwrite: true));
        var coverage = CoverageReport.Run(connection, new CoverageOptions(charts, Overwrite: true));

        Report(3, "汇总评估表格");
        var context = new PackContext(options, forecast.AsOfYear, NoticeTitle(connection), forecast.Default.Method,
            IsSynthetic(connection), PackTables.Read(connection, forecast.AsOfYear), workload, coverage);
        var sections = Sections(context, out var unitPages);

        Report(4, "写出网页与单位页");
        var index = Path.Combine(output, "index.html");
        var unitBodies = string.Concat(unitPages.Select(p => p.Body));
        File.WriteAllText(index, PackDocument.Page(Title(options), sections, tableOfContents: true, unitBodies), Utf8);
        var unitDir = Directory.CreateDirectory(Path.Combine(output, "units")).FullName;
        var unitFiles = new List<string>();
        foreach (var page in unitPages)
        {
            var path = Path.Combine(unitDir, page.FileName);
            var section = new PackSection("unit", page.UnitName, page.Body, []);
            File.WriteAllText(path, PackDocument.Page($"{page.UnitName} - {Title(options)}", [section], tableOfContents: false), Utf8);
            unitFiles.Add(path);
        }

        Report(5, "写出Excel工作簿");
        var workbook = Path.Combine(output, "tables.xlsx");
        WorkbookWriter.Write(workbook, sections.SelectMany(s => s.Tables));

        string? pdf = null, problem = null;
        if (options.WritePdf)
        {
            Report(6, "用Chromium打印PDF");
            pdf = Path.Combine(output, "pack.pdf");
            problem = ChromiumPrinter.PrintToPdf(index, pdf);
            if (problem is not null) pdf = null;
        }
        return new PackResult(index, pdf, workbook, unitFiles, problem, forecast.AsOfYear);
    }

    private static List<PackSection> Sections(PackContext context, out IReadOnlyList<UnitPages.UnitPage> unitPages)
    {
        // Section numbers: 一 is the summary, the chapters follow, then the analyses and appendices.
        var sections = new List<PackSection> { CoverSection.Build(context), SummarySection.Build(context) };
        sections.AddRange(ChapterSections.Build(context, PackDocument.ChineseNumeral, firstIndex: 2));
        var n = sections.Count;
        string Next() => PackDocument.ChineseNumeral(n++);
        sections.Add(AnalysisSections.Workload(context, Next()));
        var coverage = AnalysisSections.Coverage(context, Next());
        sections.Add(coverage);
        sections.Add(EarlyWarningSection.Build(context, Next()));
        sections.Add(CollectionSection.Build(context, Next()));
        sections.Add(Appendices.DataQuality(context, Next(), coverage.Tables[0]));
        sections.Add(Appendices.Methodology(context, Next()));
        unitPages = UnitPages.Build(context);
        var unitsTitle = $"{Next()}、附录三 单位页";
        sections.Add(new PackSection("units", unitsTitle,
            $"<section class=\"page\" id=\"units\"><h2>{Html.Escape(unitsTitle)}</h2><p>以下每页对应一个单位({unitPages.Count}个),亦另存为 units/ 目录下的单独网页,便于分送各单位。</p></section>", []));
        return sections;
    }

    private static string Title(PackOptions options) => $"{options.Period}年西安市妇女儿童重点工作终期评估";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the output folder; an existing pack is replaced only with Overwrite.</summary>
    private static string PrepareOutput(PackOptions options)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        if (File.Exists(output)) throw new WccException($"--out {options.OutputDirectory} is a file, not a folder", "choose a folder for the pack");
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            if (!options.Overwrite)
            {
                throw new WccException($"{options.OutputDirectory} already holds files", "pass --overwrite to replace the pack, or choose another --out folder", exitCode: 2);
            }
            // Only what a pack writes is removed, so a mistaken --out cannot wipe unrelated files.
            foreach (var name in new[] { "index.html", "pack.pdf", "tables.xlsx" }) File.Delete(Path.Combine(output, name));
            foreach (var dir in new[] { "units", "charts" })
            {
                var path = Path.Combine(output, dir);
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
        }
        Directory.CreateDirectory(output);
        return output;
    }

    /// <summary>The period is the notice's: a pack titled 2021-2025 over the 2018-2020 tasks would mislead its readers.</summary>
    private static void CheckPeriod(DuckDBConnection connection, string period)
    {
        var parts = period.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var from) || !int.TryParse(parts[1], out var to) || from > to || from < 1990 || to > 2100)
        {
            throw new WccException($"--period {period} is not a period like 2018-2020", "pass --period FROM-TO, e.g. --period 2018-2020", exitCode: 2);
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(period_end_year) FROM dim_notice";
        if (cmd.ExecuteScalar() is int end && end != to)
        {
            throw new WccException($"--period {period} does not match the notice in the warehouse, whose period ends in {end}",
                $"pass --period ending in {end}, or build the warehouse from that cycle's notice", exitCode: 2);
        }
    }

    private static string NoticeTitle(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT document_title FROM dim_notice";
        return cmd.ExecuteScalar() as string ?? "(未载入通知)";
    }

    private static bool IsSynthetic(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) > 0 FROM v_observation WHERE source = 'synthetic'";
        return (bool)cmd.ExecuteScalar()!;
    }
}
