using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class AreaSeedJobTests
{
    private const string Header = "area_code,area_name,area_level,parent_code,is_central";

    private static readonly string[] Valid =
    [
        Header,
        "100000,中国,country,,",
        "610000,陕西省,province,100000,",
        "610100,西安市,city,610000,",
    ];

    [Theory]
    [InlineData("61010,新城区,district,610100,true", "areas.csv line 5: area_code '61010' is not a six-digit")]
    [InlineData("610102,,district,610100,true", "areas.csv line 5: area_name is empty")]
    [InlineData("610102,新城区,town,610100,true", "areas.csv line 5: area_level 'town' is not one of country, province")]
    [InlineData("610102,新城区,district,,true", "areas.csv line 5: parent_code is empty")]
    [InlineData("610102,新城区,district,610102,true", "areas.csv line 5: parent_code 610102 is the area itself")]
    [InlineData("610102,新城区,district,619900,true", "areas.csv line 5: parent_code 619900 is not an area")]
    [InlineData("610102,新城区,district,610100,yes", "areas.csv line 5: is_central 'yes' is not true or false")]
    [InlineData("610100,西安,city,610000,", "areas.csv line 5: area_code 610100 is a duplicate of line 4")]
    [InlineData("610102,新城区,district,610100", "areas.csv line 5: 4 fields, the header has 5")]
    public void Run_BadRow_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("areas.csv", [.. Valid, badRow]);
        var ex = Assert.Throws<WccException>(() => AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), path));
        Assert.StartsWith(expected, ex.Message);
        Assert.Contains("areas.csv", ex.Hint);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_area"));
    }

    [Fact]
    public void Run_WrongHeader_RefusesAtLine1()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("areas.csv", "area_code,name,area_level,parent_code,is_central", "100000,中国,country,,");
        var ex = Assert.Throws<WccException>(() => AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), path));
        Assert.StartsWith("areas.csv line 1: header is 'area_code,name,", ex.Message);
    }

    [Fact]
    public void Run_ParentLaterInFile_IsAccepted()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("areas.csv", Header, "610100,西安市,city,610000,", "610000,陕西省,province,100000,", "100000,中国,country,,");
        Assert.Equal(3, AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), path).Loaded);
    }

    [Fact]
    public void Run_ResearcherOrigin_KeepsSeedRowsAndMayNotRedeclareThem()
    {
        using var w = new SeedTestWarehouse();
        AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), w.Write("areas.csv", Valid));
        var extra = w.Write("my-areas.csv", Header, "610200,铜川市,city,610000,");
        AreaSeedJob.Run(w.Connection, w.Run("load_areas"), extra, origin: "researcher");
        Assert.Equal(4, w.Scalar("SELECT count(*) FROM dim_area"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_area WHERE origin = 'researcher'"));

        var clash = w.Write("clash.csv", Header, "610100,西安,city,610000,");
        var ex = Assert.Throws<WccException>(() => AreaSeedJob.Run(w.Connection, w.Run("load_areas"), clash, origin: "researcher"));
        Assert.StartsWith("clash.csv line 2: area_code 610100 is already declared by another load", ex.Message);
    }
}
