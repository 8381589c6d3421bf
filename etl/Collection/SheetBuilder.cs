using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Wcc.Etl.Collection;

/// <summary>Builds one worksheet's rows cell by cell; text is always an inline string, so nothing on a form is a formula.</summary>
public sealed class SheetBuilder
{
    private readonly SheetData data = new();
    private Row? row;

    public SheetData Data => data;

    /// <summary>The 1-based index of the row being written.</summary>
    public uint RowIndex { get; private set; }

    public SheetBuilder NewRow(double? height = null)
    {
        RowIndex++;
        row = new Row { RowIndex = RowIndex };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        data.Append(row);
        return this;
    }

    public SheetBuilder Text(int column, string? text, uint style)
    {
        var cell = new Cell { CellReference = Ref(column, RowIndex), StyleIndex = style };
        if (!string.IsNullOrEmpty(text))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }
        row!.Append(cell);
        return this;
    }

    public SheetBuilder Number(int column, double? value, uint style)
    {
        var cell = new Cell { CellReference = Ref(column, RowIndex), StyleIndex = style };
        if (value is { } v && double.IsFinite(v))
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture));
        }
        row!.Append(cell);
        return this;
    }

    /// <summary>A1 reference of a 1-based column and row.</summary>
    public static string Ref(int column, uint rowIndex) => ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>Column letters of a 1-based column (1 = A, 27 = AA).</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    /// <summary>1-based column of an A1 reference's letters.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z') break;
            index = index * 26 + (upper - 'A' + 1);
        }
        return index;
    }

    /// <summary>1-based row of an A1 reference (0 when it has none).</summary>
    public static uint RowOf(string reference)
    {
        var digits = new string(reference.SkipWhile(char.IsLetter).ToArray());
        return uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
    }
}
