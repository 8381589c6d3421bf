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
}
