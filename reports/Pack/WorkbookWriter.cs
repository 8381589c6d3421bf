using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Wcc.Reports.Pack;

/// <summary>One table of the pack, as it goes into a workbook sheet.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Writes tables to an .xlsx workbook with OpenXml: one sheet each, header row frozen, widths fitted.</summary>
/// <remarks>
/// Text is always written as an inline string, never as a formula, so a cell holding "=cmd|..." or "@SUM(...)"
/// stays inert text when opened (no formula injection). Numbers are written as numbers.
/// </remarks>
public static class WorkbookWriter
{
    /// <summary>Excel's limit on sheet-name length.</summary>
    private const int MaxSheetName = 31;

    /// <summary>Widest column we set, in characters; longer text wraps in Excel.</summary>
    private const double MaxColumnWidth = 60;

    /// <param name="notice">A line above every sheet's header (and in its printed page header), e.g. while the figures are
    /// synthetic; null for none, the header then being row 1.</param>
    public static void Write(string path, IEnumerable<SheetTable> tables, string? notice = null)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = BuildWorksheet(table, notice);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = UniqueSheetName(table.Name, usedNames),
            });
        }
        workbookPart.Workbook.Save();
    }

    private static Worksheet BuildWorksheet(SheetTable table, string? notice)
    {
        // The header (and the notice above it, when there is one) stays in view while scrolling.
        var frozenRows = notice is null ? 1 : 2;
        var firstData = $"A{frozenRows + 1}";
        var frozenHeader = new SheetViews(new SheetView(
            new Pane { VerticalSplit = frozenRows, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0 });
        var columns = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var widest = table.Rows.Select(r => DisplayWidth(Text(r[c]))).Prepend(DisplayWidth(table.Columns[c])).Max();
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Min(MaxColumnWidth, widest + 2), CustomWidth = true });
        }
        var data = new SheetData();
        if (notice is not null) data.Append(new Row(TextCell(notice)));
        data.Append(new Row(table.Columns.Select(TextCell)));
        foreach (var row in table.Rows) data.Append(new Row(row.Select(ValueCell)));
        if (notice is null) return new Worksheet(frozenHeader, columns, data);
        // Printed, the notice heads every page of the sheet too (&C: centre section of the page header).
        var header = new HeaderFooter(new OddHeader("&C" + notice.Replace("&", "&&", StringComparison.Ordinal)));
        return new Worksheet(frozenHeader, columns, data, header);
    }

    private static Cell ValueCell(object? value) => value switch
    {
        null => new Cell(),
        double d when double.IsFinite(d) => NumberCell(d.ToString("R", CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => NumberCell(f.ToString("R", CultureInfo.InvariantCulture)),
        int or long or short or decimal or byte => NumberCell(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => TextCell(Text(value)),
    };

    private static Cell NumberCell(string invariant) => new() { DataType = CellValues.Number, CellValue = new CellValue(invariant) };

    /// <summary>An inline-string cell: Excel shows it as text and never evaluates it.</summary>
    private static Cell TextCell(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Chinese characters take two columns of width in Excel.</summary>
    private static double DisplayWidth(string text) => text.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

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
}
