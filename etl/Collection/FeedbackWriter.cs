using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Wcc.Etl.Collection;

/// <summary>Writes a unit's workbook back with its problem cells highlighted and a 审核结果 sheet (sheet, cell, rule, what to do).</summary>
/// <remarks>Works on a copy of the returned file, so everything the clerk entered stays as it was; only fills change.</remarks>
public static class FeedbackWriter
{
    /// <summary>File name of the feedback for a returned file.</summary>
    public static string FileName(string returnedPath) => Path.GetFileNameWithoutExtension(returnedPath) + "-审核结果.xlsx";

    /// <summary>Copies <paramref name="returnedPath"/> to <paramref name="destination"/>, highlights the problems and adds the 审核结果 sheet first.</summary>
    public static void Write(string returnedPath, string destination, ReturnedWorkbook workbook, IReadOnlyList<AuditedCell> cells)
    {
        File.Copy(returnedPath, destination, overwrite: true);
        var problems = cells.Where(c => c.Outcome is CellOutcome.Rejected or CellOutcome.Returned or CellOutcome.Missing).ToList();
        using var document = SpreadsheetDocument.Open(destination, true);
        var workbookPart = document.WorkbookPart!;
        var stylesheet = Stylesheet(workbookPart);
        var highlight = new Dictionary<uint, uint>();
        foreach (var problem in problems)
        {
            var part = Worksheet(workbookPart, problem.Cell.Sheet);
            if (part is null) continue;
            var cell = GetOrCreateCell(part.Worksheet, problem.Cell.Ref);
            var original = cell.StyleIndex?.Value ?? 0;
            if (!highlight.TryGetValue(original, out var style)) highlight[original] = style = ProblemStyle(stylesheet, original);
            cell.StyleIndex = style;
        }
        stylesheet.Save();
        AddResultSheet(workbookPart, workbook, cells, problems);
        workbookPart.Workbook.Save();
    }

    private static Stylesheet Stylesheet(WorkbookPart workbookPart)
    {
        var part = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet ??= new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()), new CellFormats(new CellFormat()));
        return part.Stylesheet;
    }

    /// <summary>A copy of the cell's style with the problem fill, so its number format and borders stay.</summary>
    private static uint ProblemStyle(Stylesheet stylesheet, uint original)
    {
        var fills = stylesheet.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        fills.Append(TemplateStyles.Solid(TemplateStyles.ProblemFill));
        fills.Count = (uint)fills.ChildElements.Count;
        var formats = stylesheet.CellFormats ??= new CellFormats(new CellFormat());
        var source = formats.Elements<CellFormat>().ElementAtOrDefault((int)original);
        var copy = source is null ? new CellFormat() : (CellFormat)source.CloneNode(true);
        copy.FillId = fills.Count - 1;
        copy.ApplyFill = true;
        formats.Append(copy);
        formats.Count = (uint)formats.ChildElements.Count;
        return formats.Count - 1;
    }

    private static WorksheetPart? Worksheet(WorkbookPart workbookPart, string sheetName)
    {
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName);
        return sheet?.Id?.Value is { } id ? workbookPart.GetPartById(id) as WorksheetPart : null;
    }

    private static Cell GetOrCreateCell(Worksheet worksheet, string reference)
    {
        var data = worksheet.GetFirstChild<SheetData>() ?? worksheet.AppendChild(new SheetData());
        var rowIndex = SheetBuilder.RowOf(reference);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value > rowIndex);
            if (after is null) data.Append(row); else data.InsertBefore(row, after);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is not null) return cell;
        cell = new Cell { CellReference = reference };
        var column = SheetBuilder.ColumnIndex(reference);
        var next = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value is { } r && SheetBuilder.ColumnIndex(r) > column);
        if (next is null) row.Append(cell); else row.InsertBefore(cell, next);
        return cell;
    }

    private static void AddResultSheet(WorkbookPart workbookPart, ReturnedWorkbook workbook, IReadOnlyList<AuditedCell> cells, List<AuditedCell> problems)
    {
        var b = new SheetBuilder();
        int Count(string outcome) => cells.Count(c => c.Outcome == outcome);
        b.NewRow().Text(1, CollectionLayout.UnitLabel, 0).Text(2, workbook.UnitName, 0).Text(3, CollectionLayout.RoundLabel, 0).Number(4, workbook.Round, 0);
        b.NewRow().Text(1, problems.Count == 0
            ? $"审核通过：共读取{cells.Count}个单元格，全部接受(入库{Count(CellOutcome.Loaded)}，空缺已说明{Count(CellOutcome.Empty)})。"
            : $"审核结果：共读取{cells.Count}个单元格，入库{Count(CellOutcome.Loaded)}，空缺已说明{Count(CellOutcome.Empty)}；" +
              $"拒收{Count(CellOutcome.Rejected)}，退回核实{Count(CellOutcome.Returned)}，空缺未说明{Count(CellOutcome.Missing)}。请按下表修改红色单元格后重新报送整张表格。", 0);
        b.NewRow();
        string[] headers = ["工作表", "单元格", "规则", "处理结果", "问题说明", "处理要求"];
        for (var c = 0; c < headers.Length; c++) b.Text(c + 1, headers[c], 0);
        foreach (var p in problems)
        {
            b.NewRow().Text(1, p.Cell.Sheet, 0).Text(2, p.Cell.Ref, 0).Text(3, RuleNames.Of(p.RuleCode), 0).Text(4, RuleNames.Verdict(p.Outcome), 0)
                .Text(5, p.MessageZh, 0).Text(6, p.ActionZh, 0);
        }
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 8, CustomWidth = true },
            new Column { Min = 3, Max = 4, Width = 18, CustomWidth = true }, new Column { Min = 5, Max = 6, Width = 60, CustomWidth = true });
        part.Worksheet = new Worksheet(columns, b.Data);
        part.Worksheet.Save();

        // First tab, so the clerk sees it on opening; sheet-local names (print areas) shift by one.
        var sheets = workbookPart.Workbook.Sheets!;
        var existing = sheets.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == CollectionLayout.FeedbackSheet);
        var name = existing is null ? CollectionLayout.FeedbackSheet : CollectionLayout.FeedbackSheet + "(新)";
        var sheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        sheets.InsertAt(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = name }, 0);
        foreach (var definedName in workbookPart.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (definedName.LocalSheetId?.Value is { } local) definedName.LocalSheetId = local + 1;
        }
        var view = workbookPart.Workbook.BookViews?.Elements<WorkbookView>().FirstOrDefault();
        if (view is not null) { view.ActiveTab = 0; view.FirstSheet = 0; }
        foreach (var ws in workbookPart.WorksheetParts.Where(w => w != part))
        {
            foreach (var sv in ws.Worksheet.Descendants<SheetView>()) sv.TabSelected = false;
        }
    }
}
