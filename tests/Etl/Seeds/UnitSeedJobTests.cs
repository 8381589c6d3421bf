using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class UnitSeedJobTests
{
    private const string Header = "unit_name,full_name,kind,aliases,valid_from,valid_to,successor_name,note";

    private static readonly string[] Valid =
    [
        Header,
        "市卫计委,西安市卫生和计划生育委员会,government_department,西安市卫计委,,2018,市卫健委,",
        "市卫健委,西安市卫生健康委员会,government_department,西安市卫健委;西安市卫生健康委员会,2019,,,",
        "各区县妇儿工委,,collective,,,,,",
    ];

    [Theory]
    [InlineData(",西安市妇女联合会,peoples_organisation,,,,,", "units.csv line 5: unit_name is empty")]
    [InlineData("市妇联,,foo,,,,,", "units.csv line 5: kind 'foo' is not one of government_department, party_organ")]
    [InlineData("市妇联,,unknown,,,,,", "units.csv line 5: kind 'unknown' is not one of")]
    [InlineData("市卫健委,,government_department,,,,,", "units.csv line 5: unit_name 市卫健委 is a duplicate of line 3")]
    [InlineData("市妇联,,peoples_organisation,西安市卫计委,,,,", "units.csv line 5: alias 西安市卫计委 is also an alias on line 2")]
    [InlineData("市妇联,,peoples_organisation,市卫健委,,,,", "units.csv line 5: alias 市卫健委 is the unit_name of line 3")]
    [InlineData("市妇联,,peoples_organisation,西安市妇联;;市妇女联合会,,,,", "units.csv line 5: aliases '西安市妇联;;市妇女联合会' has an empty item")]
    [InlineData("市妇联,,peoples_organisation,,2019,2018,,", "units.csv line 5: valid_from 2019 is after valid_to 2018")]
    [InlineData("市妇联,,peoples_organisation,,二〇一九,,,", "units.csv line 5: valid_from '二〇一九' is not a whole number")]
    [InlineData("市妇联,,peoples_organisation,,19,,,", "units.csv line 5: valid_from 19 is not a year")]
    [InlineData("市法制办,,government_department,,,2018,市司法局,", "units.csv line 5: successor_name 市司法局 is not a unit_name of this file")]
    [InlineData("市法制办,,government_department,,,,市卫健委,", "units.csv line 5: successor_name 市卫健委 is set but valid_to is empty")]
    [InlineData("市法制办,,government_department,,,2019,市卫健委,", "units.csv line 5: successor 市卫健委 starts in 2019, not after valid_to 2019")]
    [InlineData("市法制办,,government_department,,,2018,市法制办,", "units.csv line 5: successor_name 市法制办 is the unit itself")]
    public void Run_BadRow_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("units.csv", [.. Valid, badRow]);
        var ex = Assert.Throws<WccException>(() => UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), path));
        Assert.StartsWith(expected, ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_unit"));
    }

    [Fact]
    public void Run_SuccessorCycle_IsRefused()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("units.csv", Header, "市甲局,,government_department,,,2018,市乙局,", "市乙局,,government_department,,,2018,市甲局,");
        var ex = Assert.Throws<WccException>(() => UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), path));
        Assert.StartsWith("units.csv line 2: successor_name chain from 市甲局 runs in a circle", ex.Message);
    }

    [Fact]
    public void Run_LoadsKnownUnitsCollectivesAndAliases()
    {
        using var w = new SeedTestWarehouse();
        var counts = UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), w.Write("units.csv", Valid));
        Assert.Equal(3, counts.Loaded);
        Assert.Equal(3, w.Scalar("SELECT count(*) FROM dim_unit WHERE is_known"));
        Assert.Equal(["各区县妇儿工委"], w.Strings("SELECT unit_name FROM dim_unit WHERE is_collective"));
        Assert.Equal(2, w.Scalar("SELECT count(*) FROM dim_unit_alias WHERE unit_name = '市卫健委'"));
        Assert.Equal(["市卫计委"], w.Strings("SELECT unit_name FROM dim_unit_alias WHERE alias = '西安市卫计委'"));
    }

    [Fact]
    public void Run_Reload_ReplacesKnownUnitsAndResolvesUnknownPlaceholders()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("units.csv", Valid);
        UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), path);
        // What the notice loader does for a name the seed lacks:
        w.Execute("INSERT INTO dim_unit (unit_name, kind, is_collective, is_known) VALUES ('市妇联', 'unknown', false, false), ('市某局', 'unknown', false, false)");

        UnitSeedJob.Run(w.Connection, w.Run(UnitSeedJob.Job), w.Write("units.csv", [.. Valid, "市妇联,西安市妇女联合会,peoples_organisation,西安市妇联,,,,"]));

        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_unit WHERE unit_name = '市妇联'"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_unit WHERE unit_name = '市妇联' AND is_known AND kind = 'peoples_organisation'"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_unit WHERE NOT is_known"));
        Assert.Equal(4, w.Scalar("SELECT count(*) FROM dim_unit_alias"));
    }
}
