using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

/// <summary>The area loader refuses a parent chain that comes back on itself, naming the line and the cycle.</summary>
public class AreaCycleTests
{
    private const string Header = "area_code,area_name,area_level,parent_code,is_central";

    [Fact]
    public void Run_ParentCycle_RefusesFileAtTheFirstLineOnTheCycle()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("areas.csv", Header,
            "100000,中国,country,,",
            "610102,新城区,district,610100,true",   // line 3: under the cycle, not on it
            "610100,西安市,city,610000,",           // line 4: on the cycle
            "610000,陕西省,province,610100,");      // line 5

        var ex = Assert.Throws<WccException>(() => AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), path));

        Assert.StartsWith("areas.csv line 4: parent_code makes a cycle: 610100 -> 610000 -> 610100", ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_area"));
    }

    [Fact]
    public void Run_LongChainWithoutCycle_IsAccepted()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("areas.csv", Header, "100000,中国,country,,", "610000,陕西省,province,100000,", "610100,西安市,city,610000,",
            "610102,新城区,district,610100,true", "610103,碑林区,district,610100,true");
        Assert.Equal(5, AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), path).Loaded);
    }
}
