using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Collection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Collection;

public class TemplateWriterTests(CollectionFixture fixture) : IClassFixture<CollectionFixture>
{
    [Fact]
    public void Templates_FormLayout_SheetsHeadersValidationProtectionFrozenPrintArea()
    {
        using var doc = SpreadsheetDocument.Open(fixture.Form("市卫健委"), false);
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal([CollectionLayout.InstructionsSheet, CollectionLayout.IndicatorSheet, CollectionLayout.ProgressSheet], sheets.Select(s => s.Name!.Value));
        Assert.True(wb.Workbook.WorkbookProtection!.LockStructure!.Value);
        var printAreas = wb.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Area").ToList();
        Assert.Equal(3, printAreas.Count);

        var indicator = (WorksheetPart)wb.GetPartById(sheets[1].Id!);
        var texts = Texts(indicator);
        var header = texts.Where(t => t.Key.Row == CollectionLayout.HeaderRow).Select(t => t.Value).ToList();
        Assert.Subset(header.ToHashSet(), new HashSet<string> { "指标代码", "地区代码", "性别", "填报值", "说明", "数据来源", "2018年(参考)", "2019年(参考)" });
        Assert.Equal("市卫健委", texts[(1, 2)]);
        Assert.True(indicator.Worksheet.GetFirstChild<SheetProtection>()!.Sheet!.Value);
        var pane = indicator.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal((double)CollectionLayout.HeaderRow, pane.VerticalSplit!.Value);
        var rules = indicator.Worksheet.Descendants<DataValidation>().ToList();
        Assert.All(rules, r => Assert.Equal(DataValidationValues.Decimal, r.Type!.Value));
        Assert.Contains(rules, r => r.Formula1!.Text == "0" && r.Formula2!.Text == "1000");     // ‰ mortality rates
        var validated = rules.SelectMany(r => r.SequenceOfReferences!.Items.Select(i => i.Value!)).ToHashSet();
        // Every value cell is validated, and unlocked; the keys and last years' values are locked.
        var valueColumn = texts.Single(t => t.Key.Row == CollectionLayout.HeaderRow && t.Value == "填报值").Key.Col;
        var codes = texts.Where(t => t.Key.Row > CollectionLayout.HeaderRow && t.Key.Col == 1).ToList();
        Assert.True(codes.Count > 100);
        Assert.All(codes, c => Assert.Contains(SheetBuilder.Ref(valueColumn, c.Key.Row), validated));
        var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Locked(string reference) => formats[(int)(indicator.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex?.Value ?? 0)]
            .Protection?.Locked?.Value ?? true;
        Assert.False(Locked(SheetBuilder.Ref(valueColumn, codes[0].Key.Row)));
        Assert.True(Locked(SheetBuilder.Ref(1, codes[0].Key.Row)));
        Assert.True(Locked(SheetBuilder.Ref(valueColumn - 1, codes[0].Key.Row)));
        // The synthetic history is announced on the form.
        Assert.Contains(Texts((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Values, t => t.Contains("模拟数据", StringComparison.Ordinal));
        // The audit rules are printed from seeds/audit_rules.csv, not restated by hand.
        var firstRuleNote = File.ReadLines(Path.Combine(RepoPaths.Seeds, "audit_rules.csv")).ElementAt(1).Split(',')[^1];
        Assert.Contains(Texts((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Values, t => t == firstRuleNote);

        var progress = (WorksheetPart)wb.GetPartById(sheets[2].Id!);
        var list = progress.Worksheet.Descendants<DataValidation>().Single(r => r.Type!.Value == DataValidationValues.List);
        Assert.Equal("\"未启动,推进中,已完成,滞后\"", list.Formula1!.Text);
        var progressHeader = Texts(progress).Where(t => t.Key.Row == CollectionLayout.HeaderRow).Select(t => t.Value).ToList();
        Assert.Contains("任务编号", progressHeader);
        Assert.Contains("进展状态", progressHeader);
        Assert.Contains("进展情况", progressHeader);
        // 市卫健委 reports the tasks 市卫计委 led in the notice (12, 13, 14).
        var tasks = Texts(progress).Where(t => t.Key.Row > CollectionLayout.HeaderRow && t.Key.Col == 1).Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Subset(tasks.ToHashSet(), new HashSet<int> { 12, 13, 14 });
    }

    [Fact]
    public void Templates_OwedCells_MatchSeedsReportingUnitsAndSexes()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        // Every indicator with a reporting unit is owed once per focus area and sex; nothing owed twice.
        Assert.Equal(0, Db.Count(connection, """
            SELECT count(*) FROM dim_indicator i
            WHERE i.reporting_unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fact_collection_owed o WHERE o.indicator_code = i.indicator_code)
            """));
        Assert.Equal(3 * 14, Db.Count(connection, "SELECT count(*) FROM fact_collection_owed WHERE indicator_code = 'C_INFANT_MORTALITY'"));
        Assert.Equal(14, Db.Count(connection, "SELECT count(*) FROM fact_collection_owed WHERE indicator_code = 'W_MATERNAL_MORTALITY' AND sex = 'F'"));
        Assert.Equal(0, Db.Count(connection, "SELECT count(*) FROM fact_collection_owed o JOIN dim_unit u USING (unit_name) WHERE u.valid_to < 2020 OR u.is_collective"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void LibreOfficeRoundTrip_FilledFormResavedByCalc_IntakeReadsEveryValue()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市卫健委", "filled.xlsx");
        var expected = new Dictionary<string, double>();
        FormFiller.Fill(form, f =>
        {
            var i = 0;
            foreach (var row in f.IndicatorRows())
            {
                var value = FormValues.Good(row.TwoAgo, row.Last, row.RangeText);
                expected[CollectionLayout.IndicatorKey(row.Code, row.Area, row.Sex)] = value;
                // Alternate numbers and numbers stored as text, as clerks do.
                f.SetValue(row.Code, row.Area, row.Sex, i++ % 2 == 0 ? value : value.ToString("R", CultureInfo.InvariantCulture), shared: i % 3 == 0);
            }
            foreach (var (task, _) in f.TaskRows()) f.SetProgress(task, "推进中", task % 2 == 0 ? "=1+1" : "@SUM(A1:A2) 已完成年度目标");
        });
        var outDir = Directory.CreateDirectory(tmp.File("resaved")).FullName;
        var profile = Directory.CreateDirectory(tmp.File("lo-profile")).FullName;
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList = { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir", outDir, form },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "soffice did not finish");
            Assert.Equal(0, process.ExitCode);
        }
        var resaved = Path.Combine(outDir, "filled.xlsx");
        Assert.NotEqual(File.ReadAllBytes(form), File.ReadAllBytes(resaved));

        var result = Assert.Single(IntakeJob.Run(connection, new IntakeOptions([resaved], CollectionFixture.Round, null, () => CollectionFixture.Clock)));

        // Every value is read as a number (the synthetic history may still trip a soft rule, e.g. a city above all its
        // districts, which returns the cell for an explanation but has read its value all the same).
        var problems = result.Cells.Where(c => c.Outcome is CellOutcome.Rejected or CellOutcome.Missing).Select(c => $"{c.Cell.Ref} {c.RawText} {c.Outcome} {c.MessageZh}");
        Assert.True(result.Rejected + result.Missing == 0, string.Join("; ", problems));
        Assert.True(result.Reconciles);
        var loaded = result.Cells.Where(c => c.ItemKind == "indicator").ToDictionary(c => c.ItemKey!, c => c.Value!.Value);
        Assert.Equal(expected.Count, loaded.Count);
        foreach (var (key, value) in expected) Assert.Equal(value, loaded[key], 9);
        var narratives = result.Cells.Where(c => c.ItemKind == "progress").ToDictionary(c => c.TaskNo!.Value, c => c.Explanation);
        Assert.All(narratives, n => Assert.Equal(n.Key % 2 == 0 ? "=1+1" : "@SUM(A1:A2) 已完成年度目标", n.Value));
    }

    [Fact]
    public void FormsAndFeedback_AreValidOpenXml_AsExcelIsStricterThanCalc()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市教育局");
        FormFiller.Fill(form, f => f.SetValue("C_KG_GER", "610100", "T", "约九成"));
        var result = Assert.Single(IntakeJob.Run(connection, new IntakeOptions([form], CollectionFixture.Round, tmp.File("fb"), () => CollectionFixture.Clock)));
        foreach (var path in new[] { fixture.Form("市教育局"), fixture.Form("市卫健委"), result.FeedbackPath! })
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{Path.GetFileName(path)}: {string.Join(" | ", errors)}");
        }
    }

    private static Dictionary<(uint Row, int Col), string> Texts(WorksheetPart part) =>
        part.Worksheet.Descendants<Cell>()
            .Select(c => (Ref: c.CellReference!.Value!, Text: c.InlineString?.InnerText ?? c.CellValue?.Text))
            .Where(c => c.Text is not null)
            .ToDictionary(c => (SheetBuilder.RowOf(c.Ref), SheetBuilder.ColumnIndex(c.Ref)), c => c.Text!);
}
