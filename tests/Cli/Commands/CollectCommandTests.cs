using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Tests.Etl.Collection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Cli.Commands;

public class CollectCommandTests(CollectionFixture fixture) : IClassFixture<CollectionFixture>
{
    private const string Unit = "市教育局";

    private string Warehouse(TempDirectory tmp)
    {
        var path = tmp.File("w.duckdb");
        File.Copy(fixture.WarehousePath, path);
        return path;
    }

    [Fact]
    public void Templates_WritesOneFormPerReportingUnit_NoneForAbolishedUnits()
    {
        using var tmp = new TempDirectory();
        var db = Warehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "collect", "templates", "--round", "2021", "--out", tmp.File("forms"), "--db", db);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        var files = Directory.GetFiles(tmp.File("forms")).Select(Path.GetFileName).ToList();
        Assert.Contains(files, f => f!.EndsWith("-市卫健委.xlsx", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.EndsWith("-市卫计委.xlsx", StringComparison.Ordinal));   // abolished 2018: its successor reports
        Assert.DoesNotContain(files, f => f!.EndsWith("-市扶贫办.xlsx", StringComparison.Ordinal));   // reorganised in 2021
        Assert.Contains(files, f => f!.EndsWith("-市乡村振兴局.xlsx", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.Contains("各区县妇儿工委", StringComparison.Ordinal));   // a collective fills no form
        Assert.Contains("forms for round 2021", r.Stdout);

        var again = WccProcess.Run(tmp.Path, "collect", "templates", "--round", "2021", "--out", tmp.File("forms"), "--db", db);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already holds files", again.Stderr);
        // Forms already sent are replaced only when asked, and only the forms this command wrote.
        File.WriteAllText(Path.Combine(tmp.File("forms"), "sent-log.txt"), "mine");
        var replaced = WccProcess.Run(tmp.Path, "collect", "templates", "--round", "2021", "--out", tmp.File("forms"), "--db", db, "--overwrite");
        Assert.True(replaced.ExitCode == 0, replaced.Stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(tmp.File("forms"), "sent-log.txt")));

        var abolished = WccProcess.Run(tmp.Path, "collect", "templates", "--round", "2020", "--unit", "市卫计委", "--out", tmp.File("x"), "--db", db);
        Assert.NotEqual(0, abolished.ExitCode);
        Assert.Contains("市卫健委", abolished.Stderr);
        Assert.False(abolished.HasStackTrace);
    }

