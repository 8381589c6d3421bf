using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Wcc.Etl.Collection;

/// <summary>The cell styles of a collection form, defined once: indices into the stylesheet <see cref="Build"/> makes.</summary>
public static class TemplateStyles
{
    /// <summary>Style indices (cellXfs positions).</summary>
    public const uint Default = 0, Header = 1, ReadOnly = 2, InputNumber = 3, InputText = 4, Label = 5, Note = 6, Problem = 7, InputDate = 8, ReadOnlyWrap = 9;

    /// <summary>Fill colours: header grey, input yellow (the cells to fill), read-only grey, problem red (feedback).</summary>
    public const string HeaderFill = "FFD9D9D9", InputFill = "FFFFF2CC", ReadOnlyFill = "FFF2F2F2", ProblemFill = "FFFFC7CE";

    /// <summary>The stylesheet; input cells are the only unlocked ones, so sheet protection leaves just them editable.</summary>
    public static Stylesheet Build()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFC00000" }, new FontName { Val = "宋体" }));  // child order is the schema's (sz before color)
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid(HeaderFill), Solid(InputFill), Solid(ReadOnlyFill), Solid(ProblemFill));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var formats = new CellFormats(
            Format(0, 0, 0, locked: true),                                     // Default
            Format(1, 2, 1, locked: true, wrap: true),                         // Header
            Format(0, 4, 1, locked: true),                                     // ReadOnly
            Format(0, 3, 1, locked: false),                                    // InputNumber
            Format(0, 3, 1, locked: false, wrap: true),                        // InputText
            Format(1, 0, 0, locked: true),                                     // Label
            Format(2, 0, 0, locked: true, wrap: true),                         // Note
            Format(1, 5, 1, locked: false, wrap: true),                        // Problem
            Format(0, 3, 1, locked: false, numberFormat: 14),                  // InputDate (built-in short date)
            Format(0, 4, 1, locked: true, wrap: true));                        // ReadOnlyWrap
        return new Stylesheet(fonts, fills, borders, formats);
    }

    /// <summary>A solid fill of <paramref name="argb"/>.</summary>
    public static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, bool locked, bool wrap = false, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
            ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = numberFormat != 0, ApplyProtection = true,
            ApplyAlignment = true,
        };
        format.Append(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Center });
        format.Append(new Protection { Locked = locked });
        return format;
    }
}
