using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Data;

/// <summary>Writes forecasts into fact_forecast, replacing any earlier rows of the same as-of year.</summary>
public static class ForecastStore
{
    /// <summary>Deletes the as-of year's rows and appends <paramref name="results"/>, the backtests (the selection one and its
    /// neighbours) and the run's record in meta_forecast_run, in one transaction.</summary>
    /// <param name="computedAt">When the run stored its rows (audit only; currency is decided by loads, not clocks).</param>
    public static void Replace(DuckDBConnection connection, int asOfYear, IReadOnlyList<ForecastResult> results, DefaultMethodChoice choice,
        IReadOnlyList<CutoffBacktest> backtests, DateTime computedAt)
    {
        var defaultMethod = choice.Method;
        using var tx = connection.BeginTransaction();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                DELETE FROM fact_forecast WHERE as_of_year = $asof;
                DELETE FROM fact_backtest_score WHERE as_of_year = $asof;
                DELETE FROM fact_backtest_reliability WHERE as_of_year = $asof
                """;
            cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
            cmd.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("fact_forecast"))
        {
            foreach (var r in results)
            {
                var s = r.Case.Series;
                var t = r.Case.Target;
                var latest = s.Points.Count > 0 ? s.Points[^1] : (SeriesPoint?)null;
                var row = appender.CreateRow()
                    .AppendValue(s.Key.IndicatorCode).AppendValue(s.Key.AreaCode).AppendValue(s.Key.Sex)
                    .AppendValue(t.DeadlineYear).AppendValue(asOfYear).AppendValue(r.Method).AppendValue(r.MethodUsed)
                    .AppendValue(t.TargetAreaCode).AppendValue(t.ComparatorText).AppendValue(t.Value)
                    .AppendValue(s.Points.Count).AppendValue(latest?.Year).AppendValue(latest?.Value)
                    .AppendValue(r.ProjectedValue).AppendValue(r.Lower).AppendValue(r.Upper).AppendValue(r.PMet)
                    .AppendValue(r.Status.Label()).AppendValue(r.Reason).AppendValue(r.Method == defaultMethod);
                if (r.Distribution is { Components: not null } mixture)
                {
                    // A mixture's parameters are its components: the other methods' rows of the same series and deadline, each
                    // widened by the mixture's own calibration factor (interval_scale).
                    row.AppendValue("mixture").AppendValue(Finite(mixture.Scale.Lower)).AppendValue(Finite(mixture.Scale.Upper)).AppendValue(mixture.Scale.Offset)
                        .AppendNullValue().AppendNullValue().AppendNullValue().AppendValue(r.IntervalScale);
                }
                else if (r.Distribution is { } d)
                {
                    row.AppendValue(d.Scale.Describe()).AppendValue(Finite(d.Scale.Lower)).AppendValue(Finite(d.Scale.Upper)).AppendValue(d.Scale.Offset)
                        .AppendValue(d.Location).AppendValue(d.Spread).AppendValue(Finite(d.Df)).AppendValue(r.IntervalScale);
                }
                else
                {
                    for (var i = 0; i < 8; i++) row.AppendNullValue();
                }
                row.EndRow();
            }
        }
        foreach (var backtest in backtests) AppendBacktest(connection, asOfYear, backtest, defaultMethod);
        using (var cmd = connection.CreateCommand())
        {
            // The run's record: which loads it saw (latest_load_id(), the same expression forecast_current compares with) and
            // how many rows it stored (so rows deleted since make it not current).
            cmd.CommandText = """
                DELETE FROM meta_forecast_run WHERE as_of_year = $asof;
                INSERT INTO meta_forecast_run (as_of_year, last_load_id, computed_at, default_method, selection_cutoff_year, forecast_rows, backtest_rows)
                VALUES ($asof, latest_load_id(), $at, $method, $cutoff,
                        (SELECT count(*) FROM fact_forecast WHERE as_of_year = $asof),
                        (SELECT count(*) FROM fact_backtest_score WHERE as_of_year = $asof))
                """;
            cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
            cmd.Parameters.Add(new DuckDBParameter("at", computedAt));
            cmd.Parameters.Add(new DuckDBParameter("method", defaultMethod));
            cmd.Parameters.Add(new DuckDBParameter("cutoff", (object?)choice.Cutoff ?? DBNull.Value));
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void AppendBacktest(DuckDBConnection connection, int asOfYear, CutoffBacktest backtest, string defaultMethod)
    {
        using (var scores = connection.CreateAppender("fact_backtest_score"))
        {
            foreach (var m in backtest.Scores)
            {
                var row = scores.CreateRow().AppendValue(asOfYear).AppendValue(backtest.Cutoff).AppendValue(m.Method).AppendValue(m.N);
                if (m.N == 0)
                {
                    row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
                }
                else
                {
                    // A score that is not finite is unknown: stored as NULL, never as NaN.
                    row.AppendValue(Finite(m.Accuracy)).AppendValue(Finite(m.Brier)).AppendValue(Finite(m.LogLoss)).AppendValue(Finite(m.Auc)).AppendValue(Finite(m.Mae));
                }
                row.AppendValue(m.Method == defaultMethod);
                if (m.N == 0) row.AppendNullValue().AppendNullValue();
                else row.AppendValue(Finite(m.Coverage)).AppendValue(Finite(m.RawCoverage));
                row.AppendValue(m.IntervalScale is { } f ? new IntervalScale(f).ToString() : null).AppendValue(backtest.IsSelection).EndRow();
            }
        }
        using var bins = connection.CreateAppender("fact_backtest_reliability");
        foreach (var m in backtest.Scores)
        {
            var reliability = m.Reliability ?? [];
            for (var b = 0; b < reliability.Count; b++)
            {
                var bin = reliability[b];
                bins.CreateRow().AppendValue(asOfYear).AppendValue(backtest.Cutoff).AppendValue(m.Method).AppendValue(b)
                    .AppendValue(bin.From).AppendValue(bin.To).AppendValue(bin.N)
                    .AppendValue(Finite(bin.MeanPredicted)).AppendValue(Finite(bin.ObservedShare)).AppendValue(backtest.IsSelection).EndRow();
            }
        }
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
    /// <summary>Null for an infinite or NaN value (an unbounded scale, a normal's df, an empty bin).</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
