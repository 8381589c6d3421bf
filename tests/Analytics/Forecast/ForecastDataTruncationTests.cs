using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Tests.Support;
using Wcc.Tests.Support.Forecast;

namespace Wcc.Tests.Analytics.Forecast;

/// <summary>`wcc forecast` reads the warehouse once and truncates the as-of data at each backtest cutoff in memory: what it
/// relies on is that this gives what a read at the cutoff gives, and that the run stores what the backtests and the forecast
/// computed one after another (from their own reads) store.</summary>
public class ForecastDataTruncationTests(SeedWarehouseFixture seed) : IClassFixture<SeedWarehouseFixture>
{
    /// <summary>The last observation year of the seeds: the as-of year of the default forecast.</summary>
    private const int SeedAsOf = 2020;

    [Theory]
    [InlineData(2011)]
    [InlineData(2014)]
    [InlineData(2016)]
    [InlineData(2017)]
    [InlineData(2018)]
    [InlineData(2019)]
    public void UpTo_OnTheSeeds_GivesTheSeriesAndCasesOfAReadAtTheCutoff(int cutoff)
    {
        var asOf = ForecastData.Read(seed.Connection, SeedAsOf);
        var truncated = asOf.UpTo(cutoff);
        var read = ForecastData.Read(seed.Connection, cutoff);

        // The truncation had something to remove, and something is left.
        Assert.Contains(asOf.Series.Values, s => s.LatestYear > cutoff);
        Assert.NotEmpty(read.Series);
        AssertSameData(read, truncated);
    }

    [Fact]
    public void UpTo_ASeriesWithAnInfiniteValueAfterTheCutoff_IsKeptBeforeIt_AsAReadAtTheCutoffKeepsIt()
    {
        using var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w, 20);
        // Loaders refuse such a value; planted behind their backs, it leaves the series out from 2019 on only.
        w.Execute("UPDATE fact_observation SET value = 'infinity'::DOUBLE WHERE indicator_code = 'COV' AND area_code = '610100' AND sex = 'F' AND year = 2020");
        var key = new SeriesKey("COV", ForecastTestWarehouse.City, "F");

        var asOf = ForecastData.Read(w.Connection, 2022);
        Assert.DoesNotContain(key, asOf.Series.Keys);
        Assert.Contains(asOf.SkippedSeries, note => note.StartsWith("COV/610100/F", StringComparison.Ordinal));

        var truncated = asOf.UpTo(2016);
        Assert.Contains(key, truncated.Series.Keys);
        Assert.Empty(truncated.SkippedSeries);
        AssertSameData(ForecastData.Read(w.Connection, 2016), truncated);
    }

    [Fact]
    public void UpTo_ALaterYearThanWasRead_Refused()
    {
        var asOf = ForecastData.Read(seed.Connection, 2016);
        Assert.Throws<ArgumentOutOfRangeException>(() => asOf.UpTo(2017));
    }

    [Fact]
    public void Backtest_OnTruncatedData_WithOutcomesReadFromAnEarlierCutoff_EqualsTheBacktestReadAtItsCutoff()
    {
        using var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w, 60);
        const int cutoff = 2017, last = 2022;

        var read = BacktestRun.Execute(w.Connection, cutoff, last);
        var truncated = BacktestRun.Execute(ForecastData.Read(w.Connection, last).UpTo(cutoff),
            BacktestRun.ReadDeadlineOutcomes(w.Connection, cutoff - 2, last));

        Assert.True(read.Predictions.Count > 100, $"only {read.Predictions.Count} predictions");
        Assert.Equal(BacktestJson.Write(read), BacktestJson.Write(truncated));
    }

    /// <summary>The generated warehouse as of 2022: every deadline (2020) observed, so the forecast itself projects nothing
    /// and fits no model, while its three backtests (2016, 2017, 2018) run side by side.</summary>
    [Fact]
    public void ForecastRun_StoresWhatTheForecastAndEachBacktestComputedAloneGive()
    {
        using var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w, 60);
        const int asOf = 2022;

        var summary = ForecastRun.Execute(w.Connection, asOf, SeedWarehouseFixture.Clock);

        // The forecast, computed alone with trained methods: the same rows, and the same training summary.
        var cases = TargetScope.Cases(ForecastData.Read(w.Connection, asOf));
        Assert.False(ForecastEngine.ProjectsAny(cases, asOf));
        var methods = MethodSet.Train(cases, asOf);
        Assert.Null(methods.Ml.Summary.FallbackReason);
        Assert.Equal(methods.Ml.Summary, summary.Ml);
        var expected = ForecastEngine.Run(cases, asOf, methods.Methods);
        var stored = Rows(w, $"SELECT indicator_code, area_code, sex, deadline_year, method, method_used, p_met, status, reason FROM fact_forecast WHERE as_of_year = {asOf} ORDER BY ALL");
        Assert.Equal(expected.Select(r => string.Join("|", r.Case.Series.Key.IndicatorCode, r.Case.Series.Key.AreaCode, r.Case.Series.Key.Sex,
            r.Case.Target.DeadlineYear, r.Method, r.MethodUsed, r.PMet, r.Status.Label(), r.Reason)).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        // Each backtest, read at its own cutoff and run alone: the same scores, in the same order.
        Assert.Equal(new[] { 2016, 2017, 2018 }, summary.BacktestCutoffs);
        foreach (var cutoff in summary.BacktestCutoffs)
        {
            var alone = BacktestRun.Execute(w.Connection, cutoff, asOf).Methods;
            Assert.All(alone, m => Assert.True(m.N > 0, $"{cutoff} {m.Method}: nothing scored"));
            var storedScores = Rows(w, $"SELECT method, n, brier, auc, mae, coverage_80, coverage_80_uncalibrated FROM fact_backtest_score WHERE as_of_year = {asOf} AND cutoff_year = {cutoff} ORDER BY rowid");
            Assert.Equal(alone.Select(m => string.Join("|", m.Method, m.N, m.Brier, m.Auc, m.Mae, m.Coverage, m.RawCoverage)), storedScores);
        }
        Assert.Equal(2017, summary.Default.Cutoff);
    }

    private static void AssertSameData(ForecastData expected, ForecastData actual)
    {
        Assert.Equal(expected.CutoffYear, actual.CutoffYear);
        Assert.Equal(expected.Series.Keys, actual.Series.Keys);
        foreach (var (key, series) in expected.Series) Assert.Equal(series.Points, actual.Series[key].Points);
        Assert.Equal(expected.SkippedSeries, actual.SkippedSeries);
        var expectedCases = TargetScope.Cases(expected);
        var actualCases = TargetScope.Cases(actual);
        Assert.NotEmpty(expectedCases);
        Assert.Equal(expectedCases.Count, actualCases.Count);
        for (var i = 0; i < expectedCases.Count; i++)
        {
            Assert.Equal(expectedCases[i].Series.Key, actualCases[i].Series.Key);
            Assert.Equal(expectedCases[i].Series.Points, actualCases[i].Series.Points);
            Assert.Equal(expectedCases[i].Target, actualCases[i].Target);
        }
    }

    /// <summary>Each row's values joined by `|`, doubles as .NET prints them (round-trip), so equal text is equal bits.</summary>
    private static List<string> Rows(ForecastTestWarehouse w, string sql)
    {
        using var cmd = w.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.CurrentCulture))));
        }
        return rows;
    }
}
