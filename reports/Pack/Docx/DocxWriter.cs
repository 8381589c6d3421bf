using System.Buffers.Binary;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

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

    /// <summary>Bounds of a column's weight (in display characters) when sharing the table width between columns:
    /// a column of one digit still gets room for its header, and one long text column does not squeeze the rest.</summary>
    private const int MinColumnWeight = 4, MaxColumnWeight = 36;

    private const string HeaderShading = "F3F5F7", RuleColor = "D0D4D9";

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

    private void Table(HtmlNode html)
    {
        var caption = html.Children.FirstOrDefault(c => c.Tag == "caption");
        if (caption is not null) Add(Paragraph(DocxStyles.Caption, InlineRuns(caption, false, false)));
        var rows = html.Descendants().Where(n => n.Tag == "tr").ToList();
        if (rows.Count == 0) return;
        var columns = rows.Max(r => r.Children.Count(c => c.Tag is "td" or "th"));
        var widths = ColumnWidths(rows, columns);
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Color = "1A1A1A" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        foreach (var tr in rows)
        {
            var header = tr.Children.All(c => c.Tag != "td");
            var rowProperties = new TableRowProperties(new CantSplit());
            if (header) rowProperties.Append(new TableHeader());
            var row = new TableRow(rowProperties);
            var cells = tr.Children.Where(c => c.Tag is "td" or "th").ToList();
            for (var c = 0; c < columns; c++)
            {
                var properties = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(), Type = TableWidthUnitValues.Dxa });
                if (header)
                {
                    properties.Append(new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = "1A1A1A" }));
                    properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderShading });
                }
                var paragraph = Paragraph(DocxStyles.TableText, c < cells.Count ? InlineRuns(cells[c], header, preLine: true) : []);
                if (c < cells.Count && cells[c].HasClass("num")) paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Right };
                row.Append(new TableCell(properties, paragraph));
            }
            table.Append(row);
        }
        Add(table);
        // A table directly followed by another would merge into one in Word: a small paragraph keeps them apart.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact })));
    }

    /// <summary>Column widths as a browser lays out an automatic table: every column gets at least its longest
    /// unbreakable piece (a number, a Latin word; Chinese breaks between characters), and the rest of the text width is
    /// shared in proportion to how much more each column would need to hold its longest line unbroken.</summary>
    private static int[] ColumnWidths(List<HtmlNode> rows, int columns)
    {
        var natural = new double[columns];
        var minimum = new double[columns];
        foreach (var tr in rows)
        {
            var cells = tr.Children.Where(c => c.Tag is "td" or "th").ToList();
            for (var c = 0; c < cells.Count && c < columns; c++)
            {
                var lines = cells[c].InnerText().Split('\n');
                natural[c] = Math.Max(natural[c], lines.Max(TextTwips));
                var unbreakable = lines.Select(l => TextTwips(l) <= ShortLineTwips ? TextTwips(l) : Word().Matches(l).Select(m => TextTwips(m.Value)).DefaultIfEmpty(0).Max()).Max();
                // A header keeps up to four Chinese characters on a line ("达成概率", not "达/成/概/率").
                if (cells[c].Tag == "th") unbreakable = Math.Max(unbreakable, Math.Min(TextTwips(cells[c].InnerText()), 4 * CjkTwips));
                minimum[c] = Math.Max(minimum[c], unbreakable);
            }
        }
        var need = natural.Select(n => n + CellPadding).ToArray();
        var floor = minimum.Select(m => m + CellPadding).ToArray();
        double[] widths;
        if (need.Sum() <= TextWidth) widths = need.Select(n => n + (TextWidth - need.Sum()) * n / need.Sum()).ToArray();
        else if (floor.Sum() <= TextWidth)
        {
            var slack = need.Zip(floor, (n, f) => n - f).ToArray();
            var room = TextWidth - floor.Sum();
            widths = floor.Zip(slack, (f, s) => f + room * s / slack.Sum()).ToArray();
        }
        else widths = floor.Select(f => f * TextWidth / floor.Sum()).ToArray(); // Too wide for A4 portrait even at minimum: scale.
        var result = widths.Select(w => (int)w).ToArray();
        result[^1] += TextWidth - result.Sum();
        return result;
    }

    /// <summary>Width of table text at 9 pt in twips: a Chinese character is square (9 pt = 180 twips), Latin and digits
    /// a little over half. Set for the widest fonts a reader may get (DejaVu Sans, which LibreOffice substitutes for Arial
    /// on Debian, draws digits 0.64 em wide; measured: "(2020年)" broke at 100 twips a digit).</summary>
    private const double CjkTwips = 190, LatinTwips = 120;

    /// <summary>A line this short is kept whole: a value with its unit, a year in brackets, a status label, "(2020年)".</summary>
    private const double ShortLineTwips = 4 * CjkTwips + 2 * LatinTwips;

    /// <summary>Left and right cell margins (70 twips each) plus a little air.</summary>
    private const double CellPadding = 160;

    private static double TextTwips(string text) => text.Sum(ch => ch > 0x2E80 ? CjkTwips : LatinTwips);


    /// <summary>The status counts of the summary as a one-row table: the number large, its label under it.</summary>
    private static Table Kpis(HtmlNode kpis)
    {
        var items = kpis.Children.Where(c => c.HasClass("kpi")).ToList();
        var width = TextWidth / Math.Max(1, items.Count);
        var row = new TableRow();
        foreach (var item in items)
        {
            var number = item.Children.FirstOrDefault(c => c.Tag == "b")?.InnerText() ?? "";
            var label = string.Concat(item.Children.Where(c => c.Tag != "b").Select(c => c.InnerText()));
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.TableText }),
                    new Run(new RunProperties(new Bold(), new FontSize { Val = "36" }), new Text(number)), new Run(new Break()), new Run(new Text(label)))));
        }
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor });
        return new Table(new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa }, border, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(items.Select(_ => new GridColumn { Width = width.ToString() })), row);
    }

    /// <summary>Embeds a data-URI PNG at its size at 96 dpi, shrunk to the text width (and half a page high) when larger.</summary>
    private void Image(HtmlNode img)
    {
        const string prefix = "data:image/png;base64,";
        var src = img.Attribute("src");
        if (src is null || !src.StartsWith(prefix, StringComparison.Ordinal)) return;
        var bytes = Convert.FromBase64String(src[prefix.Length..]);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(bytes)) part.FeedData(stream);
        var relationship = main.GetIdOfPart(part);
        // PNG: the IHDR chunk holds width and height (big-endian) at bytes 16-23.
        long cx = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)) * EmuPerPixel;
        long cy = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)) * EmuPerPixel;
        var scale = Math.Min(1.0, Math.Min((double)TextWidth * EmuPerTwip / cx, (double)MaxImageHeightEmu / cy));
        cx = (long)(cx * scale);
        cy = (long)(cy * scale);
        var id = ++drawingId;
        var name = img.Attribute("alt") is { Length: > 0 } alt ? alt : $"图{id}";
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"图{id}", Description = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = $"chart{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        Add(new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(drawing)));
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
