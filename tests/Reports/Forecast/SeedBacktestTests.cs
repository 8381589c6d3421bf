using Wcc.Reports.Forecast;
using Wcc.Reports.Forecast.Backtest;
using Wcc.Reports.Forecast.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Forecast;

/// <summary>The backtest on the embedded default: the synthetic history of the real catalogue.</summary>
public class SeedBacktestTests(SeedWarehouseFixture seed) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void Backtest_OnSyntheticHistory_ScoresMlBesideTheBaselines()
    {
        var report = BacktestRun.Execute(seed.Connection, 2017);
        Assert.Equal(MethodNames.All, report.Methods.Select(m => m.Method));
        Assert.All(report.Methods, m =>
        {
            Assert.True(m.N > 100, $"{m.Method}: only {m.N} scored");
            Assert.InRange(m.Brier, 0, 0.25);
        });
        Assert.NotNull(report.Best);
        Assert.Contains(report.Predictions, p => p.Method == MethodNames.Ml);
    }

    [Fact]
    public void Forecast_CityTargets_ReachDistrictsForRatesButNeverForCounts()
    {
        ForecastRun.Execute(seed.Connection, 2018);
        const string derived = """
            SELECT count(*) FROM fact_forecast f JOIN dim_indicator i USING (indicator_code)
            WHERE f.as_of_year = 2018 AND f.area_code <> f.target_area_code AND i.measure_kind = $kind
            """;
        Assert.True(seed.Scalar(derived, ("kind", "rate")) > 0);
        Assert.Equal(0, seed.Scalar(derived, ("kind", "count")));
        Assert.True(seed.Scalar("SELECT count(*) FROM fact_forecast f JOIN dim_indicator i USING (indicator_code) WHERE i.measure_kind = 'count' AND f.as_of_year = 2018") > 0);
    }
}
