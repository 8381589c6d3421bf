using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SkiaSharp;
using Wcc.Reports.Common;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The pack written once from the real seed warehouse, shared by the tests below.</summary>
public sealed class SeedPackFixture : IDisposable
{
    public SeedWarehouseFixture Warehouse { get; } = new();

    public TempDirectory Output { get; } = new();

    public PackResult Result { get; }

    public string IndexHtml { get; }

    public SeedPackFixture()
    {
        Result = Packs.Run(Warehouse.Connection, new PackOptions(Output.File("pack")));
        IndexHtml = File.ReadAllText(Result.IndexHtml);
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        Output.Dispose();
    }
}

[Trait("Category", "Slow")]
public partial class EvaluationPackTests(SeedPackFixture pack) : IClassFixture<SeedPackFixture>
{
    /// <summary>What the seed warehouse has no input for: no collection round was sent, no row was rejected, no population by sex.</summary>
    private static readonly string[] EmptyWithSeeds = ["v_pack_collection", "v_pack_reject_summary", "v_eval_background"];

    [Fact]
    public void PackModels_FilledByThePack_PassTheirDataTests()
    {
        var models = Wcc.Warehouse.Schema.SchemaCatalog.Models
            .Where(m => m.ResourcePath.StartsWith("sql/50_pack/", StringComparison.Ordinal) || m.Name.StartsWith("fact_forecast", StringComparison.Ordinal)
                        || m.Name.StartsWith("fact_backtest_", StringComparison.Ordinal))
            .ToList();
        // The tests below must run on rows, not on empty views (where every test passes).
        var empty = models.Where(m => pack.Warehouse.Scalar($"SELECT count(*) FROM {m.Name}") == 0).Select(m => m.Name).ToList();
        Assert.True(empty.All(EmptyWithSeeds.Contains), $"empty after the pack: {string.Join(", ", empty)}");
        Assert.True(models.Count - empty.Count >= 10, $"only {models.Count - empty.Count} pack models hold rows");

        var failed = models.SelectMany(m => Wcc.Warehouse.Quality.DataTestRunner.Run(pack.Warehouse.Connection, m))
            .Where(r => !r.Passed).Select(r => $"{r.Model}: {r.Test} ({r.Failures} rows)").ToList();
        Assert.Empty(failed);
    }

    [Fact]
    public void Html_SectionsAndCountsMatchTheWarehouse()
    {
        var html = pack.IndexHtml;
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM dim_task"), TaskHeading().Matches(html).Count);
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM dim_chapter"), ChapterSection().Matches(html).Count);
        foreach (var id in new[] { "cover", "toc", "summary", "method", "background", "domains", "comparison", "annex-tables", "definitions", "workload", "coverage", "districts", "warning", "data-quality", "methodology", "units" })
        {
            Assert.Contains($"id=\"{id}\"", html);
        }
        // one page per unit holding the duties in the as-of year (successors after the 2019 reform)
        var units = pack.Warehouse.Scalar("""
            SELECT count(DISTINCT c.current_name) FROM fact_task_assignment a
            JOIN v_pack_unit_current c ON c.unit_name = a.unit_name AND c.year = $y
            """, ("y", pack.Result.AsOfYear));
        Assert.Equal(units, pack.Result.UnitPages.Count);
        Assert.Equal(units, UnitSection().Matches(html).Count);
        var asOf = pack.Result.AsOfYear;
        // every status tile counts the city's targets the warehouse gives that status (queried here, not read off the pack)
        foreach (var term in Wcc.Warehouse.Vocabulary.StatusVocabulary.All)
        {
            var n = pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_attainment WHERE is_city AND shown_status = $s AND as_of_year = $y", ("s", term.Label), ("y", asOf));
            if (n > 0) Assert.Contains($"<div class=\"kpi {term.CssClass}\"><b>{n}</b>{term.Label}</div>", html);
            else Assert.DoesNotContain($"{term.Label}</div>", html);
        }
        var warnings = pack.Warehouse.Scalar("SELECT count(*) FROM v_pack_early_warning WHERE as_of_year = $y", ("y", asOf));
        var warningSection = html[html.IndexOf("id=\"warning\"", StringComparison.Ordinal)..html.IndexOf("id=\"comparison\"", StringComparison.Ordinal)];
        Assert.Equal(warnings, RowCount().Matches(warningSection).Count);
        Assert.Contains("合成示例数据", html);
    }

