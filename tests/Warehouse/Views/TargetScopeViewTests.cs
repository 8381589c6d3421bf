using Wcc.Tests.Support.Forecast;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse.Views;

public class TargetScopeViewTests
{
    private static string Scope(ForecastTestWarehouse w, string indicator) => (string)w.Scalar($"""
        SELECT string_agg(concat_ws('|', area_code, target_area_code, sex, deadline_year, target_value, scope), ';'
                          ORDER BY area_code, deadline_year, sex)
        FROM v_target_scope WHERE indicator_code = '{indicator}'
        """)!;

    [Fact]
    public void CityRateTarget_ReachesEveryDistrictWithoutItsOwnTargetForThatDeadline()
    {
        using var w = new ForecastTestWarehouse();
        w.Indicator("COV").Target("COV", ForecastTestWarehouse.City, "F", ">=", 90, 2025)
         .Target("COV", "610102", "F", ">=", 95, 2025)   // own target, same deadline: the city's does not apply
         .Target("COV", "610103", "F", ">=", 80, 2020);  // own target, other deadline: the city's 2025 one still applies

        var rows = Scope(w, "COV").Split(';');

        Assert.Contains("610100|610100|F|2025|90.0|own", rows);
        Assert.Contains("610102|610102|F|2025|95.0|own", rows);
        Assert.DoesNotContain("610102|610100|F|2025|90.0|shared", rows);
        Assert.Contains("610103|610103|F|2020|80.0|own", rows);
        Assert.Contains("610103|610100|F|2025|90.0|shared", rows);
        Assert.Equal(ForecastTestWarehouse.Districts.Count - 1, rows.Count(r => r.EndsWith("|shared", StringComparison.Ordinal)));
        Assert.DoesNotContain(DataTestRunner.Run(w.Connection, SchemaCatalog.Get("v_target_scope")), r => !r.Passed);
    }

    [Fact]
    public void CountTargetsAndNonCityTargets_StayWithTheirOwnArea()
    {
        using var w = new ForecastTestWarehouse();
        w.Indicator("TRAINED", lower: 0, upper: null, unit: "persons", kind: "count")
         .Target("TRAINED", ForecastTestWarehouse.City, "F", ">=", 60000, 2020)
         .Indicator("COV").Target("COV", "610102", "T", ">=", 95, 2020);

        Assert.Equal("610100|610100|F|2020|60000.0|own", Scope(w, "TRAINED"));
        Assert.Equal("610102|610102|T|2020|95.0|own", Scope(w, "COV"));
    }
}
