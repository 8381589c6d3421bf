using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Wcc.Reports.Pack;

/// <summary>One table of the pack, as it goes into a workbook sheet.</summary>
/// <remarks>Cells are the values the page shows: numbers, text, or <see cref="PackValue"/>s (a number with its format
/// and year), so the page and the sheet render the same value.</remarks>
public sealed record SheetTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Writes tables to an .xlsx workbook with OpenXml: one sheet each, a styled header row frozen, widths fitted,
/// numbers as numeric cells with number formats.</summary>
/// <remarks>
/// Text is always written as an inline string, never as a formula, so a cell holding "=cmd|..." or "@SUM(...)"
/// stays inert text when opened (no formula injection). A <see cref="PackValue"/> with a year becomes two columns,
/// the number and the year ("最新值", "最新值年份"): a cell holding "40.23%\n(2020年)" can be neither sorted nor summed.
/// </remarks>
public static class WorkbookWriter
{
    /// <summary>Excel's limit on sheet-name length.</summary>
    private const int MaxSheetName = 31;

    /// <summary>Widest column we set, in characters; longer text wraps.</summary>
    private const double MaxColumnWidth = 60;

    /// <summary>Narrowest column: a header of two Chinese characters, or a year.</summary>
    private const double MinColumnWidth = 6;

    /// <summary>Integers reach thousands separators from here; below (years, counts of tasks) they are shown as they are.</summary>
    private const double ThousandsFrom = 10_000;

    /// <summary>Widest sheet (sum of column widths, in characters) printed shrunk to the page's width: A4 landscape holds
    /// about 130 characters at 100%, so this keeps the print at two thirds of full size or larger.</summary>
    private const double MaxFittedWidth = 200;

    /// <summary>Height of one line of text in a row, in points (Excel's default row for 11 pt).</summary>
    private const double LineHeight = 15;

    /// <summary>A sheet with more columns than this prints landscape.</summary>
    private const int LandscapeFromColumns = 7;

    /// <summary>Suffix of the column a value's year goes to.</summary>
    public const string YearColumnSuffix = "年份";

