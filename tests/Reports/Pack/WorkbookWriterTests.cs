using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack;

public class WorkbookWriterTests
{
    [Fact]
    public void Write_TablesBecomeSheetsWithFrozenHeaderAndInertFormulas()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("t.xlsx");
        WorkbookWriter.Write(path,
        [
            new SheetTable("单位工作量", ["单位", "牵头"], [["=HYPERLINK(\"x\")", 3], ["@SUM(A1)", 2.5], ["-1+1", null]]),
            new SheetTable("单位工作量", ["a"], [["+x"]]),
        ]);

        using var doc = SpreadsheetDocument.Open(path, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["单位工作量", "单位工作量~2"], sheets);
        var first = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var pane = first.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        var cells = first.Worksheet.Descendants<Cell>().ToList();
        Assert.Empty(first.Worksheet.Descendants<CellFormula>());
        var injected = cells.Where(c => c.InnerText.StartsWith('=') || c.InnerText.StartsWith('@') || c.InnerText.StartsWith('-')).ToList();
        Assert.Equal(3, injected.Count);
        Assert.All(injected, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Contains(cells, c => c.DataType?.Value == CellValues.Number && c.CellValue!.Text == "2.5");
        Assert.All(first.Worksheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 3, 60));
    }

    [Fact]
    public void Write_WithoutNotice_HeaderIsRowOne_WithNotice_NoticeAboveAndInThePrintedHeader()
    {
        using var tmp = new TempDirectory();
        WorkbookWriter.Write(tmp.File("plain.xlsx"), [new SheetTable("s", ["a"], [[1]])]);
        WorkbookWriter.Write(tmp.File("noted.xlsx"), [new SheetTable("s", ["a"], [[1]])], "合成示例 & 说明");
        using (var plain = SpreadsheetDocument.Open(tmp.File("plain.xlsx"), false))
        {
            var ws = plain.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Equal("a", ws.Descendants<Row>().First().InnerText);
            Assert.Empty(ws.Descendants<OddHeader>());
        }
        using var noted = SpreadsheetDocument.Open(tmp.File("noted.xlsx"), false);
        var sheet = noted.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(["合成示例 & 说明", "a", "1"], rows.Select(r => r.InnerText));
        Assert.Equal(2d, sheet.Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal("&C合成示例 && 说明", sheet.Descendants<OddHeader>().Single().Text);
    }
}
