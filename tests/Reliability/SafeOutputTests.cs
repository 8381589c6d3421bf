using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuckDB.NET.Data;
using Wcc.Etl.Export;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Reliability;

/// <summary>What wcc hands out is safe to open: escaped HTML, neutralised spreadsheet cells, no silent overwrites, no writes from `wcc sql`.</summary>
[Trait("Category", "Slow")]
public sealed class SafeOutputTests
{
    private const string Script = "<script>alert(1)</script>";

    /// <summary>Cells that must be neutralised, and cells (plain numbers, ordinary text) that must stay as they are.</summary>
    private static readonly string[] Dangerous = ["=cmd|' /C calc'!A0", "+1+1", "-1+cmd", "@SUM(A1)", "\tx", "\r=1", "-inf", "=HYPERLINK(\"x\")"];
    private static readonly string[] Harmless = ["-3.5", "+1e5", "12", "妇联", "a=b", ""];

    [Fact]
    public void Pack_UnitNamedScript_AppearsAsTextInEveryPage()
    {
        using var tmp = new TempDirectory();
        var seeds = Directory.CreateDirectory(tmp.File("seeds")).FullName;
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(seeds, Path.GetFileName(f)));
        File.AppendAllText(Path.Combine(seeds, "units.csv"), $"{Script},测试单位,government_department,测试局,,,,\n", new UTF8Encoding(false));
        var notice = Path.Combine(seeds, Path.GetFileName(RepoPaths.Notice));
        var text = File.ReadAllText(notice);
        var clause = "责任单位:市财政局、";
        Assert.Contains(clause, text);
        File.WriteAllText(notice, ReplaceFirst(text, clause, "责任单位:测试局、市财政局、"), new UTF8Encoding(false));

        var r = WccProcess.Run(tmp.Path, "pack", "--db", tmp.File("w.duckdb"), "--seeds", seeds, "--out", tmp.File("pack"));
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        var pages = Directory.GetFiles(tmp.File("pack"), "*.html", SearchOption.AllDirectories);
        Assert.Contains(pages, p => Path.GetFileName(p) == "index.html");
        Assert.Contains(pages, p => Path.GetFileName(Path.GetDirectoryName(p)) == "units");
        var all = pages.Select(File.ReadAllText).ToList();
        Assert.All(all, html => Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(all, html => html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void FormulaGuard_SqlAndDotNetFormsAgree()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        foreach (var cell in Dangerous.Concat(Harmless))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {FormulaGuard.SqlExpression("c")} FROM (SELECT $v AS c)";
            cmd.Parameters.Add(new DuckDBParameter("v", cell));
            Assert.Equal(FormulaGuard.Neutralise(cell), cmd.ExecuteScalar() as string ?? "");
        }
        Assert.All(Dangerous, c => Assert.StartsWith("'", FormulaGuard.Neutralise(c)));
        Assert.All(Harmless, c => Assert.Equal(c, FormulaGuard.Neutralise(c)));
    }

