using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using Wcc.Reports.Pack;
using Wcc.Reports.Pack.Docx;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack.Docx;

public partial class DocxWriterTests
{
    /// <summary>A page as the pack writes it: contents, two sections with headings, a table, a chart, a list, a banner.</summary>
    internal static string SamplePage(string? notice, int paragraphsPerSection = 1)
    {
        string Section(string id, string title, string extra)
        {
            var html = new Html().Raw($"<section class=\"page\" id=\"{id}\">").Element("h2", title);
            for (var i = 0; i < paragraphsPerSection; i++) html.Element("p", $"{title}第{i + 1}段:妇女儿童发展规划的监测评估文字。");
            return html.Raw(extra).Raw("</section>").ToString();
        }
        var table = new Html().Element("h3", "任务1")
            .Table(["指标", "最新值", "状态"], [["<script>alert(1)</script> & 比例", new PackValue(40.23, "40.23%", "0.00\"%\"", 2020), "已达成"], ["就业人数", 64114.0, "难以达成"]], "关联指标(全市)")
            .Raw("<ul>").Element("li", "已达标:最新观测值已满足目标。").Element("li", "未达标:到期实际值未满足目标。").Raw("</ul>")
            .Element("div", "本页含合成示例数据", "banner").ToString();
        var png = Convert.ToBase64String(Png(320, 200));
        var figure = $"<figure><img alt=\"图\" src=\"data:image/png;base64,{png}\"><figcaption>图注</figcaption></figure>";
        var cover = new PackSection("cover", "封面", "<section class=\"cover\" id=\"cover\"><h1>2018-2020年终期评估报告</h1><p class=\"subtitle\">副标题</p></section>", []);
        return PackDocument.Page("报告",
        [
            cover,
            new PackSection("summary", "一、总体情况", Section("summary", "一、总体情况", table), []),
            new PackSection("chapter-1", "二、就业", Section("chapter-1", "二、就业", figure), []),
        ], tableOfContents: true, runningNotice: notice);
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void Write_IsValidOpenXml_WithHeadingStylesTablesAndTheChart()
    {
        using var tmp = new TempDirectory();
        var page = SamplePage("本页含合成示例数据 & 说明");
        DocxWriter.Write(tmp.File("pack.docx"), page, "报告");

        using var doc = WordprocessingDocument.Open(tmp.File("pack.docx"), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = doc.MainDocumentPart!.Document.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        // Every HTML heading is a Word heading of its level; the contents' own heading is not (it would list itself).
        Assert.Equal(["2018-2020年终期评估报告"], paragraphs.Where(p => Style(p) == DocxStyles.Heading1).Select(p => p.InnerText));
        Assert.Equal(["一、总体情况", "二、就业"], paragraphs.Where(p => Style(p) == DocxStyles.Heading2).Select(p => p.InnerText));
        Assert.Equal(["任务1"], paragraphs.Where(p => Style(p) == DocxStyles.Heading3).Select(p => p.InnerText));
        var headingStyles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Where(s => s.StyleId!.Value!.StartsWith("Heading")).ToList();
        Assert.Equal(["heading 1", "heading 2", "heading 3"], headingStyles.Select(s => s.StyleName!.Val!.Value));
        Assert.Equal([0, 1, 2], headingStyles.Select(s => s.StyleParagraphProperties!.OutlineLevel!.Val!.Value));

        // The table: caption above, header row repeated on every page, data escaped as text, the year on a line of its own.
        var table = Assert.Single(body.Elements<Table>(), t => t.Descendants<TableHeader>().Any());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal("<script>alert(1)</script> & 比例", rows[1].Elements<TableCell>().First().InnerText);
        Assert.Equal("40.23%(2020年)", rows[1].Elements<TableCell>().ElementAt(1).InnerText);
        Assert.Single(rows[1].Elements<TableCell>().ElementAt(1).Descendants<Break>());
        Assert.Equal("关联指标(全市)", ((Paragraph)table.PreviousSibling()!).InnerText);

        // The chart is embedded at its size (320 px at 96 dpi), the list and banner kept.
        var image = Assert.Single(doc.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(320L * 9525, body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single().Cx!.Value);
        Assert.Equal(2, paragraphs.Count(p => Style(p) == DocxStyles.ListParagraph));
        Assert.Contains(paragraphs, p => Style(p) == DocxStyles.Banner && p.InnerText == "本页含合成示例数据");

        // Sections start on a new page; the contents link each section's bookmark with a PAGEREF.
        Assert.Equal(3, paragraphs.Count(p => p.ParagraphProperties?.PageBreakBefore is not null)); // contents + 2 sections
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToList();
        Assert.Equal([DocxWriter.BookmarkName("summary"), DocxWriter.BookmarkName("chapter-1")], bookmarks);
        var pageRefs = body.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Equal(bookmarks.Select(b => $"PAGEREF {b} \\h"), pageRefs);
        Assert.Equal(bookmarks, body.Descendants<Hyperlink>().Select(h => h.Anchor!.Value));
    }

    [Fact]
    public void Write_A4_PageNumbersInTheFooter_NoticeInTheHeader_ChineseFonts()
    {
        using var tmp = new TempDirectory();
        DocxWriter.Write(tmp.File("noted.docx"), SamplePage("本页含合成示例数据 & 说明"), "报告");
        DocxWriter.Write(tmp.File("plain.docx"), SamplePage(null), "报告");

        using var noted = WordprocessingDocument.Open(tmp.File("noted.docx"), false);
        var main = noted.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906U, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838U, section.GetFirstChild<PageSize>()!.Height!.Value);
        Assert.Equal("本页含合成示例数据 & 说明", Assert.Single(main.HeaderParts).Header!.InnerText);
        var footer = Assert.Single(main.FooterParts).Footer!;
        Assert.Equal(["PAGE", "NUMPAGES"], footer.Descendants<FieldCode>().Select(f => f.Text.Trim()));
        Assert.StartsWith("第 ", footer.InnerText);
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("宋体", fonts.EastAsia!.Value);
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
        // The notice is the page header, not a paragraph of the text.
        Assert.DoesNotContain("说明", main.Document.Body!.InnerText);

        using var plain = WordprocessingDocument.Open(tmp.File("plain.docx"), false);
        Assert.Empty(plain.MainDocumentPart!.HeaderParts);
        Assert.Single(plain.MainDocumentPart.FooterParts);
    }

    [Fact]
    public void HtmlTree_ReadsThePackSubset()
    {
        var body = HtmlTree.ParseBody("<html><head><title>t</title></head><body><p class=\"note x\">a &amp; &lt;b&gt;<b>粗</b></p><figure><img alt=\"&quot;图&quot;\" src=\"data:x\"><figcaption>注</figcaption></figure></body></html>");
        Assert.Equal(["p", "figure"], body.Children.Select(c => c.Tag));
        Assert.True(body.Children[0].HasClass("note"));
        Assert.Equal("a & <b>粗", body.Children[0].InnerText());
        var figure = body.Children[1];
        Assert.Equal(["img", "figcaption"], figure.Children.Select(c => c.Tag));
        Assert.Equal("\"图\"", figure.Children[0].Attribute("alt"));
        Assert.Throws<FormatException>(() => HtmlTree.ParseBody("<p>no body</p>"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void LibreOffice_OpensIt_ConvertsToPdf_AndFillsTheContentsPageNumbers()
    {
        using var tmp = new TempDirectory();
        // Long sections, so the second starts pages after the first.
        DocxWriter.Write(tmp.File("pack.docx"), SamplePage("本页含合成示例数据", paragraphsPerSection: 60), "报告");
        var pdf = OfficeTools.Convert(tmp.File("pack.docx"), "pdf", tmp.File("lo"), "pdf");
        var pages = OfficeTools.Pages(pdf);
        Assert.True(pages.Count(p => p.Trim().Length > 0) >= 4, $"{pages.Count} pages");
        Assert.All(pages.Where(p => p.Trim().Length > 0), p => Assert.Contains("本页含合成示例数据", p));
        var contents = pages.Select((text, i) => (text, page: i + 1)).First(p => p.text.Contains("目录")).text;
        foreach (var title in new[] { "一、总体情况", "二、就业" })
        {
            var entry = Regex.Match(contents, Regex.Escape(title) + "[. \\t]*(\\d+)[ \\t]*$", RegexOptions.Multiline);
            Assert.True(entry.Success, $"no page number for {title} in:\n{contents}");
            var page = int.Parse(entry.Groups[1].Value);
            Assert.Matches($"(?m)^\\s*{Regex.Escape(title)}\\s*$", pages[page - 1]);
            Assert.DoesNotMatch($"(?m)^\\s*{Regex.Escape(title)}\\s*$", pages[page - 2]);
        }
        Assert.Matches("第\\s*2\\s*页\\s*/\\s*共\\s*\\d+\\s*页", pages[1]);
    }
}
