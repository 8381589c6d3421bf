using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Data;
using Wcc.Reports.Coverage;
using Wcc.Reports.Pack.Docx;
using Wcc.Reports.Pack.Sections;
using Wcc.Reports.Workload;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Schema;

namespace Wcc.Reports.Pack;

/// <summary>`wcc pack`: the end-of-period evaluation pack (index.html, pack.pdf, pack.docx, tables.xlsx, units/*.html).</summary>
public static class EvaluationPack
{
    private const int Steps = 6;

    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc pack";

    /// <summary>
    /// Builds the pack from a warehouse. The pack shows what the analytics stored (forecasts, the backtests of the methods
    /// appendix) and computes nothing itself; when the stored forecasts for the as-of year are not current
    /// (<see cref="StoredForecast.IsCurrent"/>) the pack hands the year to <paramref name="refreshForecasts"/> (the analytics
    /// step, given by the caller on a writer's connection; reports never write) and reads what it stored. All or nothing: the pack is written into a staging folder beside --out and swapped in only once every
    /// file, the PDF included, is complete; a refused --out is refused before anything is computed.
    /// </summary>
    public static PackResult Run(DuckDBConnection connection, PackOptions options, IProgress<PackProgress>? progress = null,
        Action<int>? refreshForecasts = null)
    {
        options = CheckedOptions(connection, options);
        return StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command, folder =>
        {
            var staged = Write(connection, options, folder.Staging, progress, refreshForecasts);
            return staged with
            {
                IndexHtml = folder.Final(staged.IndexHtml),
                Pdf = staged.Pdf is null ? null : folder.Final(staged.Pdf),
                Workbook = folder.Final(staged.Workbook),
                Document = folder.Final(staged.Document),
                UnitPages = staged.UnitPages.Select(folder.Final).ToList(),
                UnitPdfs = staged.UnitPdfs.Select(folder.Final).ToList(),
            };
        });
    }

    /// <summary>True when the pack for <paramref name="options"/> needs no write: its stored forecasts are current. Checks the
    /// options first (the same refusals as <see cref="Run"/>), so it runs on a read-only connection.</summary>
    public static bool ReadsOnly(DuckDBConnection connection, PackOptions options) =>
        StoredForecast.IsCurrent(connection, CheckedOptions(connection, options).AsOfYear!.Value);

    /// <summary>Options are checked before the output folder is touched; the as-of year is fixed here so the forecasts,
    /// the verdicts and the title all stand on the same year.</summary>
    private static PackOptions CheckedOptions(DuckDBConnection connection, PackOptions options)
    {
        CheckPeriod(connection, options.Period);
        return options with { AsOfYear = AsOfYear(connection, options) };
    }

    private static PackResult Write(DuckDBConnection connection, PackOptions options, string output, IProgress<PackProgress>? progress, Action<int>? refreshForecasts)
    {
        void Report(int step, string what) => progress?.Report(new PackProgress(step, Steps, what));

        var asOfYear = options.AsOfYear!.Value;
        // The analytics step, only when its stored facts are not current: the pack itself never writes the warehouse.
        var refresh = StoredForecast.WhyNotCurrent(connection, asOfYear);
        if (refresh is not null)
        {
            if (refreshForecasts is null)
            {
                throw new WccException($"the forecasts stored for {asOfYear} are not current ({refresh})",
                    "the forecasts and backtests must be computed and stored before the pack reads them");
            }
            Report(1, "更新预测与回测(" + refresh + ")");
            refreshForecasts(asOfYear);
        }
        else Report(1, "读取已存储的预测与回测");

        Report(2, "生成单位工作量与覆盖热力图");
        var charts = Path.Combine(output, "charts");
        var workload = WorkloadReport.WriteInto(connection, new WorkloadOptions(charts), charts);
        var coverage = CoverageReport.WriteInto(connection, charts);

        Report(3, "汇总评估表格");
        var context = new PackContext(options, asOfYear, NoticeTitle(connection), StoredForecast.DefaultMethod(connection, asOfYear),
            IsSynthetic(connection), PackTables.Read(connection, asOfYear), workload, coverage)
        {
            Pages = PageTables.Read(connection, asOfYear),
            Backtests = BacktestAppendix.Read(connection, asOfYear),
        };
        var sections = Sections(context, out var unitPages);

        Report(4, "写出网页与单位页");
        var index = Path.Combine(output, "index.html");
        var unitBodies = string.Concat(unitPages.Select(p => p.Body));
        var notice = context.IsSynthetic ? PackFormat.SyntheticRunningNotice : null;
        var extraBody = PackLimits.IndexExtraBody(extra => PackDocument.Page(Title(options), sections, tableOfContents: true, extra, notice), unitBodies);
        string IndexPage(IReadOnlyDictionary<string, int>? contentsPages) =>
            PackDocument.Page(Title(options), sections, tableOfContents: true, extraBody, notice, contentsPages);
        var indexPage = IndexPage(null);
        File.WriteAllText(index, indexPage, Utf8);
        var unitDir = Directory.CreateDirectory(Path.Combine(output, "units")).FullName;
        var unitFiles = new List<string>();
        foreach (var page in unitPages)
        {
            var path = Path.Combine(unitDir, page.FileName);
            var section = new PackSection("unit", page.UnitName, page.Body, []);
            // A unit page shows synthetic figures when the history is synthetic or when its own progress reports are.
            var pageNotice = notice ?? (page.Body.Contains(PackFormat.SyntheticLabel, StringComparison.Ordinal) ? PackFormat.SyntheticRunningNotice : null);
            File.WriteAllText(path, PackDocument.Page($"{page.UnitName} - {Title(options)}", [section], tableOfContents: false, runningNotice: pageNotice), Utf8);
            unitFiles.Add(path);
        }

        Report(5, "写出Excel工作簿与Word文档");
        var workbook = Path.Combine(output, "tables.xlsx");
        WorkbookWriter.Write(workbook, sections.SelectMany(s => s.Tables).Prepend(TaskSheet.Build(context.Tables.Tasks)), notice);
        var document = Path.Combine(output, "pack.docx");
        DocxWriter.Write(document, indexPage, Title(options));

        string? pdf = null, problem = null;
        var unitPdfs = new List<string>();
        if (options.WritePdf)
        {
            Report(6, "用Chromium打印PDF");
            // One browser prints the pack and every unit page: its start-up is paid once, and it ends with this step.
            using var printer = ChromiumPrinter.StartSession(out problem);
            if (printer is not null)
            {
                pdf = Path.Combine(output, "pack.pdf");
                PdfContents.Print(printer, index, pdf, pages => IndexPage(pages));
                // One PDF per unit page, so each unit receives its own printable draft; a failure fails the whole pack.
                var unitPrints = unitPages.Zip(unitFiles, (page, html) => (html, Path.Combine(unitDir, page.PdfFileName))).ToList();
                printer.PrintAll(unitPrints);
                unitPdfs.AddRange(unitPrints.Select(p => p.Item2));
            }
        }
        return new PackResult(index, pdf, workbook, document, unitFiles, problem, asOfYear) { UnitPdfs = unitPdfs, ForecastRefreshReason = refresh };
    }

    private static List<PackSection> Sections(PackContext context, out IReadOnlyList<UnitPages.UnitPage> unitPages)
    {
        // Section numbers: 一 is the summary (headline verdict and 达标率); the evaluation follows as the genre orders it
        // (method, background, attainment by domain, the tasks chapter by chapter, unmet targets), then the analyses,
        // the standard tables and the appendices.
        var sections = new List<PackSection> { CoverSection.Build(context), SummarySection.Build(context) };
        var n = sections.Count;
        string Next() => PackDocument.ChineseNumeral(n++);
        sections.Add(EvaluationMethodSection.Build(context, Next()));
        sections.Add(AttainmentSections.Background(context, Next()));
        sections.Add(AttainmentSections.ByDomain(context, Next()));
        var chapters = ChapterSections.Build(context, PackDocument.ChineseNumeral, firstIndex: n).ToList();
        sections.AddRange(chapters);
        n += chapters.Count;
        sections.Add(UnitResponsibilitySection.Build(context, Next()));
        var unmet = EarlyWarningSection.Build(context, Next());
        sections.Add(unmet);
        sections.Add(ComparisonSection.Build(context, Next()));
        sections.Add(AnalysisSections.Workload(context, Next()));
        var coverage = AnalysisSections.Coverage(context, Next());
        sections.Add(coverage);
        sections.Add(DistrictMapSection.Build(context, Next()));
        sections.Add(CollectionSection.Build(context, Next()));
        sections.Add(EvaluationAnnexes.Build(context, Next(), EarlyWarningSection.Title(context.Tables.EarlyWarning)));
        sections.Add(EvaluationAnnexes.Definitions(context, Next()));
        sections.Add(Appendices.DataQuality(context, Next(), coverage.Tables[0]));
        sections.Add(Appendices.Methodology(context, Next()));
        unitPages = UnitPages.Build(context);
        var unitsTitle = $"{Next()}、附录三 单位页";
        sections.Add(new PackSection("units", unitsTitle,
            $"<section class=\"page\" id=\"units\"><h2>{Html.Escape(unitsTitle)}</h2><p>以下每页为一个单位的自评报告初稿({unitPages.Count}个单位,均为{context.AsOfYear}年在职单位;机构改革中撤并单位的任务并入承接单位),亦另存为单独的网页和PDF文件,便于分送各单位。</p></section>", []));
        return sections;
    }

    private static string Title(PackOptions options) => $"{options.Period}年西安市妇女儿童重点工作终期评估";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The period is the notice's: a pack titled 2021-2025 over the 2018-2020 tasks would mislead its readers.</summary>
    private static void CheckPeriod(DuckDBConnection connection, string period)
    {
        var parts = period.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var from) || !int.TryParse(parts[1], out var to) || from > to)
        {
            throw new WccException($"{InputOption.Period.Ref()} {period} is not a period like 2018-2020", $"pass {InputOption.Period.Ref()} FROM-TO, e.g. {InputOption.Period.Ref()} 2018-2020", exitCode: WarehouseYears.UsageExitCode);
        }
        WarehouseYears.Require(InputOption.Period, from, WarehouseYears.First, WarehouseYears.Last, "the years the warehouse can hold");
        WarehouseYears.Require(InputOption.Period, to, WarehouseYears.First, WarehouseYears.Last, "the years the warehouse can hold");
        if (NoticePeriod(connection) is { } notice && (notice.Start != from || notice.End != to))
        {
            throw new WccException($"{InputOption.Period.Ref()} {period} does not match the notice in the warehouse, whose period is {notice.Start}-{notice.End} (it ends in {notice.End})",
                $"pass {InputOption.Period.Ref()} {notice.Start}-{notice.End}, or build the warehouse from that cycle's notice", exitCode: WarehouseYears.UsageExitCode);
        }
        if (WarehouseYears.NoticePeriodEnd(connection) is { } end && end != to)
        {
            throw new WccException($"{InputOption.Period.Ref()} {period} does not match the notice in the warehouse, whose period ends in {end}",
                $"pass {InputOption.Period.Ref()} ending in {end}, or build the warehouse from that cycle's notice", exitCode: WarehouseYears.UsageExitCode);
        }
    }

    /// <summary>
    /// The year the evaluation stands on: --as-of when given, which must lie within the evaluated period and within the
    /// years with observations (an evaluation of 2018-2020 as of 2015 or 2030 is no evaluation of it); by default the
    /// latest observation year, but not after the period's end.
    /// </summary>
    private static int AsOfYear(DuckDBConnection connection, PackOptions options)
    {
        var observed = WarehouseYears.ObservedYears(connection)
            ?? throw new WccException("the warehouse has no observations", new Remedy(RemedyAction.LoadObservations));
        var parts = options.Period.Split('-');
        var (from, to) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        if (options.AsOfYear is not { } asOf) return Math.Max(observed.First, Math.Min(observed.Last, to));
        WarehouseYears.RequireAsOf(connection, asOf);
        WarehouseYears.Require(InputOption.AsOfYear, asOf, Math.Max(from, observed.First), Math.Min(to, observed.Last),
            $"the evaluated period is {from}-{to} and the years with observations are {observed.First}-{observed.Last}");
        return asOf;
    }

    /// <summary>The period named in the notice's title (2018-2020年…), or null when no notice or no range is loaded.</summary>
    private static (int Start, int End)? NoticePeriod(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT document_title FROM v_current_notice";
        return cmd.ExecuteScalar() is string title ? Wcc.Notice.NoticePeriod.Range(title) : null;
    }

    private static string NoticeTitle(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT document_title FROM v_current_notice";
        return cmd.ExecuteScalar() as string ?? "(未载入通知)";
    }

    /// <summary>True while any figure the pack shows is generated: a current observation or a progress report.</summary>
    /// <remarks>Submitted returns replace the synthetic rows they cover; when none is left, the notices disappear.</remarks>
    private static bool IsSynthetic(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT EXISTS (SELECT 1 FROM v_observation WHERE source = $source)
                OR EXISTS (SELECT 1 FROM fact_task_progress WHERE source = $source)
            """;
        cmd.Parameters.Add(new DuckDBParameter("source", Wcc.Warehouse.Vocabulary.LoadJobs.SyntheticSource));
        return (bool)cmd.ExecuteScalar()!;
    }
}
