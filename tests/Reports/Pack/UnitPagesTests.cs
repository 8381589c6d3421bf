using System.Diagnostics;
using System.Text.RegularExpressions;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack;

/// <summary>Who holds a unit's duties in a year (v_pack_unit_current), on the real seed warehouse.</summary>
public class UnitCurrentTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private string? CurrentOf(string unit, int year)
    {
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = "SELECT current_name FROM v_pack_unit_current WHERE unit_name = $unit AND year = $year";
        cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("unit", unit));
        cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("year", year));
        return cmd.ExecuteScalar() as string;
    }

    [Fact]
    public void AbolishedUnit_IsHeldByItsSuccessor_FromTheYearAfterItsLast()
    {
        // seeds/units.csv: 市卫计委 valid to 2018, successor 市卫健委 (2019 reform)
        Assert.Equal("市卫计委", CurrentOf("市卫计委", 2018));
        Assert.Equal("市卫健委", CurrentOf("市卫计委", 2019));
        Assert.Equal("市卫健委", CurrentOf("市卫计委", 2020));
        Assert.Equal("市卫健委", CurrentOf("市卫健委", 2020));
    }

    [Fact]
    public void EveryCurrentUnit_IsInOfficeThatYear_OrEndsItsChain()
    {
        Assert.Equal(0, warehouse.Scalar("""
            SELECT count(*) FROM v_pack_unit_current c JOIN dim_unit u ON u.unit_name = c.current_name
            WHERE u.valid_to < c.year AND u.successor_name IS NOT NULL
            """));
    }
}

/// <summary>Unit pages of the pack written from the seed warehouse: addressed to current units, one HTML and one PDF each.</summary>
[Trait("Category", "Slow")]
public class UnitPagesTests(SeedPackFixture pack) : IClassFixture<SeedPackFixture>
{
    [Fact]
    public void Pages_GoToCurrentUnitsOnly_AndTheSuccessorNamesItsPredecessor()
    {
        var asOf = pack.Result.AsOfYear;
        var expected = pack.Warehouse.Scalar("""
            SELECT count(DISTINCT c.current_name) FROM fact_task_assignment a
            JOIN v_pack_unit_current c ON c.unit_name = a.unit_name AND c.year = $y
            """, ("y", asOf));
        Assert.Equal(expected, pack.Result.UnitPages.Count);
        Assert.True(expected < pack.Warehouse.Scalar("SELECT count(DISTINCT unit_name) FROM fact_task_assignment"),
            "the seed notice names units abolished by 2020, so there are fewer current units than named ones");

        var names = pack.Result.UnitPages.Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.DoesNotContain("市卫计委", names);
        Assert.Contains("市卫健委", names);
        var health = File.ReadAllText(pack.Result.UnitPages.Single(p => Path.GetFileNameWithoutExtension(p) == "市卫健委"));
        Assert.Contains("致:西安市卫生健康委员会", health);
        Assert.Contains("承接原市卫计委的职责", health);
        // every task the notice gave the predecessor is on the successor's page
        var inherited = pack.Warehouse.Scalar("SELECT count(DISTINCT task_no) FROM fact_task_assignment WHERE unit_name = '市卫计委'");
        Assert.True(inherited > 0);
        Assert.Equal(inherited, Regex.Matches(health, "\\(原市卫计委\\)").Count);
        // the role and its predecessor stay whole (never 原市卫 / 计委): the cell is kept as written
        Assert.Matches("<td class=\"short\">(牵头|责任)\n\\(原市卫计委\\)</td>", health);

        // No page is addressed to a unit out of office in the as-of year.
        foreach (var page in pack.Result.UnitPages)
        {
            var unit = Path.GetFileNameWithoutExtension(page);
            Assert.Equal(0, pack.Warehouse.Scalar("SELECT count(*) FROM dim_unit WHERE unit_name = $u AND valid_to < $y", ("u", unit), ("y", asOf)));
        }
    }

    [Fact]
    public void EveryUnit_HasAPdf_WithItsNameAndTheSyntheticNoticeOnEveryPage()
    {
        Assert.Equal(pack.Result.UnitPages.Count, pack.Result.UnitPdfs.Count);
        foreach (var pdf in pack.Result.UnitPdfs)
        {
            var unit = Path.GetFileNameWithoutExtension(pdf);
            Assert.True(File.Exists(Path.ChangeExtension(pdf, ".html")));
            var text = PdfText(pdf);
            Assert.Contains(unit, text);
            Assert.Contains("自评报告", text);
            Assert.Equal(ChromiumPrinterTests.PdfPages(pdf), Regex.Matches(text, Regex.Escape(PackFormat.SyntheticRunningNotice)).Count);
        }
    }

    [Fact]
    public void UnitPages_CarryNoInternalNames()
    {
        foreach (var page in pack.Result.UnitPages)
        {
            var visible = Regex.Replace(Regex.Replace(File.ReadAllText(page), "<style>.*?</style>", "", RegexOptions.Singleline), "<[^>]+>", " ");
            Assert.DoesNotMatch(@"\b(v|mart|fact|dim)_[a-z_]+|--[a-z]+|units/|\.duckdb|source = ", visible);
        }
    }

    internal static string PdfText(string pdf)
    {
        using var p = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