    [Fact]
    public void LoadAndStatus_ReturnedForm_StatusNamesMissingUnits()
    {
        using var tmp = new TempDirectory();
        var db = Warehouse(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        FormFiller.Fill(form, f => FormValues.FillAll(f));
        var load = WccProcess.Run(tmp.Path, "collect", "load", form, "--round", "2020", "--feedback", tmp.File("fb"), "--db", db);
        Assert.True(load.ExitCode == 0, load.Stderr + load.Stdout);
        Assert.Contains("returned 0 + rejected 0 + empty 0 + missing 0", load.Stdout);
        Assert.True(File.Exists(Path.Combine(tmp.File("fb"), Path.GetFileNameWithoutExtension(form) + "-审核结果.xlsx")));

        var status = WccProcess.Run(tmp.Path, "collect", "status", "--db", db);
        Assert.True(status.ExitCode == 0, status.Stderr + status.Stdout);
        var line = status.Stdout.Split('\n').Single(l => l.StartsWith(Unit, StringComparison.Ordinal));
        // Returned today, long after the test round's deadline (2021-03-31): passed, but late.
        Assert.EndsWith("已通过(逾期)", line.TrimEnd());
        Assert.Contains(status.Stdout.Split('\n'), l => l.StartsWith("市卫健委", StringComparison.Ordinal) && l.TrimEnd().EndsWith("未报送", StringComparison.Ordinal));
        // The deadline has passed: units that have not returned are named as missing, 市教育局 as late.
        var missing = status.Stdout.Split('\n').Single(l => l.StartsWith("逾期或未报送单位", StringComparison.Ordinal));
        Assert.Contains("市卫健委(未报送)", missing);
        Assert.Contains($"{Unit}(逾期报送)", missing);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "csv", "CSV (text) file renamed .xlsx" },
        { "docx", "Word document (.docx) renamed .xlsx" },
        { "corrupt", "damaged" },
        { "encrypted", "password-protected" },
        { "empty", "no sheet has the form's header row" },
        { "zero", "empty (0 bytes)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Load_BadInput_ClearMessageNamingTheFile_NonZeroExit_NothingLoaded(string kind, string expected)
    {
        using var tmp = new TempDirectory();
        var db = Warehouse(tmp);
        var good = fixture.CopyForm(tmp, Unit, "good.xlsx");
        FormFiller.Fill(good, f => FormValues.FillAll(f));
        var bad = tmp.File($"{kind}-返回.xlsx");
        switch (kind)
        {
            case "csv": File.WriteAllText(bad, "indicator_code,area_code,year,sex,value\nC_KG_GER,610100,2020,T,98\n"); break;
            case "docx":
                using (var zip = ZipFile.Open(bad, ZipArchiveMode.Create))
                {
                    using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
                    w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
                }
                break;
            case "corrupt":
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
                break;
            case "encrypted":
                // A real password-protected form (ECMA-376 agile encryption, as Excel writes it): a round-2020 form for 市妇联
                // encrypted with the npm package officecrypto-tool 0.0.19, password "wcc-test" (see Fixtures/README.md).
                File.Copy(Path.Combine(RepoPaths.Root, "tests", "Etl", "Collection", "Fixtures", "encrypted-form.xlsx"), bad);
                break;
            case "empty":
                using (var doc = SpreadsheetDocument.Create(bad, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
                {
                    var wb = doc.AddWorkbookPart();
                    var ws = wb.AddNewPart<WorksheetPart>();
                    ws.Worksheet = new Worksheet(new SheetData());
                    wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
                }
                break;
            case "zero": File.WriteAllBytes(bad, []); break;
        }
        var before = WarehouseFingerprint.Of(db);

        // The good workbook comes first: a bad one anywhere in the command stops it before anything is loaded.
        var r = WccProcess.Run(tmp.Path, "collect", "load", good, bad, "--db", db);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(Path.GetFileName(bad), r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.Contains("hint:", r.Stderr);
        Assert.False(r.HasStackTrace);
        Assert.Equal(before, WarehouseFingerprint.Of(db));
    }

    [Fact]
    public void LoadProgress_Ledger_LoadsGoodRowsRejectsBadOnes_TwiceChangesNothing()
    {
        using var tmp = new TempDirectory();
        var db = Warehouse(tmp);
        var ledger = tmp.File("ledger.csv");
        File.WriteAllText(ledger,
            "task_no,unit_name,year,status,narrative,evidence,completion_date\n" +
            "16,市教育局,2020,已完成,毛入园率保持在98%以上,市教发〔2020〕3号,2020-12-01\n" +
            "16,市教育局,2020,已完成,重复行,,\n" +
            "99,市教育局,2020,推进中,,,\n" +
            "15,市教育局,2020,进行中,,,\n");
        var r = WccProcess.Run(tmp.Path, "load", "--progress", ledger, "--db", db);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("read 4 = loaded 1 + rejected 3", r.Stdout);
        var fingerprint = WarehouseFingerprint.Of(db);
        var again = WccProcess.Run(tmp.Path, "load", "--progress", ledger, "--db", db);
        Assert.Contains("unchanged", again.Stdout);
        Assert.Equal(fingerprint, WarehouseFingerprint.Of(db));
        using var connection = Wcc.Warehouse.Connection.WarehouseFile.Open(db, Wcc.Warehouse.Connection.WarehouseAccess.ReadOnly);
        Assert.Equal("市教发〔2020〕3号", Db.Scalar(connection, "SELECT evidence FROM fact_task_progress WHERE task_no = 16 AND unit_name = '市教育局' AND year = 2020"));
        Assert.Equal(0L, Db.Count(connection, "SELECT count(*) FROM fact_task_progress WHERE unit_name = '市教育局' AND year = 2020 AND source = 'synthetic'"));
        Assert.Equal(3L, Db.Count(connection, "SELECT count(*) FROM etl_reject WHERE file_path = 'ledger.csv'"));
    }
}