    [Fact]
    public void Headline_RatesAndTaskFlags_MatchTheWarehouse()
    {
        var html = pack.IndexHtml;
        var asOf = pack.Result.AsOfYear;
        var targets = pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_attainment WHERE is_city AND as_of_year = $y", ("y", asOf));
        var attained = pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_attainment WHERE is_city AND as_of_year = $y AND verdict_code = 'attained'", ("y", asOf));
        var withData = pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_attainment WHERE is_city AND as_of_year = $y AND verdict_code <> 'no_data'", ("y", asOf));
        var label = Wcc.Warehouse.Vocabulary.StatusVocabulary.Get(Wcc.Warehouse.Vocabulary.StatusVocabulary.Codes.Attained).Label;
        var rate = (100.0 * attained / withData).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"全市层面{targets}项目标中,{label}{attained}项", html);
        Assert.Contains($"达标率{rate}%", html);
        // one T2 row per plan x domain of the city's targets
        var domains = pack.Warehouse.Scalar("SELECT count(DISTINCT (plan_zh, domain_zh)) FROM v_eval_attainment WHERE is_city AND as_of_year = $y", ("y", asOf));
        var summary = html[html.IndexOf("id=\"summary\"", StringComparison.Ordinal)..html.IndexOf("id=\"method\"", StringComparison.Ordinal)];
        var t2 = summary[summary.IndexOf("(附表T2)", StringComparison.Ordinal)..];
        t2 = t2[..t2.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(domains, Regex.Matches(t2, "<tr><td[ >]").Count);
        // tasks reported complete while a linked target was missed are counted and marked
        var flagged = pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_task WHERE completed_but_unmet AND as_of_year = $y", ("y", asOf));
        Assert.Contains($"其中{flagged}项任务的进展报告为已完成", html);
        Assert.Equal(flagged, Regex.Matches(html, Regex.Escape(Wcc.Reports.Pack.Sections.EvaluationAnnexes.CompletedButUnmetFlag) + ":").Count);
        // at the deadline no missed target is shown as a forecast with its probability
        Assert.DoesNotContain("达成概率0%", html);
        foreach (var internalName in new[] { "mart_parameter", "v_eval", "v_pack", "vocab_status", "seeds/" })
        {
            var body = html[html.IndexOf("id=\"summary\"", StringComparison.Ordinal)..html.IndexOf("id=\"workload\"", StringComparison.Ordinal)];
            Assert.DoesNotContain(internalName, body);
        }
    }

    [Fact]
    public void Html_IsSelfContained()
    {
        // Nothing is fetched: sources are cited by address as text (the comparison), never loaded.
        Assert.DoesNotMatch("(src|href)=\"https?:|url\\(\\s*['\"]?https?:|<link ", pack.IndexHtml);
        Assert.DoesNotContain("<script", pack.IndexHtml);
        Assert.True(Regex.Matches(pack.IndexHtml, "<img [^>]*src=\"data:image/png;base64,").Count >= 5);
    }

    [Fact]
    public void Workbook_OpensAndHoldsEveryTableWithHeaders()
    {
        using var doc = SpreadsheetDocument.Open(pack.Result.Workbook, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        foreach (var expected in new[] { "按章节目标状态", "主要差距", "T2 分领域达标率", "T1 指标达标情况", "T6 任务落实情况", "T4 与全省全国比较", "单位工作量", "数据完整性", "性别平等指数", "数据载入记录", "回测评分" })
        {
            Assert.Contains(expected, sheets);
        }
        var warning = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value!.StartsWith("T7 ", StringComparison.Ordinal)).Id!);
        var rows = warning.Worksheet.Descendants<Row>().ToList();
        // Row 1 is the synthetic-data notice (the seed history is synthetic), row 2 the header.
        Assert.Equal(PackFormat.SyntheticRunningNotice, rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal("序号", rows[1].Elements<Cell>().First().InnerText);
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM v_pack_early_warning WHERE as_of_year = $y", ("y", pack.Result.AsOfYear)) + 2, rows.Count);
    }

