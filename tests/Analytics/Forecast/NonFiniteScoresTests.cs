using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Tests.Support.Forecast;

namespace Wcc.Tests.Analytics.Forecast;

/// <summary>Values no loader should let in (1e308, Infinity, NaN) never turn a score into NaN nor choose the default method.</summary>
public class NonFiniteScoresTests
{
    private const int Cutoff = 2016;

    /// <summary>Sixty generated series, two of them poisoned behind the loaders' backs: one with 1e308 in every year, one with Infinity.</summary>
    private static ForecastTestWarehouse Poisoned()
    {
        var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w, 60);
        w.Execute("UPDATE fact_observation SET value = 1e308 WHERE indicator_code = 'MORT' AND area_code = '610102' AND sex = 'F'");
        w.Execute("UPDATE fact_observation SET value = 'infinity'::DOUBLE WHERE indicator_code = 'MORT' AND area_code = '610103' AND sex = 'M' AND year = 2012");
        return w;
    }

    [Fact]
    public void Backtest_SeriesWithHugeOrInfiniteValues_SkippedWithANote_ScoresFinite()
    {
        using var w = Poisoned();
        var report = BacktestRun.Execute(w.Connection, Cutoff);

        foreach (var m in report.Methods)
        {
            Assert.True(m.N > 0, m.Method);
            Assert.True(double.IsFinite(m.Brier) && double.IsFinite(m.LogLoss) && double.IsFinite(m.Mae) && double.IsFinite(m.Accuracy), $"{m.Method}: {m}");
        }
        Assert.Contains(report.Skipped, note => note.StartsWith("MORT/610102/F", StringComparison.Ordinal));
        Assert.Contains(report.Skipped, note => note.StartsWith("MORT/610103/M", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Predictions, p => p.IndicatorCode == "MORT" && (p.AreaCode, p.Sex) is ("610102", "F") or ("610103", "M"));
        Assert.NotNull(report.Best);
    }

    [Fact]
    public void Best_IsNeverChosenAmongNaNScores()
    {
        using var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w, 60);
        var report = BacktestRun.Execute(w.Connection, Cutoff);
        var scored = report.Methods.Select((m, i) => i == 0 ? m with { Brier = double.NaN } : m).ToList();

        var best = (report with { Methods = scored }).Best;

        Assert.NotNull(best);
        Assert.NotEqual(scored[0].Method, best.Method);
        Assert.Null((report with { Methods = report.Methods.Select(m => m with { Brier = double.NaN }).ToList() }).Best);
    }

    [Fact]
    public void Forecast_PoisonedSeries_DefaultMethodHasAFiniteScore_NoNaNStored()
    {
        using var w = Poisoned();
        var summary = ForecastRun.Execute(w.Connection);

        Assert.NotNull(summary.Default.Score);
        Assert.True(double.IsFinite(summary.Default.Score.Brier));
        Assert.Contains(summary.SkippedSeries, note => note.StartsWith("MORT/610102/F", StringComparison.Ordinal));
        Assert.Equal(0L, Convert.ToInt64(w.Scalar("SELECT count(*) FROM fact_backtest_score WHERE isnan(brier) OR isnan(mae) OR isinf(mae) OR isnan(log_loss)")));
        Assert.Equal(0L, Convert.ToInt64(w.Scalar("SELECT count(*) FROM fact_forecast WHERE NOT isfinite(projected_value) OR isnan(p_met)")));
    }
}
