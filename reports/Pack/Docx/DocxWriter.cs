using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Wcc.Reports.Pack.Docx;

/// <summary>
/// Writes pack.docx from the pack's own HTML page, so the Word report never says anything the HTML does not: headings
/// become Word's heading styles (navigation pane, TOC field), tables real tables with a repeated header row, charts
/// embedded PNGs, the running notice the page header, and the contents list a TOC field. A4 portrait, page numbers in
/// the footer.
/// </summary>
/// <remarks>
/// The HTML is the source of truth (it is what the PDF prints), and the pack writes it with a small builder
/// (<see cref="Html"/>) whose subset <see cref="HtmlTree"/> reads back; converting it keeps one place where the
/// content is decided. Elements outside the subset are not dropped: their children are converted as if inline.
/// </remarks>
public sealed partial class DocxWriter
{
    /// <summary>A4 in twips (1/1440 inch): 210 x 297 mm.</summary>
    private const int PageWidth = 11906, PageHeight = 16838;

    /// <summary>Margins in twips: 20 mm at the sides, 18 mm top and bottom, header and footer 10 mm from the edge.</summary>
    private const int SideMargin = 1134, TopMargin = 1021, BottomMargin = 1021, HeaderDistance = 567;

    /// <summary>The width text runs in (twips), and in EMU (images): 170 mm.</summary>
    private const int TextWidth = PageWidth - 2 * SideMargin;

    private const long EmuPerTwip = 635, EmuPerPixel = 9525;

    /// <summary>Tallest an image may be drawn: half the page height, so a chart keeps its caption on its page.</summary>
    private const long MaxImageHeightEmu = (PageHeight - TopMargin - BottomMargin) * EmuPerTwip / 2;

    private readonly MainDocumentPart main;
    private readonly Body body = new();
    private readonly HashSet<string> bookmarks = new(StringComparer.Ordinal);
    private bool pageBreakPending;
    private uint drawingId;

    private DocxWriter(MainDocumentPart main) => this.main = main;

    /// <summary>Writes <paramref name="path"/> from <paramref name="page"/>, a complete page written by <see cref="PackDocument.Page"/>.</summary>
    public static void Write(string path, string page, string title)
    {
        var root = HtmlTree.ParseBody(page);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        document.PackageProperties.Language = "zh-CN";
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build();
        // Word refreshes the contents' page numbers (and any other field) when the document is opened.
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        var writer = new DocxWriter(main);
        var notice = root.Descendants().FirstOrDefault(n => n.HasClass("running-notice"))?.InnerText();
        writer.Blocks(root);
        writer.body.Append(writer.PageSetup(notice));
        main.Document = new Document(writer.body);
        main.Document.Save();
    }