    [Fact]
    public void ExportCsv_NeutralisesEveryDangerousCell()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE cells (i INTEGER, c VARCHAR)";
            cmd.ExecuteNonQuery();
            using var appender = connection.CreateAppender("cells");
            var all = Dangerous.Concat(Harmless).ToList();
            for (var i = 0; i < all.Count; i++) appender.CreateRow().AppendValue(i).AppendValue(all[i]).EndRow();
        }
        using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly)) CsvExport.Run(connection, tmp.File("out"), overwrite: false);
        using var check = WarehouseTemplates.OpenEmptyInMemory();
        using var read = check.CreateCommand();
        read.CommandText = $"SELECT c FROM read_csv('{tmp.File("out/cells.csv")}', all_varchar = true, header = true) ORDER BY i::INTEGER";
        using var r = read.ExecuteReader();
        var expected = Dangerous.Concat(Harmless).Select(FormulaGuard.Neutralise).ToList();
        foreach (var e in expected)
        {
            Assert.True(r.Read());
            Assert.Equal(e, r.IsDBNull(0) ? "" : r.GetString(0));
        }
    }

    [Fact]
    public void ChartCsv_NeutralisesEveryDangerousCell()
    {
        using var tmp = new TempDirectory();
        var rows = Dangerous.Concat(Harmless).Select(c => new object?[] { c }).ToList();
        Wcc.Reports.Common.CsvExport.Write(tmp.File("chart.csv"), new QueryResult(["=label"], rows));
        var text = File.ReadAllText(tmp.File("chart.csv"), Encoding.UTF8);
        Assert.StartsWith("'=label", text);
        Assert.DoesNotContain("\n=", text);
        Assert.DoesNotContain("\n@", text);
        Assert.DoesNotContain("\n+1+1", text);
        Assert.Contains("\n-3.5\r", text);
    }

    [Fact]
    public void Workbook_DangerousTextIsInlineStringNeverFormula()
    {
        using var tmp = new TempDirectory();
        var rows = Dangerous.Select(c => new object?[] { c, -3.5 }).ToList();
        WorkbookWriter.Write(tmp.File("t.xlsx"), [new SheetTable("cells", ["text", "number"], rows)]);
        using var doc = SpreadsheetDocument.Open(tmp.File("t.xlsx"), false);
        var cells = doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        // XML reading normalises a carriage return, so those two are matched by the rest of their text.
        var printable = Dangerous.Where(d => !d.Any(char.IsControl)).ToList();
        var texts = cells.Where(c => printable.Contains(c.InnerText)).ToList();
        Assert.Equal(printable.Count, texts.Count);
        Assert.All(texts, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
    }

    [Theory]
    [InlineData("report", "workload")]
    [InlineData("report", "coverage")]
    [InlineData("export", "csv")]
    [InlineData("export", "parquet")]
    public void Out_ExistingFilesNeedOverwrite(string command, string sub)
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var outDir = tmp.File("out");
        var first = WccProcess.Run(tmp.Path, command, sub, "--db", db, "--out", outDir);
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var files = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = WccProcess.Run(tmp.Path, command, sub, "--db", db, "--out", outDir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr);
        Assert.False(again.HasStackTrace);
        Assert.All(files, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));

        var forced = WccProcess.Run(tmp.Path, command, sub, "--db", db, "--out", outDir, "--overwrite");
        Assert.True(forced.ExitCode == 0, forced.Stderr + forced.Stdout);
    }

    [Fact]
    public void Pack_ExistingFolderNeedsOverwrite()
    {
        using var tmp = new TempDirectory();
        var outDir = Directory.CreateDirectory(tmp.File("pack")).FullName;
        File.WriteAllText(Path.Combine(outDir, "index.html"), "mine");
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var r = WccProcess.Run(tmp.Path, "pack", "--db", db, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--overwrite", r.Stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "index.html")));
    }

    [Theory]
    [InlineData("COPY (SELECT * FROM dim_sex) TO '{0}'")]
    [InlineData("COPY dim_sex TO '{0}' (FORMAT parquet)")]
    [InlineData("ATTACH '{0}' AS other; CREATE TABLE other.t AS SELECT 1")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')")]
    [InlineData("SET enable_external_access = true")]
    public void Sql_FileWritesAndAttachAreRefused(string template)
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        WarehouseFile.Open(db, WarehouseAccess.ReadWrite).Dispose();
        var before = WarehouseFingerprint.Of(db);
        var target = tmp.File("leak.out");
        var r = WccProcess.Run(tmp.Path, "sql", string.Format(template, target), "--db", db);
        Assert.NotEqual(0, r.ExitCode);
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.Contains("hint:", r.Stderr);
        Assert.False(File.Exists(target), "wcc sql wrote a file");
        Assert.Equal(before, WarehouseFingerprint.Of(db));
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
