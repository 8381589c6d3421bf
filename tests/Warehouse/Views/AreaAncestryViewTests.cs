using Wcc.Tests.Support.Forecast;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse.Views;

/// <summary>v_area_ancestry walks every parent chain to its end, and its data test (`wcc check`) fails on a cycle.</summary>
public class AreaAncestryViewTests
{
    private static IReadOnlyList<DataTestResult> AncestryTests(ForecastTestWarehouse w) =>
        DataTestRunner.Run(w.Connection, SchemaCatalog.Get("v_area_ancestry")).ToList();

    [Fact]
    public void Hierarchy_ChainsAndDepths_TestPasses()
    {
        using var w = new ForecastTestWarehouse(); // 610100 with 13 districts under it

        Assert.Equal("610100|[]|0|false", w.Scalar("SELECT concat_ws('|', area_code, ancestors, depth, in_cycle) FROM v_area_ancestry WHERE area_code = '610100'"));
        Assert.Equal("610102|[610100]|1|false", w.Scalar("SELECT concat_ws('|', area_code, ancestors, depth, in_cycle) FROM v_area_ancestry WHERE area_code = '610102'"));
        Assert.Equal(14L, Convert.ToInt64(w.Scalar("SELECT count(*) FROM v_area_ancestry")));
        Assert.All(AncestryTests(w), t => Assert.True(t.Passed, t.Test));
    }

    [Fact]
    public void ParentChainThatIsACycle_FailsTheCheck_ForEveryAreaOnOrUnderIt()
    {
        using var w = new ForecastTestWarehouse();
        // Loaded behind the seed loader's back (which refuses it): 610000 -> 610100 -> 610000, districts hang below.
        w.Execute("INSERT INTO dim_area VALUES ('610000', '陕西省', 'province', '610100', NULL, 'test')");
        w.Execute("UPDATE dim_area SET parent_code = '610000' WHERE area_code = '610100'");

        var failed = AncestryTests(w).Where(t => !t.Passed).ToList();

        var cycle = Assert.Single(failed);
        Assert.Equal("expression(NOT in_cycle)", cycle.Test);
        Assert.Equal(15, cycle.Failures); // the two areas on the cycle and the 13 districts whose chain enters it
        Assert.Contains(DataTestRunner.RunAll(w.Connection), r => r.Model == "v_area_ancestry" && !r.Passed);
    }

    [Fact]
    public void SelfParent_IsACycleToo()
    {
        using var w = new ForecastTestWarehouse();
        w.Execute("UPDATE dim_area SET parent_code = '610102' WHERE area_code = '610102'");
        Assert.Equal(1, AncestryTests(w).Single(t => !t.Passed).Failures);
    }
}
