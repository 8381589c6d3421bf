using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Collection;

namespace Wcc.Tests.Etl.Collection;

/// <summary>Reads a feedback workbook back with OpenXml: its sheet order, its 审核结果 rows and which cells are filled red.</summary>
public sealed class FeedbackWorkbook
{
    public required IReadOnlyList<string> SheetNames { get; init; }
    public required IReadOnlyList<string[]> ResultRows { get; init; }
    private Dictionary<(string, string), (string? Text, bool Red)> Cells { get; init; } = [];

    public static FeedbackWorkbook Read(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = wb.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ToList();
        bool Red(uint style) => style < formats.Count && formats[(int)style].FillId?.Value is { } f && f < fills.Count
            && fills[(int)f].PatternFill?.ForegroundColor?.Rgb?.Value == TemplateStyles.ProblemFill;
        var cells = new Dictionary<(string, string), (string?, bool)>();
        var names = new List<string>();
        var resultRows = new List<string[]>();
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!);
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text)] : cell.CellValue?.Text;
                cells[(sheet.Name!, cell.CellReference!)] = (text, Red(cell.StyleIndex?.Value ?? 0));
            }
            if (sheet.Name == CollectionLayout.FeedbackSheet)
            {
                foreach (var row in part.Worksheet.Descendants<Row>().Skip(3))
                {
                    resultRows.Add(Enumerable.Range(1, 6).Select(c => cells.GetValueOrDefault((sheet.Name!, SheetBuilder.Ref(c, row.RowIndex!))).Item1 ?? "").ToArray());
                }
            }
        }
        return new FeedbackWorkbook { SheetNames = names, ResultRows = resultRows, Cells = cells };
    }

    public bool IsProblemFilled(string sheet, string reference) => Cells.TryGetValue((sheet, reference), out var c) && c.Red;

    public string? CellText(string sheet, string reference) => Cells.GetValueOrDefault((sheet, reference)).Text;
}
