using System.Text.Json;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Model;
using Wcc.Tests.Support.Forecast;

namespace Wcc.Tests.Analytics.Forecast;

public class BacktestTests
{
    private const int Cutoff = 2016;

    private static ForecastTestWarehouse Generated()
    {
        var w = new ForecastTestWarehouse();
        Assert.Equal(60, SyntheticSeriesGenerator.Fill(w, 60));
        return w;
    }

    [Fact]
    public void Backtest_GeneratedSixtySeries_ScoresAllThreeMethods()
    {
        using var w = Generated();
        var report = BacktestRun.Execute(w.Connection, Cutoff);
        Assert.Equal(MethodNames.All, report.Methods.Select(m => m.Method));
        foreach (var m in report.Methods)
        {
            Assert.True(m.N >= 50, $"{m.Method}: n = {m.N}");
            Assert.InRange(m.Brier, 0, 1);
            Assert.True(double.IsFinite(m.LogLoss) && double.IsFinite(m.Mae));
            Assert.NotNull(m.Auc);
        }
        Assert.Null(report.Ml.FallbackReason); // 60 series give enough rolling-origin examples to train trees
        Assert.NotNull(report.Best);
    }

    [Fact]
    public void Backtest_PoisonedYearsAfterCutoff_OutputUnchanged()
    {
        using var w = Generated();
        var before = BacktestJson.Write(BacktestRun.Execute(w.Connection, Cutoff));
        var laterBefore = BacktestJson.Write(BacktestRun.Execute(w.Connection, 2018));
        // Absurd values in every post-cutoff year except the deadline being scored, plus whole new post-cutoff series.
        w.Execute($"UPDATE fact_observation SET value = value * 1000 + 1e6 WHERE year > {Cutoff} AND year <> {SyntheticSeriesGenerator.DeadlineYear}");
        w.Observations("COV", "610111", "T", (2017, -5e6), (2018, 9e9), (2019, 1e7));
        var after = BacktestJson.Write(BacktestRun.Execute(w.Connection, Cutoff));
        Assert.Equal(before, after);
        // The poison is real: a backtest whose window includes the poisoned years does change.
        Assert.NotEqual(laterBefore, BacktestJson.Write(BacktestRun.Execute(w.Connection, 2018)));
    }

    [Fact]
    public void Backtest_TwoRuns_SameJson()
    {
        using var w = Generated();
        Assert.Equal(BacktestJson.Write(BacktestRun.Execute(w.Connection, Cutoff)), BacktestJson.Write(BacktestRun.Execute(w.Connection, Cutoff)));
    }

    [Fact]
    public void BacktestJson_HasTheContractShape()
    {
        using var w = Generated();
        using var doc = JsonDocument.Parse(BacktestJson.Write(BacktestRun.Execute(w.Connection, Cutoff)));
        var root = doc.RootElement;
        Assert.Equal(["cutoff", "methods", "predictions"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Cutoff, root.GetProperty("cutoff").GetInt32());
        var method = root.GetProperty("methods")[0];
        Assert.Equal(["method", "n", "accuracy", "brier", "log_loss", "auc", "mae", "coverage_80", "coverage_80_uncalibrated", "interval_scale_by_horizon", "reliability"],
            method.EnumerateObject().Select(p => p.Name));
        Assert.InRange(method.GetProperty("coverage_80").GetDouble(), 0, 1);
        Assert.Equal(Scoring.ReliabilityBins, method.GetProperty("reliability").GetArrayLength());
        Assert.Equal(["p_from", "p_to", "n", "mean_p_met", "share_met"], method.GetProperty("reliability")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(method.GetProperty("n").GetInt32(), method.GetProperty("reliability").EnumerateArray().Sum(b => b.GetProperty("n").GetInt32()));
        var prediction = root.GetProperty("predictions")[0];
        Assert.Equal(["indicator_code", "area_code", "sex", "deadline_year", "method", "p_met", "projected_value", "lower", "upper", "actual_value", "actual_met"],
            prediction.EnumerateObject().Select(p => p.Name));
        Assert.True(prediction.GetProperty("actual_met").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.All(root.GetProperty("predictions").EnumerateArray(), p =>
            Assert.True(p.GetProperty("lower").GetDouble() <= p.GetProperty("projected_value").GetDouble()
                        && p.GetProperty("projected_value").GetDouble() <= p.GetProperty("upper").GetDouble()));
    }

    [Fact]
    public void Backtest_OnlyScoresDeadlinesObservedAfterTheCutoff()
    {
        using var w = Generated();
        var report = BacktestRun.Execute(w.Connection, Cutoff);
        Assert.All(report.Predictions, p => Assert.True(p.DeadlineYear > Cutoff));
        var late = BacktestRun.Execute(w.Connection, 2021); // deadline 2020 is before the cutoff: nothing to score
        Assert.All(late.Methods, m => Assert.Equal(0, m.N));
        Assert.Null(late.Best);
    }
}
