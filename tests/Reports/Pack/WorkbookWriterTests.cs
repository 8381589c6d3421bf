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

public class WorkbookWriterTypedValueTests
{
    [Fact]
    public void Write_PackValues_AreNumbersWithTheirFormat_AndTheirYearsAColumnOfTheirOwn()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("t.xlsx");
        WorkbookWriter.Write(path,
        [
            new SheetTable("指标", ["指标", "最新值", "达成概率", "人数", "占比"],
            [
                ["就业比例", PackValue.Measured(40.23, "%", 2020), PackValue.Probability(0.82), 64114L, 0.125],
                ["培训人数", PackValue.Measured(60000.0, "人", 2019), PackValue.Probability(null), 12L, 0.5],
            ]),
        ]);
        // The page shows the same values as before: one cell, the year on a second line.
        Assert.Equal("40.23%\n(2020年)", Html.Format(PackValue.Measured(40.23, "%", 2020)));
        Assert.Equal("≥98\n(2020年)", Html.Format(PackValue.Target(">=", 98.0, 2020)));
        Assert.Equal("82%", Html.Format(PackValue.Probability(0.82)));

        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(["指标", "最新值", "最新值年份", "达成概率", "人数", "占比"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal(["40.23", "2020", "0.82", "64114", "0.125"], first.Skip(1).Select(c => c.CellValue!.Text));
        Assert.All(first.Skip(1), c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        // A missing probability is an empty cell, not "—".
        Assert.Null(rows[2].Elements<Cell>().ElementAt(3).CellValue);
        var styles = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet!;
        string Format(Cell c)
        {
            var xf = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));
            return styles.NumberingFormats!.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == xf.NumberFormatId?.Value)?.FormatCode?.Value ?? "General";
        }
        // The year is a plain whole number (General shows 2020).
        Assert.Equal(["0.00\"%\"", "General", "0%", "#,##0", "0.00"], first.Skip(1).Select(Format));
        Assert.Equal("#,##0\"人\"", Format(rows[2].Elements<Cell>().ElementAt(1)));
        Assert.Equal("A1:F3", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
    }
}
