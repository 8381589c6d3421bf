using DuckDB.NET.Data;
using Wcc.Reports.Pack;
using Wcc.Reports.Pack.Sections;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack;

public class PackEscapingTests
{
    private const string Hostile = "<script>alert(1)</script>";

    [Trait("Category", "Slow")]
    [Fact]
    public void Pack_UnitNamedLikeAScript_ShowsAsText()
    {
        using var warehouse = new SeedWarehouseFixture();
        using (var cmd = warehouse.Connection.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO dim_unit (unit_name, full_name, kind, is_collective, is_known) VALUES ($u, $u, 'unknown', false, false);
                INSERT INTO fact_task_assignment VALUES (1, $u, 'responsible', 99, '610100-2018-2020');
                """;
            cmd.Parameters.Add(new DuckDBParameter("u", Hostile));
            cmd.ExecuteNonQuery();
        }
        using var tmp = new TempDirectory();
        var result = Packs.Run(warehouse.Connection, new PackOptions(tmp.File("pack"), WritePdf: false));

        var index = File.ReadAllText(result.IndexHtml);
        Assert.DoesNotContain(Hostile, index);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", index);
        var unitPage = Assert.Single(result.UnitPages, p => Path.GetFileName(p) == "_script_alert_1___script_.html");
        Assert.DoesNotContain(Hostile, File.ReadAllText(unitPage));
        Assert.All(result.UnitPages, p => Assert.Equal(Path.Combine(tmp.File("pack"), "units"), Path.GetDirectoryName(p)));
    }

    [Theory]
    [InlineData("../../etc/passwd", "______etc_passwd.html")]
    [InlineData("市妇联", "市妇联.html")]
    [InlineData("", "unit.html")]
    public void UnitFileName_StaysInsideTheUnitsFolder(string unit, string expected) =>
        Assert.Equal(expected, UnitPages.UniqueFileName(unit, []));
}

public class PackPeriodTests
{
    [Theory]
    [InlineData("2021-2025", "ends in 2020")]
    [InlineData("2020", "not a period")]
    public void Pack_PeriodNotTheNotices_IsRefusedBeforeAnythingIsWritten(string period, string message)
    {
        using var warehouse = new SeedWarehouseFixture();
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<Wcc.Warehouse.Connection.WccException>(() =>
            Packs.Run(warehouse.Connection, new PackOptions(tmp.File("pack"), Period: period, WritePdf: false)));
        Assert.Contains(message, ex.Message);
        Assert.False(Directory.Exists(tmp.File("pack")));
    }
}
