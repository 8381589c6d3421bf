using DuckDB.NET.Data;
using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Forecast.Data;

/// <summary>Writes forecasts into fact_forecast, replacing any earlier rows of the same as-of year.</summary>
public static class ForecastStore
{
    /// <summary>Deletes the as-of year's rows and appends <paramref name="results"/>, in one transaction.</summary>
    public static void Replace(DuckDBConnection connection, int asOfYear, IReadOnlyList<ForecastResult> results, DefaultMethodChoice choice)
    {
        var defaultMethod = choice.Method;
        using var tx = connection.BeginTransaction();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM fact_forecast WHERE as_of_year = $asof; DELETE FROM fact_backtest_score WHERE as_of_year = $asof";
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
                row.EndRow();
            }
        }
        if (choice.Cutoff is { } cutoff)
        {
            using var scores = connection.CreateAppender("fact_backtest_score");
            foreach (var m in choice.AllScores)
            {
                var row = scores.CreateRow().AppendValue(asOfYear).AppendValue(cutoff).AppendValue(m.Method).AppendValue(m.N);
                if (m.N == 0)
                {
                    row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
                }
                else
                {
                    // A score that is not finite is unknown: stored as NULL, never as NaN.
                    row.AppendValue(Finite(m.Accuracy)).AppendValue(Finite(m.Brier)).AppendValue(Finite(m.LogLoss)).AppendValue(Finite(m.Auc)).AppendValue(Finite(m.Mae));
                }
                row.AppendValue(m.Method == defaultMethod).EndRow();
            }
        }
        tx.Commit();
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
