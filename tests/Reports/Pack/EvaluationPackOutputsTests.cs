using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Reports.Pack;
using Wcc.Reports.Pack.Docx;
using Wcc.Tests.Support;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The pack's Word document, PDF outline and contents, and workbook, read the way people's programs read them.</summary>
public partial class EvaluationPackTests
{
    [Fact]
    public void Docx_HasTheHtmlsHeadingsAndTables()
    {
        var html = pack.IndexHtml;
        using var doc = WordprocessingDocument.Open(pack.Result.Document, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var styles = body.Elements<W.Paragraph>().Select(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value).ToList();
        Assert.Equal(Regex.Matches(html, "<h1[ >]").Count, styles.Count(s => s == DocxStyles.Heading1));
        // The contents' own heading (目录) is not a section heading in Word: it would list itself.
        Assert.Equal(Regex.Matches(html, "<h2[ >]").Count - 1, styles.Count(s => s == DocxStyles.Heading2));
        Assert.Equal(Regex.Matches(html, "<h3[ >]").Count, styles.Count(s => s == DocxStyles.Heading3));
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM dim_task"),
            body.Elements<W.Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val == DocxStyles.Heading3 && Regex.IsMatch(p.InnerText, "^任务\\d+$")));
        // Every HTML table is a Word table (the status counts of the summary are one more), its header row repeating.
        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(Regex.Matches(html, "<table[ >]").Count + Regex.Matches(html, "class=\"kpis\"").Count, tables.Count);
        Assert.Equal(Regex.Matches(html, "<table[ >]").Count, tables.Count(t => t.Descendants<W.TableHeader>().Any()));
        Assert.Equal(Regex.Matches(html, "<img ").Count, doc.MainDocumentPart.ImageParts.Count());
        Assert.Equal(PackFormat.SyntheticRunningNotice, Assert.Single(doc.MainDocumentPart.HeaderParts).Header!.InnerText);
    }

    [Fact]
    public void Docx_OpensInLibreOffice_WithTheNoticeOnEveryPage_AndContentsPageNumbersWhereTheSectionsStart()
    {
        var pdf = OfficeTools.Convert(pack.Result.Document, "pdf", pack.Output.File("docx-pdf"), "pdf");
        var pages = OfficeTools.Pages(pdf).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count > 20, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Contains(PackFormat.SyntheticRunningNotice, p));
        AssertContentsMatchPages(pages, SectionTitles());
    }

    [Fact]
    public void Pdf_HasAnOutline_WhoseEntriesAreTheSections()
    {
        var json = OfficeTools.Run("qpdf", "--json", "--json-key=outlines", pack.Result.Pdf!);
        using var outline = JsonDocument.Parse(json);
        var top = outline.RootElement.GetProperty("outlines").EnumerateArray().ToList();
        // The cover's title (h1) heads the outline; the sections (h2) are its entries, each at the page it starts on.
        var root = Assert.Single(top);
        Assert.Contains("终期评估", root.GetProperty("title").GetString());
        var entries = root.GetProperty("kids").EnumerateArray()
            .Select(k => (Title: k.GetProperty("title").GetString()!, Page: k.GetProperty("destpageposfrom1").GetInt32())).ToList();
        var titles = SectionTitles();
        Assert.Equal(titles, entries.Select(e => e.Title).Where(titles.Contains));
        var pages = OfficeTools.Pages(pack.Result.Pdf!);
        foreach (var (title, page) in entries.Where(e => titles.Contains(e.Title)))
        {
            Assert.Matches($"(?m)^\\s*{Regex.Escape(title)}\\s*$", pages[page - 1]);
        }
    }

    [Fact]
    public void Pdf_ContentsPageNumbers_AreThePagesTheSectionsStartOn()
    {
        var pages = OfficeTools.Pages(pack.Result.Pdf!);
        var numbers = AssertContentsMatchPages(pages, SectionTitles());
        // The numbers are also the pages of the PDF's own destinations (what a click on the entry opens).
        var destinations = ChromiumPrinter.DestinationPages(pack.Result.Pdf!)!;
        Assert.Equal(SectionIds().Select(id => destinations[id]), numbers);
    }

    /// <summary>The sheet of the unmet-targets table (T7): the seed pack is evaluated at the deadline.</summary>
    private static string EarlyWarningSheet => $"T7 {Wcc.Reports.Pack.Sections.EarlyWarningSection.UnmetTitle}";

    [Fact]
    public void Workbook_NumbersAreNumericCellsWithFormats_YearsInTheirOwnColumn_AndATaskSheet()
    {
        using var doc = SpreadsheetDocument.Open(pack.Result.Workbook, false);
        var part = Sheet(doc, EarlyWarningSheet);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var header = rows[1].Elements<Cell>().Select(c => c.InnerText).ToList();
        var value = header.IndexOf("最新值");
        Assert.Equal("最新值年份", header[value + 1]);
        Assert.Equal("目标年份", header[header.IndexOf("目标") + 1]);
        var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        foreach (var row in rows.Skip(2))
        {
            var cells = row.Elements<Cell>().ToList();
            Assert.Equal(CellValues.Number, cells[value].DataType!.Value);
            Assert.True(double.IsFinite(double.Parse(cells[value].CellValue!.Text, CultureInfo.InvariantCulture)));
            var format = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)cells[value].StyleIndex!.Value);
            Assert.Contains(formats.NumberingFormats!.Elements<NumberingFormat>(), f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
            Assert.InRange(int.Parse(cells[value + 1].CellValue!.Text, CultureInfo.InvariantCulture), 2000, 2100);
        }
        // Header row styled (bold, filled) and frozen under the notice.
        var headerStyle = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)rows[1].Elements<Cell>().First().StyleIndex!.Value);
        Assert.True(headerStyle.FillId!.Value > 1 && headerStyle.FontId!.Value > 0);
        Assert.Equal(2d, part.Worksheet.Descendants<Pane>().Single().VerticalSplit!.Value);

        var tasks = Sheet(doc, TaskSheet.Name).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM dim_task") + 2, tasks.Count);
        Assert.Equal(["任务编号", "章", "章节", "任务内容", "牵头单位", "责任单位"], tasks[1].Elements<Cell>().Take(6).Select(c => c.InnerText));
        Assert.All(tasks.Skip(2), r => Assert.Equal(CellValues.Number, r.Elements<Cell>().First().DataType!.Value));
        // No cell anywhere holds a number as text with a year in it ("40.23%\n(2020年)").
        foreach (var sheet in doc.WorkbookPart.WorksheetParts)
        {
            Assert.DoesNotContain(sheet.Worksheet.Descendants<Cell>(), c => Regex.IsMatch(c.InnerText, "^[\\d.,]+%?\\n\\(\\d{4}年\\)$"));
        }
    }

    [Fact]
    public void Workbook_LibreOfficeReadsTheNumbersAsNumbers()
    {
        // csv filter: comma, double quote, UTF-8, from row 1, values not as shown (raw numbers), sheet -1 = every sheet.
        var outDir = pack.Output.File("xlsx-csv");
        OfficeTools.Convert(pack.Result.Workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", outDir, "csv");
        var csv = Directory.GetFiles(outDir, $"*{EarlyWarningSheet}*.csv").Single();
        var records = Csv(File.ReadAllText(csv));
        var header = records[1];
        var value = Array.IndexOf(header, "最新值");
        var year = Array.IndexOf(header, "最新值年份");
        Assert.True(value >= 0 && year == value + 1, string.Join(",", header));
        var rows = records.Skip(2).Where(r => r.Length > 1).ToList();
        Assert.Equal(pack.Warehouse.Scalar("SELECT count(*) FROM v_pack_early_warning WHERE as_of_year = $y", ("y", pack.Result.AsOfYear)), rows.Count);
        Assert.All(rows, cells =>
        {
            Assert.True(double.TryParse(cells[value], NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"not a number: {cells[value]}");
            Assert.Matches("^20\\d\\d$", cells[year]);
        });
        // Look at it: printed from LibreOffice (see the report): the sheets convert to a PDF as well.
        var pdf = OfficeTools.Convert(pack.Result.Workbook, "pdf", pack.Output.File("xlsx-pdf"), "pdf");
        Assert.True(ChromiumPrinterTests.PdfPages(pdf) > 0);
    }

    /// <summary>Records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string[]> Csv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }

    /// <summary>The section titles as the HTML contents list names them.</summary>
    private List<string> SectionTitles() => ContentsLinks().Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();

    /// <summary>The sections' ids, in the contents' order.</summary>
    private List<string> SectionIds() => ContentsLinks().Select(m => m.Groups[1].Value).ToList();

    private IEnumerable<Match> ContentsLinks()
    {
        var nav = pack.IndexHtml[pack.IndexHtml.IndexOf("<nav class=\"toc", StringComparison.Ordinal)..pack.IndexHtml.IndexOf("</nav>", StringComparison.Ordinal)];
        return Regex.Matches(nav, "<a href=\"#([^\"]+)\">([^<]+)</a>");
    }

    /// <summary>Each contents entry carries a page number, and the section's heading is on that page;
    /// returns the numbers.</summary>
    private static List<int> AssertContentsMatchPages(IReadOnlyList<string> pages, IReadOnlyList<string> titles)
    {
        var numbers = new List<int>();
        // The contents page: the first with 目录 alone on a line (the contents fit on one page, checked by the pages below).
        var contents = pages.First(p => Regex.IsMatch(p, "(?m)^\\s*目录\\s*$"));
        foreach (var title in titles)
        {
            var entry = Regex.Match(contents, Regex.Escape(title) + "[. \\t]*(\\d+)[ \\t]*$", RegexOptions.Multiline);
            Assert.True(entry.Success, $"no page number for {title}");
            var page = int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(page <= pages.Count, $"{title}: page {page} of {pages.Count}");
            // A long heading may wrap onto a second line: compared without white space.
            Assert.Contains(Regex.Replace(title, "\\s", ""), Regex.Replace(pages[page - 1], "\\s", ""));
            numbers.Add(page);
        }
        return numbers;
    }

    private static WorksheetPart Sheet(SpreadsheetDocument doc, string name) =>
        (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);
}
