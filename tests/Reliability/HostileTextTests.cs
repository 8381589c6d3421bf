using System.Text;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reliability;

/// <summary>Every class of code point a loader lets in, written into every text column the loaders accept, then through
/// every writer: `wcc pack`, `wcc export csv|parquet`, `wcc report workload` must all succeed, and the warehouse must hold
/// each text exactly as written (no formula guard, no escaping in storage).</summary>
public sealed class HostileTextTests(ITestOutputHelper output)
{
    /// <summary>Texts for names and codes: one line each (control characters are refused at load; see the corpus).</summary>
    private static readonly string[] OneLine =
    [
        "\u200F右到左\u202E标记\u200E",            // RTL and LTR marks, right-to-left override
        "👩‍👧‍👦家庭🇨🇳",                               // emoji with zero-width joiners, a flag (surrogate pairs)
        "𠀀𪚥𰀀扩展B",                                 // CJK extension B and G: four bytes in UTF-8 and GB18030
        "e\u0301\u0327\u20DD组合",                   // combining marks
        "\uD7FF\uE000\uFFFD\uFEFF边界",              // code points next to the surrogates, the replacement char, a BOM inside
        "=1+1",
        "-1+1",
        "+SUM(A1:A9)",
        "@cmd|' /C calc'!A0",
        "<script>alert(1)</script>&amp;",
        "\"quoted\", 'single', a,b;c",
        "../../etc/passwd",
        new string('长', 3000),
    ];

    /// <summary>Free text may also hold tabs and line breaks.</summary>
    private static readonly string[] FreeText = [.. OneLine, "第一行\n第二行\t制表符", "=HYPERLINK(\"http://x\")\n-2"];

    private const string HostileIndicatorPrefix = "X_HOSTILE_";
    private const string NoticeUnit = "👩‍👧妇联\u200F𠀀";

    [Fact]
    [Trait("Category", "Slow")]
    public void EveryCodePointClassInEveryTextColumn_PackExportAndReportSucceed()
    {
        using var tmp = new TempDirectory();
        var seeds = Directory.CreateDirectory(tmp.File("seeds")).FullName;
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(seeds, Path.GetFileName(f)));
        WriteHostileSeeds(seeds);
        var observations = tmp.File("hostile-observations.csv");
        File.WriteAllText(observations, HostileObservations(), new UTF8Encoding(false));
        var db = tmp.File("w.duckdb");

        Run(tmp, "build", "--db", db, "--seeds", seeds);
        Run(tmp, "load", "--db", db, "--observations", observations);
        Run(tmp, "pack", "--db", db, "--seeds", seeds, "--out", tmp.File("pack"));
        Run(tmp, "export", "csv", "--db", db, "--out", tmp.File("csv"));
        Run(tmp, "export", "parquet", "--db", db, "--out", tmp.File("parquet"));
        Run(tmp, "report", "workload", "--db", db, "--out", tmp.File("workload"));