    [Fact]
    public void SyntheticNotice_OnEveryPrintedPage_EverySheet_AndEveryUnitPage()
    {
        // The seed warehouse's history is synthetic: the notice must be where any figure is.
        var pages = ChromiumPrinterTests.PdfPages(pack.Result.Pdf!);
        var text = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [pack.Result.Pdf!, "-"]) { RedirectStandardOutput = true })!
            .StandardOutput.ReadToEnd();
        Assert.Equal(pages, Regex.Matches(text, "本页含合成示例数据").Count);

        using var doc = SpreadsheetDocument.Open(pack.Result.Workbook, false);
        foreach (var sheet in doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
            Assert.Equal(PackFormat.SyntheticRunningNotice, part.Worksheet.Descendants<Row>().First().Elements<Cell>().First().InnerText);
            Assert.Contains(PackFormat.SyntheticRunningNotice, part.Worksheet.Descendants<OddHeader>().Single().Text);
        }
        Assert.All(pack.Result.UnitPages, page => Assert.Contains("class=\"running-notice\"", File.ReadAllText(page)));
        Assert.Contains("@top-center", pack.IndexHtml);
    }

    [Fact]
    public void Pdf_HasAPageForEverySectionAndUnit()
    {
        Assert.Null(pack.Result.PdfProblem);
        var pages = ChromiumPrinterTests.PdfPages(pack.Result.Pdf!);
        var pageSections = Regex.Matches(pack.IndexHtml, "<section class=\"page").Count + 1; // + cover
        Assert.True(pages >= pageSections, $"{pages} pages for {pageSections} page-breaking sections");
    }

    [Fact]
    public void Browser_LoadsWithNoBrokenImagesOrScriptErrors_AndScreenshotIsNotBlank()
    {
        // A copy of the page with a probe appended: it counts images that failed to decode and script errors.
        var probe = Path.Combine(Path.GetDirectoryName(pack.Result.IndexHtml)!, "probe.html");
        File.WriteAllText(probe, pack.IndexHtml.Replace("</body>", """
            <script>
            window.__errors = 0; window.addEventListener('error', () => window.__errors++);
            window.addEventListener('load', () => {
              const broken = [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length;
              document.body.setAttribute('data-images', document.images.length);
              document.body.setAttribute('data-broken', broken);
              document.body.setAttribute('data-errors', window.__errors);
            });
            </script></body>
            """));
        try
        {
            var dom = ChromiumPrinter.DumpDom(probe);
            Assert.Matches("data-broken=\"0\"", dom);
            Assert.Matches("data-errors=\"0\"", dom);
            Assert.DoesNotMatch("data-images=\"0\"", dom);
        }
        finally
        {
            File.Delete(probe);
        }
        var png = Path.Combine(pack.Output.Path, "shot.png");
        Assert.Null(ChromiumPrinter.Screenshot(pack.Result.IndexHtml, png));
        using var bitmap = SKBitmap.Decode(png);
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 200 || c.Green < 200 || c.Blue < 200) inked++;
            }
        }
        Assert.True(inked > 500, $"screenshot looks blank ({inked} dark samples)");
    }

    [Fact]
    public void Pack_SameWarehouse_SameHtml()
    {
        var again = Packs.Run(pack.Warehouse.Connection, new PackOptions(pack.Output.File("again"), WritePdf: false));
        Assert.Equal(pack.IndexHtml, File.ReadAllText(again.IndexHtml));
        Assert.Equal(File.ReadAllText(pack.Result.UnitPages[0]), File.ReadAllText(again.UnitPages[0]));
    }

    [Fact]
    public void Pack_ExistingOutputWithoutOverwrite_IsRefused()
    {
        var ex = Assert.Throws<Wcc.Warehouse.Connection.WccException>(() =>
            Packs.Run(pack.Warehouse.Connection, new PackOptions(Path.GetDirectoryName(pack.Result.IndexHtml)!, WritePdf: false)));
        Assert.Contains(InputOption.Overwrite.Ref(), ex.Hint);
    }

    /// <summary>Internal names a reader of the Chinese report must not meet: commands, flags, views, marts, loader
    /// fields, file names and job names (snake_case identifiers).</summary>
    private static readonly string[] InternalNames = ["wcc ", "--", "v_", "mart_", "source =", ".csv"];

    [Fact]
    public void ChineseText_NamesNoInternals()
    {
        foreach (var (name, page) in new[] { ("index.html", pack.IndexHtml) }
                     .Concat(pack.Result.UnitPages.Select(p => (Path.GetFileName(p), File.ReadAllText(p)))))
        {
            var text = VisibleText(page);
            foreach (var word in InternalNames)
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                Assert.True(at < 0, $"{name} shows '{word}': …{text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)))}…");
            }
            var identifier = SnakeCase().Match(text);
            Assert.False(identifier.Success, $"{name} shows the internal name '{identifier.Value}'");
        }
    }

    /// <summary>What a reader sees: the body's text without styles, scripts and tags; addresses of sources are data, not
    /// internal names, so they are left out.</summary>
    private static string VisibleText(string html)
    {
        var body = html[Math.Max(0, html.IndexOf("<body", StringComparison.Ordinal))..];
        body = Regex.Replace(body, "<(style|script)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        var text = System.Net.WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]+>", " "));
        return Regex.Replace(text, "https?://\\S+", " ");
    }

    [Fact]
    public void PlansAndDomains_AreListedInTheOutlinesOrder()
    {
        var tables = PackTables.Read(pack.Warehouse.Connection, 2020);
        var outline = Wcc.Warehouse.Vocabulary.PlanDomains.ByPlan.SelectMany(p => p.Value.Select(d => (p.Key, d))).ToList();
        int Position(ReportTable t, object?[] r) =>
            outline.IndexOf((Cells.Text(r[t.Column("plan_zh")]), Cells.Text(r[t.Column("domain_zh")])));
        var rates = tables.AttainmentRate;
        var planRows = rates.Data.Rows.Where(r => Cells.Text(r[rates.Column("breakdown")]) == "plan")
            .Select(r => Cells.Text(r[rates.Column("plan_zh")])).ToList();
        Assert.Equal(["妇女", "儿童"], planRows);
        foreach (var table in new[] { rates, tables.Attainment, tables.Indicators })
        {
            var rows = table == rates ? rates.Data.Rows.Where(r => Cells.Text(r[rates.Column("breakdown")]) == "domain").ToList() : table.Data.Rows.ToList();
            var positions = rows.Select(r => Position(table, r)).ToList();
            Assert.True(rows.Count >= 5, $"{table.Name}: {rows.Count} rows");
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order().ToList(), positions);
        }
    }

    [Fact]
    public void Comparison_ShowsEveryPublishedValueUpToTheAsOfYear()
    {
        foreach (var asOf in new[] { 2018, 2020 })
        {
            var comparison = PackTables.Read(pack.Warehouse.Connection, asOf).Comparison;
            var years = comparison.Data.Rows.Select(r => Cells.Count(r[comparison.Column("year")])).ToList();
            Assert.All(years, y => Assert.True(y <= asOf));
            Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM v_eval_comparison WHERE year <= $y", ("y", asOf)), years.Count);
        }
        // every national reference value reaches the comparison (none lost to a year without a city value)
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM (SELECT DISTINCT indicator_code, sex, year FROM v_reference_value WHERE year <= 2020)"),
            PackTables.Read(pack.Warehouse.Connection, 2020).Comparison.Data.Rows.Count);
    }

    [Fact]
    public void UnitResponsibility_CountsMatchTheUnitViews()
    {
        var w = pack.Warehouse;
        const string Year = "as_of_year = 2020";
        // every lead task once under the unit holding it in 2020 (the one successor rule, v_pack_unit_current)
        Assert.Equal(w.Scalar("""
            SELECT count(DISTINCT (c.current_name, a.task_no)) FROM fact_task_assignment a
            JOIN v_pack_unit_current c ON c.unit_name = a.unit_name AND c.year = 2020 WHERE a.role = 'lead'
            """), w.Scalar($"SELECT sum(tasks_led)::BIGINT FROM v_eval_unit_responsibility WHERE {Year}"));
        Assert.Equal(w.Scalar($"SELECT count(*) FROM v_pack_unit_indicator WHERE is_lead AND {Year}"),
            w.Scalar($"SELECT sum(indicators)::BIGINT FROM v_eval_unit_responsibility WHERE {Year}"));
        Assert.Equal(w.Scalar($"SELECT count(*) FROM v_pack_unit_indicator WHERE is_lead AND status = '未达标' AND {Year}"),
            w.Scalar($"SELECT sum(indicators_not_attained)::BIGINT FROM v_eval_unit_responsibility WHERE {Year}"));
        // the abolished health commission has no row; its successor names it
        Assert.Equal(0, w.Scalar($"SELECT count(*) FROM v_eval_unit_responsibility WHERE unit_name = '市卫计委' AND {Year}"));
        Assert.Equal(1, w.Scalar($"SELECT count(*) FROM v_eval_unit_responsibility WHERE unit_name = '市卫健委' AND predecessors LIKE '%市卫计委%' AND {Year}"));
        // the report shows one row per unit, with the counts per status
        var section = pack.IndexHtml[pack.IndexHtml.IndexOf("id=\"unit-responsibility\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(w.Scalar($"SELECT count(*) FROM v_eval_unit_responsibility WHERE {Year}"), Regex.Count(section, "<tr>") - Regex.Count(section, "<thead><tr>"));
        Assert.Contains("未达标", section);
    }

    [GeneratedRegex("[A-Za-z]+_[A-Za-z_]+")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("<h3>任务\\d+</h3>")]
    private static partial Regex TaskHeading();

    [GeneratedRegex("<section class=\"page\" id=\"chapter-\\d+\">")]
    private static partial Regex ChapterSection();

    [GeneratedRegex("<section class=\"page unit\">")]
    private static partial Regex UnitSection();

    [GeneratedRegex("<tr><td class=\"num\">")]
    private static partial Regex RowCount();
}
