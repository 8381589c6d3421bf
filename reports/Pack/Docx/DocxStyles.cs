using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Wcc.Reports.Pack.Docx;

/// <summary>The styles of pack.docx: Word's built-in heading styles (so the navigation pane and a TOC field find them),
/// and a few paragraph styles for the pack's classes (subtitle, note, banner, caption, table text).</summary>
/// <remarks>
/// Fonts: body text in 宋体 and headings in 黑体, as Chinese official documents set them; the eastAsia slot is what
/// Word and WPS use for CJK characters. A machine without those fonts (LibreOffice on Debian) substitutes its own CJK
/// font. Sizes are half-points (21 = 10.5 pt, 五号).
/// </remarks>
public static class DocxStyles
{
    public const string Heading1 = "Heading1", Heading2 = "Heading2", Heading3 = "Heading3";
    public const string Subtitle = "Subtitle", Note = "PackNote", Banner = "PackBanner", Caption = "Caption";
    public const string TableText = "PackTableText", TocHeading = "TOCHeading", Toc2 = "TOC2", Header = "Header", Footer = "Footer";
    public const string ListParagraph = "ListParagraph", Notice = "PackNotice";

    /// <summary>The heading style of an HTML heading level (h1 to h3).</summary>
    public static string ForHeading(int level) => level switch { 1 => Heading1, 2 => Heading2, _ => Heading3 };

    private const string BodyFont = "宋体", HeadingFont = "黑体", LatinFont = "Arial";

    /// <summary>The pack's red for warnings and notices (pack.css --off).</summary>
    public const string AlertColor = "D55E00";

    private const string MutedColor = "5F6368";

    public static Styles Build()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "80", Line = "300", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(Paragraph("Normal", "Normal", basedOn: null, default_: true));
        styles.Append(HeadingStyle(Heading1, "heading 1", 0, size: 44, before: 0, after: 240));
        styles.Append(HeadingStyle(Heading2, "heading 2", 1, size: 30, before: 240, after: 120, rule: true));
        styles.Append(HeadingStyle(Heading3, "heading 3", 2, size: 24, before: 160, after: 80));
        styles.Append(Paragraph(Subtitle, "Subtitle", "Normal", new StyleRunProperties(new Color { Val = MutedColor }, new FontSize { Val = "28" })));
        styles.Append(Paragraph(Note, "Pack Note", "Normal", new StyleRunProperties(new Color { Val = MutedColor }, new FontSize { Val = "18" })));
        styles.Append(Paragraph(Banner, "Pack Banner", "Normal",
            new StyleRunProperties(new Bold(), new Color { Val = AlertColor }),
            new StyleParagraphProperties(new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12, Color = AlertColor, Space = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 12, Color = AlertColor, Space = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 12, Color = AlertColor, Space = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 12, Color = AlertColor, Space = 4 }))));
        styles.Append(Paragraph(Caption, "caption", "Normal",
            new StyleRunProperties(new Bold(), new FontSize { Val = "18" }),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "40" })));
        styles.Append(Paragraph(TableText, "Pack Table Text", "Normal",
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        styles.Append(Paragraph(ListParagraph, "List Paragraph", "Normal", null,
            new StyleParagraphProperties(new Indentation { Left = "420", Hanging = "280" })));
        styles.Append(Paragraph(TocHeading, "TOC Heading", Heading2, null,
            new StyleParagraphProperties(new OutlineLevel { Val = 9 })));
        styles.Append(Paragraph(Toc2, "toc 2", "Normal", null,
            new StyleParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = 9638 }))));
        styles.Append(Paragraph(Header, "header", "Normal", new StyleRunProperties(new FontSize { Val = "18" }),
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })));
        styles.Append(Paragraph(Footer, "footer", "Normal", new StyleRunProperties(new Color { Val = MutedColor }, new FontSize { Val = "18" }),
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })));
        styles.Append(Paragraph(Notice, "Pack Notice", Header, new StyleRunProperties(new Bold(), new Color { Val = AlertColor })));
        styles.Append(new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = "1A1A1A" }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" });
        return styles;
    }

    private static Style HeadingStyle(string id, string name, int outlineLevel, int size, int before, int after, bool rule = false)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new KeepLines());
        if (rule) paragraph.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = "1A1A1A", Space = 1 }));
        paragraph.Append(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() }, new OutlineLevel { Val = outlineLevel });
        return Paragraph(id, name, "Normal",
            new StyleRunProperties(new RunFonts { EastAsia = HeadingFont, Ascii = LatinFont, HighAnsi = LatinFont }, new Bold(),
                new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() }),
            paragraph, heading: true);
    }

    private static Style Paragraph(string id, string name, string? basedOn, StyleRunProperties? run = null, StyleParagraphProperties? paragraph = null, bool default_ = false, bool heading = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = default_ ? OnOffValue.FromBoolean(true) : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        // Schema order: name, basedOn, next, uiPriority, qFormat, then pPr and rPr.
        if (heading) style.Append(new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = 9 }, new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }
}