    /// <summary>Name of the bookmark a section's heading carries (Word: letters, digits and _, at most 40, hidden when it starts with _).</summary>
    public static string BookmarkName(string sectionId)
    {
        var safe = new string(sectionId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = "_Toc_" + safe;
        return name.Length > 40 ? name[..40] : name;
    }

    private void Blocks(HtmlNode parent, string? sectionId = null)
    {
        foreach (var node in parent.Children) Block(node, sectionId);
    }

    private void Block(HtmlNode node, string? sectionId)
    {
        switch (node.Tag)
        {
            case HtmlNode.TextTag:
                if (!string.IsNullOrWhiteSpace(node.Text)) Add(Paragraph(null, InlineRuns(node, false, false)));
                break;
            case "section":
                if (node.HasClass("page")) pageBreakPending = true;
                Blocks(node, node.Attribute("id"));
                break;
            case "nav" when node.HasClass("toc"):
                if (node.HasClass("page")) pageBreakPending = true;
                Contents(node);
                break;
            case "div" when node.HasClass("running-notice"):
                break; // It is the page header (see PageSetup).
            case "div" when node.HasClass("banner"):
                Add(Paragraph(DocxStyles.Banner, InlineRuns(node, false, false)));
                break;
            case "div" when node.HasClass("kpis"):
                Add(Kpis(node));
                break;
            case "h1" or "h2" or "h3":
                var heading = Paragraph(DocxStyles.ForHeading(node.Tag[1] - '0'), InlineRuns(node, false, false));
                if (node.Tag == "h2" && sectionId is not null && bookmarks.Add(BookmarkName(sectionId)))
                {
                    var id = bookmarks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    heading.InsertAfter(new BookmarkStart { Name = BookmarkName(sectionId), Id = id }, heading.ParagraphProperties);
                    heading.Append(new BookmarkEnd { Id = id });
                }
                Add(heading);
                break;
            case "p":
                Add(Paragraph(node.HasClass("subtitle") ? DocxStyles.Subtitle : node.HasClass("note") || node.HasClass("units") ? DocxStyles.Note : null,
                    InlineRuns(node, false, false)));
                break;
            case "ul" or "ol":
                foreach (var item in node.Children.Where(c => c.Tag == "li"))
                {
                    Add(Paragraph(DocxStyles.ListParagraph, InlineRuns(item, false, false).Prepend(new Run(new Text("•") , new TabChar()))));
                }
                break;
            case "table":
                Table(node);
                break;
            case "figure":
                foreach (var child in node.Children)
                {
                    if (child.Tag == "img") Image(child);
                    else if (child.Tag == "figcaption") Add(Paragraph(DocxStyles.Note, InlineRuns(child, false, false)));
                }
                break;
            case "img":
                Image(node);
                break;
            default:
                Blocks(node, sectionId);
                break;
        }
    }

    /// <summary>The contents list: its heading, then the HTML's entries, each a link to its section with a PAGEREF field
    /// to the section's bookmark, which Word (on opening: updateFields) and LibreOffice fill in with the page.</summary>
    /// <remarks>Not a TOC field: LibreOffice shows a TOC field's stored result and does not recompute it, so its page
    /// numbers would be blank (measured with LibreOffice 7.4), while it lays out PAGEREF fields itself. The list is also
    /// the HTML's own (the sections), where a TOC field rebuilt by Word would add every unit page.</remarks>
    private void Contents(HtmlNode nav)
    {
        var heading = nav.Descendants().FirstOrDefault(n => n.Tag == "h2")?.InnerText() ?? "目录";
        Add(Paragraph(DocxStyles.TocHeading, [new Run(new Text(heading))]));
        var entries = nav.Descendants().Where(n => n.Tag == "a" && n.Attribute("href") is { } href && href.StartsWith('#')).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var bookmark = BookmarkName(entries[i].Attribute("href")![1..]);
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Toc2 }));
            OpenXmlElement[] link =
            [
                new Run(new Text(entries[i].InnerText()) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new TabChar()),
                .. FieldStart($" PAGEREF {bookmark} \\h "),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            ];
            paragraph.Append(new Hyperlink(link) { Anchor = bookmark, History = true });
            Add(paragraph);
        }
    }

    /// <summary>The runs that open a field: begin, its code, separate (the result follows).</summary>
    private static Run[] FieldStart(string code) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
    ];

    /// <summary>A field (PAGE, NUMPAGES) with a placeholder result that Word and LibreOffice replace when laying out.</summary>
    private static IEnumerable<Run> SimpleField(string code) =>
        [.. FieldStart($" {code} "), new Run(new Text("1")), new Run(new FieldChar { FieldCharType = FieldCharValues.End })];

    private void Add(OpenXmlElement block)
    {
        if (pageBreakPending)
        {
            pageBreakPending = false;
            if (block is Paragraph p)
            {
                p.ParagraphProperties ??= new ParagraphProperties();
                p.ParagraphProperties.PageBreakBefore = new PageBreakBefore();
            }
            else body.Append(new Paragraph(new ParagraphProperties(new PageBreakBefore(), new SpacingBetweenLines { After = "0" })));
        }
        body.Append(block);
    }

    private static Paragraph Paragraph(string? style, IEnumerable<OpenXmlElement> runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        if (style is not null) paragraph.ParagraphProperties!.ParagraphStyleId = new ParagraphStyleId { Val = style };
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>The text below <paramref name="node"/> as runs. HTML collapses white space except in table cells, which the
    /// pack styles white-space: pre-line: there a line break stays a line break.</summary>
    private static IEnumerable<OpenXmlElement> InlineRuns(HtmlNode node, bool bold, bool preLine)
    {
        foreach (var child in node.Children.Count == 0 && node.Text is not null ? [node] : node.Children)
        {
            if (child.Tag == HtmlNode.TextTag)
            {
                var text = preLine ? child.Text! : Whitespace().Replace(child.Text!, " ");
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0) yield return new Run(new Break());
                    if (lines[i].Length == 0) continue;
                    var run = new Run(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                    if (bold) run.PrependChild(new RunProperties(new Bold()));
                    yield return run;
                }
            }
            else if (child.Tag == "br") yield return new Run(new Break());
            else
            {
                foreach (var run in InlineRuns(child, bold || child.Tag is "b" or "strong" or "th", preLine)) yield return run;
            }
        }
    }

    /// <summary>A4 portrait, the notice (when there is one) in the header, "第 n 页 / 共 m 页" in the footer.</summary>
    private SectionProperties PageSetup(string? notice)
    {
        var footer = main.AddNewPart<FooterPart>();
        OpenXmlElement[] pageOfPages =
        [
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }),
            new Run(new Text("第 ") { Space = SpaceProcessingModeValues.Preserve }),
            .. SimpleField("PAGE"),
            new Run(new Text(" 页 / 共 ") { Space = SpaceProcessingModeValues.Preserve }),
            .. SimpleField("NUMPAGES"),
            new Run(new Text(" 页") { Space = SpaceProcessingModeValues.Preserve }),
        ];
        footer.Footer = new Footer(new Paragraph(pageOfPages));
        var section = new SectionProperties();
        if (notice is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Notice }), new Run(new Text(notice))));
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }
        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = TopMargin, Bottom = BottomMargin, Left = SideMargin, Right = SideMargin, Header = HeaderDistance, Footer = HeaderDistance, Gutter = 0 });
        return section;
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    /// <summary>A piece a line may not break inside: a run of Latin letters, digits and punctuation, or one CJK character.</summary>
    [GeneratedRegex("[^\\s\\u2E80-\\uFFFF]+|[\\u2E80-\\uFFFF]")]
    private static partial Regex Word();
}
