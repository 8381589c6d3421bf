using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Collection;

namespace Wcc.Tests.Etl.Collection;

/// <summary>Fills a collection form the way a clerk or an office's script would: finds rows by their key cells and
/// columns by header text, then writes numbers, text (inline or shared strings) or formulas into the input cells.</summary>
public sealed class FormFiller : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;

    private FormFiller(string path)
    {
        document = SpreadsheetDocument.Open(path, true);
        workbookPart = document.WorkbookPart!;
    }

    public static void Fill(string path, Action<FormFiller> edit)
    {
        using var filler = new FormFiller(path);
        edit(filler);
    }

    /// <summary>Every indicator row: key and the reference values printed beside it.</summary>
    public IReadOnlyList<(string Code, string Area, string Sex, double? TwoAgo, double? Last, string RangeText)> IndicatorRows()
    {
        var (sheet, header) = Find(CollectionLayout.IndicatorSheet);
        var rows = new List<(string, string, string, double?, double?, string)>();
        foreach (var row in Data(sheet).Elements<Row>().Where(r => r.RowIndex! > header.Row))
        {
            var code = Text(row, header.Col[CollectionLayout.IndicatorCode]);
            if (code is null) continue;
            rows.Add((code, Text(row, header.Col[CollectionLayout.AreaCode])!, Text(row, header.Col[CollectionLayout.Sex])!,
                Num(row, header.Col.Single(kv => kv.Key.StartsWith($"{CollectionFixture.Round - 2}年", StringComparison.Ordinal)).Value),
                Num(row, header.Col.Single(kv => kv.Key.StartsWith($"{CollectionFixture.Round - 1}年", StringComparison.Ordinal)).Value),
                Text(row, header.Col["取值范围"]) ?? ""));
        }
        return rows;
    }

    /// <summary>Every task number on the progress sheet with its role text.</summary>
    public IReadOnlyList<(int Task, string Role)> TaskRows()
    {
        var (sheet, header) = Find(CollectionLayout.ProgressSheet);
        return Data(sheet).Elements<Row>().Where(r => r.RowIndex! > header.Row)
            .Select(r => (Text(r, header.Col[CollectionLayout.TaskNo]), Text(r, header.Col["承担角色"])))
            .Where(t => t.Item1 is not null).Select(t => (int.Parse(t.Item1!, CultureInfo.InvariantCulture), t.Item2!)).ToList();
    }

    /// <summary>Writes a value (a number as a numeric cell, a string as an inline or shared string) and optionally 说明.</summary>
    public void SetValue(string code, string area, string sex, object? value, string? explanation = null, bool shared = false, string? dataSource = null)
    {
        var (sheet, header) = Find(CollectionLayout.IndicatorSheet);
        var row = Data(sheet).Elements<Row>().Single(r => r.RowIndex! > header.Row && Text(r, header.Col[CollectionLayout.IndicatorCode]) == code
            && Text(r, header.Col[CollectionLayout.AreaCode]) == area && Text(r, header.Col[CollectionLayout.Sex]) == sex);
        Put(row, header.Col[CollectionLayout.Value], value, shared);
        if (explanation is not null) Put(row, header.Col[CollectionLayout.Explanation], explanation, shared);
        if (dataSource is not null) Put(row, header.Col[CollectionLayout.DataSource], dataSource, shared);
    }

    /// <summary>Fills a progress row.</summary>
    public void SetProgress(int task, string? status, string? narrative, string? evidence = null, object? completed = null, bool narrativeAsFormula = false)
    {
        var (sheet, header) = Find(CollectionLayout.ProgressSheet);
        var row = Data(sheet).Elements<Row>().Single(r => r.RowIndex! > header.Row && Text(r, header.Col[CollectionLayout.TaskNo]) == task.ToString(CultureInfo.InvariantCulture));
        Put(row, header.Col[CollectionLayout.Status], status, false);
        var narrativeCell = Put(row, header.Col[CollectionLayout.Narrative], narrativeAsFormula ? null : narrative, false);
        if (narrativeAsFormula && narrative is not null)
        {
            // As Excel stores a typed =1+1: a formula with its cached result.
            narrativeCell.CellFormula = new CellFormula(narrative.TrimStart('='));
            narrativeCell.CellValue = new CellValue("2");
            narrativeCell.DataType = null;
        }
        Put(row, header.Col[CollectionLayout.Evidence], evidence, false);
        var done = header.Col.Single(kv => kv.Key.StartsWith(CollectionLayout.CompletionDate, StringComparison.Ordinal)).Value;
        if (completed is not null) Put(row, done, completed, false);
    }

    /// <summary>Renames a sheet (a clerk's habit) and moves it to the front.</summary>
    public void RenameAndMoveFirst(string sheetName, string newName)
    {
        var sheets = workbookPart.Workbook.Sheets!;
        var sheet = sheets.Elements<Sheet>().Single(s => s.Name == sheetName);
        sheet.Name = newName;
        sheet.Remove();
        sheets.InsertAt(sheet, 0);
        foreach (var dn in workbookPart.Workbook.DefinedNames?.Elements<DefinedName>().ToList() ?? []) dn.Remove();
    }

    /// <summary>Adds a clerk's note row below the data, and a blank row between data rows.</summary>
    public void AddClerkRows(string note)
    {
        var (sheet, header) = Find(CollectionLayout.IndicatorSheet);
        var data = Data(sheet);
        var last = data.Elements<Row>().Last().RowIndex!.Value;
        var noteRow = new Row { RowIndex = last + 3 };
        noteRow.Append(new Cell { CellReference = $"B{last + 3}", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(note)) });
        data.Append(noteRow);
    }

    private Cell Put(Row row, int column, object? value, bool shared)
    {
        var reference = SheetBuilder.ColumnName(column) + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var next = row.Elements<Cell>().FirstOrDefault(c => SheetBuilder.ColumnIndex(c.CellReference!) > column);
            if (next is null) row.Append(cell); else row.InsertBefore(cell, next);
        }
        cell.CellValue = null;
        cell.InlineString = null;
        cell.CellFormula = null;
        cell.DataType = null;
        switch (value)
        {
            case null: break;
            case double or int:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            case string s when shared:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(SharedString(s).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Convert.ToString(value, CultureInfo.InvariantCulture)!));
                break;
        }
        return cell;
    }

    private int SharedString(string text)
    {
        var part = workbookPart.SharedStringTablePart ?? workbookPart.AddNewPart<SharedStringTablePart>();
        part.SharedStringTable ??= new SharedStringTable();
        part.SharedStringTable.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
        return part.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
    }

    private sealed record Header(uint Row, Dictionary<string, int> Col);

    private (WorksheetPart Sheet, Header Header) Find(string originalName)
    {
        string[] required = originalName == CollectionLayout.IndicatorSheet ? [CollectionLayout.IndicatorCode, CollectionLayout.Value] : [CollectionLayout.TaskNo, CollectionLayout.Status];
        foreach (var part in workbookPart.WorksheetParts)
        {
            foreach (var row in Data(part).Elements<Row>().Take(CollectionLayout.HeaderSearchRows))
            {
                var cols = new Dictionary<string, int>();
                foreach (var cell in row.Elements<Cell>())
                {
                    if (TextOf(cell) is { } t) cols.TryAdd(t, SheetBuilder.ColumnIndex(cell.CellReference!));
                }
                if (required.All(cols.ContainsKey)) return (part, new Header(row.RowIndex!.Value, cols));
            }
        }
        throw new InvalidOperationException($"no sheet like {originalName}");
    }

    private static SheetData Data(WorksheetPart part) => part.Worksheet.GetFirstChild<SheetData>()!;

    private string? Text(Row row, int column) =>
        row.Elements<Cell>().FirstOrDefault(c => SheetBuilder.ColumnIndex(c.CellReference!) == column) is { } cell ? TextOf(cell) : null;

    private static double? Num(Row row, int column) =>
        row.Elements<Cell>().FirstOrDefault(c => SheetBuilder.ColumnIndex(c.CellReference!) == column)?.CellValue?.Text is { } t
            ? double.Parse(t, CultureInfo.InvariantCulture) : null;

    private string? TextOf(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return workbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
        }
        return cell.CellValue?.Text;
    }

    public void Dispose() => document.Dispose();
}