        // The workbook is valid XML throughout: every part opens and every sheet's cells can be read.
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(tmp.File("pack/tables.xlsx"), false))
        {
            var cells = workbook.WorkbookPart!.WorksheetParts.Sum(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Count());
            Assert.True(cells > 0);
        }
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        foreach (var text in OneLine)
        {
            Assert.Equal(1L, Count(connection, "SELECT count(*) FROM dim_unit WHERE unit_name = $t", text));
            Assert.Equal(1L, Count(connection, "SELECT count(*) FROM dim_indicator WHERE name_zh = $t", text));
            Assert.Equal(1L, Count(connection, "SELECT count(*) FROM dim_area WHERE area_name = $t", text));
        }
        foreach (var text in FreeText)
        {
            Assert.True(Count(connection, "SELECT count(*) FROM fact_observation WHERE source = $t", text) > 0, $"source {Shorten(text)} not stored as written");
            Assert.Equal(1L, Count(connection, "SELECT count(*) FROM dim_unit WHERE note = $t", text));
        }
        Assert.Equal(0L, Count(connection, "SELECT count(*) FROM dim_unit WHERE starts_with(unit_name, '''')", ""));
    }

    private void Run(TempDirectory tmp, params string[] args)
    {
        var r = WccProcess.Run(tmp.Path, args);
        output.WriteLine($"wcc {string.Join(' ', args.Take(2))}: exit {r.ExitCode}");
        Assert.False(r.HasStackTrace, r.Stderr + r.Stdout);
        Assert.True(r.ExitCode == 0, $"wcc {string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stderr}\n{r.Stdout}");
    }

    private static void WriteHostileSeeds(string seeds)
    {
        var units = new StringBuilder();
        var areas = new StringBuilder();
        var indicators = new StringBuilder();
        var targets = new StringBuilder();
        units.Append(Row(NoticeUnit, "通知里的单位", "government_department", "", "", "", "", "通知里的单位"));
        for (var i = 0; i < FreeText.Length; i++)
        {
            var name = OneLine[i % OneLine.Length] + (i < OneLine.Length ? "" : $"#{i}");
            units.Append(Row(name, name, "government_department", "别名" + i + name.Replace(";", "", StringComparison.Ordinal), "", "", "", FreeText[i]));
            if (i >= OneLine.Length) continue;
            areas.Append(Row(AreaCode(i), name, "district", "610100", "false"));
            indicators.Append(Row(HostileIndicatorPrefix + i, name, name, name, "rate", "false", "higher", "women", "0", "100", "4", FreeText[i], "市妇联", "妇女", "健康", FreeText[i]));
            targets.Append(Row(HostileIndicatorPrefix + i, "610100", "F", ">=", "90", "2020", "4", FreeText[i]));
        }
        File.AppendAllText(Path.Combine(seeds, "units.csv"), units.ToString(), new UTF8Encoding(false));
        File.AppendAllText(Path.Combine(seeds, "areas.csv"), areas.ToString(), new UTF8Encoding(false));
        File.AppendAllText(Path.Combine(seeds, "indicators.csv"), indicators.ToString(), new UTF8Encoding(false));
        File.AppendAllText(Path.Combine(seeds, "targets.csv"), targets.ToString(), new UTF8Encoding(false));

        // The notice names one hostile unit, so that it has tasks in the pack, the workload report and the unit pages.
        var notice = Directory.GetFiles(seeds, "*.txt").Single();
        var text = File.ReadAllText(notice);
        const string clause = "责任单位:市财政局、";
        var at = text.IndexOf(clause, StringComparison.Ordinal);
        Assert.True(at >= 0, "the seed notice no longer has the clause this test extends");
        File.WriteAllText(notice, text[..at] + "责任单位:" + NoticeUnit + "、市财政局、" + text[(at + clause.Length)..], new UTF8Encoding(false));
    }

    private static string HostileObservations()
    {
        var csv = new StringBuilder("indicator_code,area_code,year,sex,value,age_group,urban_rural,source,status\n");
        for (var i = 0; i < OneLine.Length; i++)
        {
            for (var year = 2012; year <= 2020; year++)
            {
                csv.Append(Row(HostileIndicatorPrefix + i, "610100", year.ToString(), "F", (60 + year - 2012 + i % 3).ToString(), "", "",
                    FreeText[(i + year) % FreeText.Length], ""));
            }
            // A hostile age group and area name reach the data too.
            csv.Append(Row(HostileIndicatorPrefix + i, AreaCode(i), "2020", "F", "50", OneLine[i], "", FreeText[i], ""));
        }
        foreach (var text in FreeText) csv.Append(Row(HostileIndicatorPrefix + "0", "610100", "2011", "F", "55", Guid.NewGuid().ToString("N"), "", text, ""));
        return csv.ToString();
    }

    private static string AreaCode(int i) => (610190 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One RFC 4180 record: every field quoted, quotes doubled.</summary>
    private static string Row(params string[] fields) => string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n";

    private static long Count(DuckDB.NET.Data.DuckDBConnection connection, string sql, string text)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (sql.Contains("$t", StringComparison.Ordinal)) cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("t", text));
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
