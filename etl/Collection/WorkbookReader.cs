using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Observations;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Collection;

/// <summary>Reads a returned form tolerantly: whatever program saved it, however the clerk renamed or reordered its sheets.</summary>
/// <remarks>
/// Sheets are found by their header row (<see cref="CollectionLayout"/>), columns by header text, keys by their labels.
/// Cells may be shared strings (Excel, LibreOffice), inline strings (our writer, scripts), numbers or numbers stored as
/// text; blank rows and rows a clerk added are skipped or reported, never guessed at. A file that is not a readable
/// workbook is refused with what it seems to be instead.
/// </remarks>
public static class WorkbookReader
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    // OLE compound file: what Excel writes for a password-protected (encrypted) workbook, and the old .xls format.
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads <paramref name="path"/>; refuses (WccException naming file, sheet and cell) what cannot be a returned form.</summary>
    public static ReturnedWorkbook Read(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw Refuse(file, "file not found", "check the path", exitCode: 2);
        CheckSignature(path, file);
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            return ReadDocument(path, file, document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException
                                       or System.Xml.XmlException or NotSupportedException or KeyNotFoundException)
        {
            throw Refuse(file, $"the workbook is damaged and cannot be read ({ex.Message.Trim()})",
                "ask the unit to open it in Excel or WPS and save it again as .xlsx");
        }
    }

    private static void CheckSignature(string path, string file)
    {
        var head = new byte[8];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0) throw Refuse(file, "the file is empty (0 bytes)", "ask the unit to send the filled form again");
        if (read >= 8 && head.AsSpan().SequenceEqual(OleMagic))
        {
            throw Refuse(file, "the workbook is password-protected (encrypted) or in the old .xls format",
                "ask the unit to remove the file password (文件-信息-保护工作簿-用密码进行加密: clear it) and save as .xlsx");
        }
        if (!head.AsSpan(0, Math.Min(read, 4)).SequenceEqual(ZipMagic))
        {
            var text = File.ReadAllBytes(path).Take(200).ToArray();
            var looksCsv = text.All(b => b is >= 0x20 or (byte)'\n' or (byte)'\r' or (byte)'\t') && text.Contains((byte)',');
            if (looksCsv) throw new WccException($"{file}: this is a CSV (text) file renamed .xlsx, not a workbook", new Remedy(RemedyAction.LoadProgressLedgerInstead));
            throw Refuse(file, "this is not an .xlsx workbook", "return the .xlsx form as it was sent, filled in");
        }
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw Refuse(file, $"the workbook is damaged and cannot be opened ({ex.Message.Trim()})", "ask the unit to open it in Excel or WPS and save it again as .xlsx");
        }
        using var _ = zip;
        if (zip.GetEntry("word/document.xml") is not null)
        {
            throw Refuse(file, "this is a Word document (.docx) renamed .xlsx", "return the .xlsx form itself");
        }
        if (zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
        {
            throw Refuse(file, "this zip file holds no workbook", "return the .xlsx form itself");
        }
    }

    private static ReturnedWorkbook ReadDocument(string path, string file, SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw Refuse(file, "the file holds no workbook", "return the .xlsx form itself");
        var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var percentStyles = PercentStyles(workbookPart);
        var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count == 0) throw Refuse(file, "the workbook has no sheets", "return the form as it was sent, filled in");

        var grids = new List<SheetGrid>();
        foreach (var sheet in sheets)
        {
            if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part) continue;
            grids.Add(SheetGrid.Read(sheet.Name?.Value ?? "?", part, strings, percentStyles));
        }

        var indicatorSheet = grids.Select(g => (Grid: g, Header: g.FindHeader(CollectionLayout.IndicatorCode, CollectionLayout.AreaCode, CollectionLayout.Sex, CollectionLayout.Value, CollectionLayout.Explanation)))
            .FirstOrDefault(x => x.Header is not null);
        var progressSheet = grids.Select(g => (Grid: g, Header: g.FindHeader(CollectionLayout.TaskNo, CollectionLayout.Status, CollectionLayout.Narrative)))
            .FirstOrDefault(x => x.Header is not null);
        if (indicatorSheet.Grid is null && progressSheet.Grid is null)
        {
            throw new WccException(
                $"{file}: no sheet has the form's header row ({CollectionLayout.IndicatorCode}, {CollectionLayout.AreaCode}, {CollectionLayout.Sex}, {CollectionLayout.Value}, {CollectionLayout.Explanation}; or {CollectionLayout.TaskNo}, {CollectionLayout.Status}, {CollectionLayout.Narrative}): it is empty or not a collection form",
                new Remedy(RemedyAction.ReturnTheSentForm));
        }

        var (unit, unitSheet, unitCell) = FindKey(grids, CollectionLayout.UnitLabel)
            ?? throw Refuse(file, $"no cell labelled {CollectionLayout.UnitLabel} (row 1 of each sheet) names the reporting unit", "return the form as it was sent; do not delete its first row");
        var (roundText, roundSheet, roundCell) = FindKey(grids, CollectionLayout.RoundLabel)
            ?? throw Refuse(file, $"no cell labelled {CollectionLayout.RoundLabel} (row 1 of each sheet) gives the round", "return the form as it was sent; do not delete its first row");
        var roundNormal = ObservationText.ToHalfWidth(roundText).Trim().TrimEnd('年', '度');
        if (!double.TryParse(roundNormal, NumberStyles.Float, CultureInfo.InvariantCulture, out var roundValue) || roundValue != Math.Floor(roundValue))
        {
            throw Refuse(file, $"sheet {roundSheet} cell {roundCell}: round '{roundText}' is not a year", "return the form as it was sent");
        }

        var indicators = indicatorSheet.Grid is null ? [] : ReadIndicators(indicatorSheet.Grid, indicatorSheet.Header!);
        var progress = progressSheet.Grid is null ? [] : ReadProgress(progressSheet.Grid, progressSheet.Header!);
        return new ReturnedWorkbook(path, unit.Trim(), (int)roundValue, roundSheet, roundCell,
            indicatorSheet.Grid?.Name, indicators, progressSheet.Grid?.Name, progress);
    }

    private static List<IndicatorRow> ReadIndicators(SheetGrid grid, HeaderRow header)
    {
        var rows = new List<IndicatorRow>();
        foreach (var r in grid.RowsAfter(header.RowNo))
        {
            var value = grid.Cell(r, header.Column(CollectionLayout.Value));
            var code = grid.Text(r, header.Column(CollectionLayout.IndicatorCode));
            var area = grid.Text(r, header.Column(CollectionLayout.AreaCode));
            var sex = grid.Text(r, header.Column(CollectionLayout.Sex));
            var explanation = grid.Text(r, header.Column(CollectionLayout.Explanation));
            var source = header.TryColumn(CollectionLayout.DataSource) is { } c ? grid.Text(r, c) : null;
            // A row with no key and no value is a blank line or a clerk's note: not a cell of the form.
            if (code is null && area is null && sex is null && value.IsBlank) continue;
            rows.Add(new IndicatorRow(r, code, area, sex, value, explanation, source));
        }
        return rows;
    }

    private static List<ProgressRow> ReadProgress(SheetGrid grid, HeaderRow header)
    {
        var rows = new List<ProgressRow>();
        foreach (var r in grid.RowsAfter(header.RowNo))
        {
            var task = grid.Text(r, header.Column(CollectionLayout.TaskNo));
            var status = grid.Cell(r, header.Column(CollectionLayout.Status));
            var narrative = grid.Text(r, header.Column(CollectionLayout.Narrative));
            var evidence = header.TryColumn(CollectionLayout.Evidence) is { } e ? grid.Text(r, e) : null;
            var done = header.TryColumn(CollectionLayout.CompletionDate) is { } d ? grid.Cell(r, d) : null;
            if (task is null && status.IsBlank && narrative is null) continue;
            rows.Add(new ProgressRow(r, task, status, narrative, evidence, done));
        }
        return rows;
    }

    private static (string Value, string Sheet, string Cell)? FindKey(List<SheetGrid> grids, string label)
    {
        foreach (var grid in grids)
        {
            if (grid.FindLabelled(label) is { } found) return (found.Value, grid.Name, found.Ref);
        }
        return null;
    }

    private static HashSet<uint> PercentStyles(WorkbookPart workbookPart)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var customPercent = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value?.Contains('%') == true).Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            // 9 and 10 are Excel's built-in 0% and 0.00%.
            if (id is 9 or 10 || customPercent.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    /// <summary>The refusal for a whole file: names it and says what to do.</summary>
    public static WccException Refuse(string file, string what, string hint, int exitCode = 1) => new($"{file}: {what}", hint, exitCode);
}
