using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Observations;

namespace Wcc.Etl.Collection;

/// <summary>A header row found on a sheet: the column of each header text.</summary>
public sealed class HeaderRow(uint rowNo, IReadOnlyDictionary<string, int> columns)
{
    /// <summary>1-based row of the header.</summary>
    public uint RowNo { get; } = rowNo;

    /// <summary>The column of a header the row is known to have.</summary>
    public int Column(string header) => TryColumn(header) ?? throw new InvalidOperationException($"no column {header}");

    /// <summary>The column whose header is <paramref name="header"/> or starts with it (a clerk or a tool may add a note after it, e.g. who fills it in).</summary>
    public int? TryColumn(string header)
    {
        if (columns.TryGetValue(header, out var exact)) return exact;
        foreach (var (text, column) in columns.OrderBy(kv => kv.Value))
        {
            if (text.StartsWith(header, StringComparison.Ordinal)) return column;
        }
        return null;
    }
}

/// <summary>One worksheet read into memory as cells by row and column (forms are small: a few thousand cells).</summary>
public sealed class SheetGrid
{
    private readonly SortedDictionary<uint, Dictionary<int, ReadCell>> rows = [];

    private SheetGrid(string name) => Name = name;

    /// <summary>The sheet's name as saved.</summary>
    public string Name { get; }

    /// <summary>Reads every cell of <paramref name="part"/>.</summary>
    public static SheetGrid Read(string name, WorksheetPart part, string[] sharedStrings, HashSet<uint> percentStyles)
    {
        var grid = new SheetGrid(name);
        uint rowNo = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            // Some writers omit r= on rows and cells: count them instead.
            rowNo = row.RowIndex?.Value ?? rowNo + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? SheetBuilder.ColumnIndex(reference) : column + 1;
                var read = ReadValue(name, SheetBuilder.Ref(column, rowNo), cell, sharedStrings, percentStyles);
                if (read.Text is null && read.Number is null) continue;
                if (!grid.rows.TryGetValue(rowNo, out var cells)) grid.rows[rowNo] = cells = [];
                cells[column] = read;
            }
        }
        return grid;
    }

    private static ReadCell ReadValue(string sheet, string reference, Cell cell, string[] sharedStrings, HashSet<uint> percentStyles)
    {
        var raw = cell.CellValue?.Text;
        // A formula typed into a text cell (=1+1, @SUM(...)) is kept as the clerk wrote it, never evaluated.
        var formula = cell.CellFormula?.Text;
        var percent = cell.StyleIndex?.Value is { } style && percentStyles.Contains(style);
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : raw;
            return new ReadCell(sheet, reference, text);
        }
        if (cell.DataType?.Value == CellValues.InlineString) return new ReadCell(sheet, reference, cell.InlineString?.InnerText);
        if (cell.DataType?.Value == CellValues.String) return new ReadCell(sheet, reference, formula is not null ? "=" + formula : raw);
        if (cell.DataType?.Value == CellValues.Boolean) return new ReadCell(sheet, reference, raw == "1" ? "TRUE" : "FALSE");
        if (cell.DataType?.Value == CellValues.Error) return new ReadCell(sheet, reference, formula is not null ? "=" + formula : raw);
        var number = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        return new ReadCell(sheet, reference, raw, number, percent) { FormulaText = formula is null ? null : "=" + formula };
    }

    /// <summary>The first row within <see cref="CollectionLayout.HeaderSearchRows"/> that holds every one of <paramref name="required"/>.</summary>
    public HeaderRow? FindHeader(params string[] required)
    {
        foreach (var (rowNo, cells) in rows.TakeWhile(kv => kv.Key <= CollectionLayout.HeaderSearchRows))
        {
            var texts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (column, cell) in cells.OrderBy(kv => kv.Key))
            {
                var text = Normalise(cell.Text);
                if (text is not null) texts.TryAdd(text, column);
            }
            if (required.All(texts.ContainsKey)) return new HeaderRow(rowNo, texts);
        }
        return null;
    }

    /// <summary>The value right of a cell whose text is <paramref name="label"/> (the first non-empty one), in the first rows.</summary>
    public (string Value, string Ref)? FindLabelled(string label)
    {
        foreach (var (_, cells) in rows.TakeWhile(kv => kv.Key <= CollectionLayout.HeaderSearchRows))
        {
            foreach (var (column, cell) in cells.OrderBy(kv => kv.Key))
            {
                if (Normalise(cell.Text) != label) continue;
                var next = cells.Where(kv => kv.Key > column && !kv.Value.IsBlank).OrderBy(kv => kv.Key).Select(kv => kv.Value).FirstOrDefault();
                if (next is not null) return (next.Text ?? next.Number!.Value.ToString(CultureInfo.InvariantCulture), next.Ref);
            }
        }
        return null;
    }

    /// <summary>Row numbers after <paramref name="headerRow"/> that hold anything.</summary>
    public IEnumerable<uint> RowsAfter(uint headerRow) => rows.Keys.Where(r => r > headerRow);

    /// <summary>The cell at a row and column (an empty one when absent).</summary>
    public ReadCell Cell(uint row, int column) =>
        rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : new ReadCell(Name, SheetBuilder.Ref(column, row), null);

    /// <summary>The trimmed text of a cell (a formula kept as its text), or null when blank.</summary>
    public string? Text(uint row, int column)
    {
        var cell = Cell(row, column);
        var text = cell.FormulaText ?? cell.Text;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Header text as compared: full-width forms folded, inner blanks removed.</summary>
    private static string? Normalise(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new string(ObservationText.ToHalfWidth(text).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
