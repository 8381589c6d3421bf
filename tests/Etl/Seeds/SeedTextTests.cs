using System.Text;
using Wcc.Etl.Seeds;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Text;

namespace Wcc.Tests.Etl.Seeds;

/// <summary>Reference files go through the one decoder and the one character rule; what is stored is what was written.</summary>
public class SeedTextTests
{
    private const string UnitsHeader = "unit_name,full_name,kind,aliases,valid_from,valid_to,successor_name,note";

    [Fact]
    public void Read_Gb18030CrLfSeed_IsDecoded()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("units.csv");
        File.WriteAllBytes(path, TextDecoder.StrictGb18030.GetBytes(UnitsHeader + "\r\n市妇联,西安市妇女联合会,peoples_organisation,,,,,\r\n"));

        var record = Assert.Single(UnitSeedFile.Read(path));

        Assert.Equal(("市妇联", "西安市妇女联合会"), (record.UnitName, record.FullName));
    }

    [Fact]
    public void Read_SeedMixingEncodings_IsRefusedWithTheLine()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("units.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(UnitsHeader + "\n市妇联,西安市妇女联合会,peoples_organisation,,,,,\n"),
            .. TextDecoder.StrictGb18030.GetBytes("市卫健委,西安市卫生健康委员会,government_department,,,,,\n")]);

        var ex = Assert.Throws<WccException>(() => UnitSeedFile.Read(path));

        Assert.StartsWith("units.csv: line 3", ex.Message);
    }

    [Theory]
    [InlineData("市妇\0联,,peoples_organisation,,,,,", "unit_name: U+0000 (NUL)")]
    [InlineData("市妇联,西安市\u001B妇联,peoples_organisation,,,,,", "full_name: U+001B (ESC)")]
    [InlineData("市妇联,\"西安市\n妇联\",peoples_organisation,,,,,", "full_name: U+000A (line break)")]
    [InlineData("市妇联,,peoples_organisation,,,,,备注\u0007", "note: U+0007")]
    public void Read_ControlCharacter_RefusesTheFileWithLineAndColumn(string row, string expected)
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("units.csv");
        File.WriteAllText(path, UnitsHeader + "\n市卫健委,,government_department,,,,,\n" + row + "\n");

        var ex = Assert.Throws<WccException>(() => UnitSeedFile.Read(path));

        Assert.StartsWith("units.csv line 3: " + expected, ex.Message);
        Assert.Contains("control character", ex.Hint);
    }

    [Fact]
    public void Run_FormulaLikeNamesAndFreeTextNotes_AreStoredExactlyAsWritten()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("units.csv", UnitsHeader, "-1+1,=SUM(A1),government_department,@别名,,,,\"第一行\n\t第二行\"", "+市妇联,,peoples_organisation,,,,,");

        UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), path);

        Assert.Equal(["+市妇联", "-1+1"], w.Strings("SELECT unit_name FROM dim_unit ORDER BY unit_name"));
        Assert.Equal(["=SUM(A1)"], w.Strings("SELECT full_name FROM dim_unit WHERE unit_name = '-1+1'"));
        Assert.Equal(["@别名"], w.Strings("SELECT alias FROM dim_unit_alias"));
        Assert.Equal(["第一行\n\t第二行"], w.Strings("SELECT note FROM dim_unit WHERE unit_name = '-1+1'"));
    }
}