    /// <param name="notice">A line above every sheet's header (and in its printed page header), e.g. while the figures are
    /// synthetic; null for none, the header then being row 1.</param>
    public static void Write(string path, IEnumerable<SheetTable> tables, string? notice = null)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var styles = new StyleSheet();
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = BuildWorksheet(Typed(table), notice, styles);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = UniqueSheetName(table.Name, usedNames),
            });
        }
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
        workbookPart.Workbook.Save();
    }

    /// <summary>The table as the sheet holds it: a year column after every column with years, and a number format for
    /// every numeric cell (a plain number's format is chosen per column, so one column reads alike).</summary>
    public static SheetTable Typed(SheetTable table)
    {
        var columns = new List<string>();
        var withYear = new List<bool>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            columns.Add(table.Columns[c]);
            var hasYear = table.Rows.Any(r => r[c] is PackValue { Year: not null });
            withYear.Add(hasYear);
            if (hasYear) columns.Add(table.Columns[c] + YearColumnSuffix);
        }
        var formats = Enumerable.Range(0, table.Columns.Count).Select(c => PlainFormat(table.Rows.Select(r => r[c]))).ToArray();
        var rows = table.Rows.Select(r =>
        {
            var cells = new List<object?>();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = r[c];
                cells.Add(value switch
                {
                    PackValue v => v with { Year = null },
                    double or float or decimal or int or long or short or byte when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)) =>
                        new PackValue(Convert.ToDouble(value, CultureInfo.InvariantCulture), Html.Format(value), formats[c]),
                    _ => value,
                });
                if (withYear[c]) cells.Add((value as PackValue)?.Year);
            }
            return cells.ToArray();
        }).ToList();
        return new SheetTable(table.Name, columns, rows);
    }

    /// <summary>The format of a column of plain numbers: whole numbers as they are (thousands separated from 10,000),
    /// fractions with two decimals, as the page shows them.</summary>
    private static string PlainFormat(IEnumerable<object?> column)
    {
        var numbers = column.Where(v => v is double or float or decimal or int or long or short or byte)
            .Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Where(double.IsFinite).ToList();
        if (numbers.Count == 0) return "General";
        var whole = numbers.All(n => n == Math.Floor(n));
        var large = numbers.Any(n => Math.Abs(n) >= (whole ? ThousandsFrom : 1000));
        return (whole, large) switch
        {
            (true, false) => "0",
            (true, true) => "#,##0",
            (false, true) => "#,##0",
            _ => "0.00",
        };
    }

    private static Worksheet BuildWorksheet(SheetTable table, string? notice, StyleSheet styles)
    {
        // The header (and the notice above it, when there is one) stays in view while scrolling.
        var frozenRows = notice is null ? 1 : 2;
        var firstData = $"A{frozenRows + 1}";
        var frozenHeader = new SheetViews(new SheetView(
            new Pane { VerticalSplit = frozenRows, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0 });
        var columns = new Columns();
        var widths = new double[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var widest = table.Rows.Select(r => r[c] is PackValue v ? DisplayWidth(v.Display) : LongestLine(Text(r[c])))
                .Prepend(DisplayWidth(table.Columns[c])).Max();
            widths[c] = Math.Clamp(widest + 2, MinColumnWidth, MaxColumnWidth);
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        }
        var data = new SheetData();
        if (notice is not null) data.Append(new Row(TextCell(notice, styles.Notice)));
        data.Append(WithHeight(new Row(table.Columns.Select(h => TextCell(h, styles.Header))), table.Columns, widths));
        foreach (var row in table.Rows) data.Append(WithHeight(new Row(row.Select(v => ValueCell(v, styles))), row, widths));
        // Printed, a sheet fits the page's width (as many pages down as it needs) instead of spilling columns onto other
        // pages, unless that would shrink it past reading.
        var fit = widths.Sum() <= MaxFittedWidth;
        var sheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = fit }), frozenHeader);
        if (table.Columns.Count > 0) sheet.Append(columns);
        sheet.Append(data);
        // The header row filters and sorts; printed, the sheet is A4 (paper size 9), landscape when it is wide.
        if (table.Columns.Count > 0) sheet.Append(new AutoFilter { Reference = $"A{frozenRows}:{ColumnName(table.Columns.Count)}{frozenRows + table.Rows.Count}" });
        sheet.Append(new PageSetup { PaperSize = 9U, FitToWidth = 1U, FitToHeight = fit ? 0U : 1U, Orientation = table.Columns.Count > LandscapeFromColumns ? OrientationValues.Landscape : OrientationValues.Portrait });
        // Printed, the notice heads every page of the sheet too (&C: centre section of the page header).
        if (notice is not null) sheet.Append(new HeaderFooter(new OddHeader("&C" + notice.Replace("&", "&&", StringComparison.Ordinal))));
        return sheet;
    }

    private static Cell ValueCell(object? value, StyleSheet styles) => value switch
    {
        null => new Cell(),
        PackValue { Value: null } => new Cell(),
        PackValue v => NumberCell(v.Value!.Value.ToString("R", CultureInfo.InvariantCulture), styles.Number(v.NumberFormat)),
        double d when double.IsFinite(d) => NumberCell(d.ToString("R", CultureInfo.InvariantCulture), styles.Number("General")),
        float f when float.IsFinite(f) => NumberCell(f.ToString("R", CultureInfo.InvariantCulture), styles.Number("General")),
        int or long or short or decimal or byte => NumberCell(Convert.ToString(value, CultureInfo.InvariantCulture)!, styles.Number("General")),
        _ => TextCell(Text(value), styles.Text),
    };

    /// <summary>Sets the row's height to the lines its tallest cell wraps to: neither Excel nor LibreOffice grows a row
    /// for wrapped text when opening a file, so a second line ("99.32\n达成概率0%") would stay hidden.</summary>
    private static Row WithHeight(Row row, IReadOnlyList<object?> values, double[] widths)
    {
        var lines = 1;
        for (var c = 0; c < values.Count && c < widths.Length; c++)
        {
            if (values[c] is PackValue or null || values[c] is IFormattable) continue;
            lines = Math.Max(lines, Text(values[c]).Split('\n').Sum(l => Math.Max(1, (int)Math.Ceiling(DisplayWidth(l) / Math.Max(1, widths[c] - 1)))));
        }
        if (lines > 1)
        {
            row.Height = lines * LineHeight;
            row.CustomHeight = true;
        }
        return row;
    }

    private static Cell NumberCell(string invariant, uint style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(invariant), StyleIndex = style };

    /// <summary>An inline-string cell: Excel shows it as text and never evaluates it.</summary>
    private static Cell TextCell(string text, uint style) =>
        new()
        {
            DataType = CellValues.InlineString, StyleIndex = style,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        };

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Chinese characters take two columns of width in Excel.</summary>
    private static double DisplayWidth(string text) => text.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

    private static double LongestLine(string text) => text.Split('\n').Max(DisplayWidth);

    /// <summary>A, B, …, Z, AA, …: the letters of a column number (from 1).</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    private static string UniqueSheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray());
        if (clean.Length > MaxSheetName) clean = clean[..MaxSheetName];
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++)
        {
            var suffix = $"~{i}";
            candidate = clean[..Math.Min(clean.Length, MaxSheetName - suffix.Length)] + suffix;
        }
        return candidate;
    }

    /// <summary>The workbook's cell styles: the header, the notice, wrapped text, and one style per number format used.</summary>
    private sealed class StyleSheet
    {
        /// <summary>Custom number formats are numbered from 164 (below are Excel's built-in ones).</summary>
        private const uint FirstCustomFormat = 164;

        private readonly Dictionary<string, uint> numberStyles = new(StringComparer.Ordinal);

        // Fixed cell formats: 0 default, 1 header, 2 notice, 3 wrapped text, 4 a general number (top-aligned, as every
        // data cell is, so a row with a wrapped cell reads along its first line); number formats follow.
        public uint Header => 1;
        public uint Notice => 2;
        public uint Text => 3;
        private const uint GeneralNumber = 4, FirstNumberStyle = 5;

        public uint Number(string format)
        {
            if (format == "General") return GeneralNumber;
            if (!numberStyles.TryGetValue(format, out var style)) numberStyles[format] = style = (uint)(FirstNumberStyle + numberStyles.Count);
            return style;
        }

        public Stylesheet Build()
        {
            var formats = numberStyles.OrderBy(p => p.Value).ToList();
            var numberingFormats = new NumberingFormats(formats.Select((p, i) => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = p.Key }))
            { Count = (uint)formats.Count };
            var fonts = new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }),
                new Font(new Bold(), new Color { Rgb = "FFD55E00" }, new FontSize { Val = 11 }, new FontName { Val = "等线" }))
            { Count = 3 };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF3F5F7" }) { PatternType = PatternValues.Solid }))
            { Count = 3 };
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF1A1A1A" }) { Style = BorderStyleValues.Medium }, new DiagonalBorder()))
            { Count = 2 };
            var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
            var cellFormats = new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat((Alignment)top.CloneNode(true)) { ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true });
            for (var i = 0; i < formats.Count; i++)
            {
                cellFormats.Append(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = FirstCustomFormat + (uint)i, ApplyNumberFormat = true, ApplyAlignment = true });
            }
            cellFormats.Count = (uint)cellFormats.ChildElements.Count;
            return new Stylesheet(numberingFormats, fonts, fills, borders,
                new CellStyleFormats(new CellFormat()) { Count = 1 }, cellFormats);
        }
    }
}
