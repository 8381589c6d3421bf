using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Analytics.Forecast.Backtest;

/// <summary>One backtest prediction, compared with what was observed at the deadline.</summary>
/// <param name="Lower">Lower end of the (calibrated) 80% interval, as v_forecast.lower.</param>
/// <param name="Upper">Upper end of the (calibrated) 80% interval, as v_forecast.upper.</param>
/// <param name="RawLower">Lower end before the rolling-origin calibration.</param>
/// <param name="RawUpper">Upper end before the rolling-origin calibration.</param>
public sealed record BacktestPrediction(
    string IndicatorCode, string AreaCode, string Sex, int DeadlineYear, string Method,
    double PMet, double ProjectedValue, double ActualValue, bool ActualMet,
    double Lower, double Upper, double RawLower, double RawUpper);

/// <summary>Backtest result: scores per method and every prediction.</summary>
/// <param name="Ml">How the ml method was trained at this cutoff.</param>
public sealed record BacktestReport(int Cutoff, IReadOnlyList<MethodScore> Methods, IReadOnlyList<BacktestPrediction> Predictions, MlTrainingSummary Ml)
{
    /// <summary>The method with the lowest Brier score (first in method order on a tie), or null when nothing could be scored.</summary>
    /// <remarks>A NaN score is never chosen: NaN compares false with everything, so ordering by it is arbitrary.</remarks>
    public MethodScore? Best => Methods.Where(m => m.N > 0 && double.IsFinite(m.Brier)).OrderBy(m => m.Brier).FirstOrDefault();

    /// <summary>Series and predictions left out because a value is not a finite number, one note each.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>`wcc backtest`: hides every observation after the cutoff, forecasts each target at its deadline with each method,
/// and scores the forecasts against the deadline observations.</summary>
public static class BacktestRun
{
    /// <summary>Runs the backtest at <paramref name="cutoffYear"/> on whatever indicators the warehouse holds.</summary>
    /// <param name="lastOutcomeYear">Score only deadlines up to this year (a forecast as of an earlier year must not
    /// choose its method with later data); null = every observed deadline.</param>
    public static BacktestReport Execute(DuckDBConnection connection, int cutoffYear, int? lastOutcomeYear = null) =>
        Execute(ForecastData.Read(connection, cutoffYear), ReadDeadlineOutcomes(connection, cutoffYear, lastOutcomeYear ?? int.MaxValue));

    /// <summary>Runs the backtest on data known at its cutoff (<see cref="ForecastData.CutoffYear"/>), read or truncated in
    /// memory (<see cref="ForecastData.UpTo"/>), scored against <paramref name="outcomes"/>
    /// (<see cref="ReadDeadlineOutcomes"/> from this cutoff or an earlier one: only deadlines after the cutoff are looked up).</summary>
    public static BacktestReport Execute(ForecastData data, IReadOnlyDictionary<(SeriesKey, int), double> outcomes)
    {
        var cutoffYear = data.CutoffYear;
        var cases = TargetScope.Cases(data);

        var scorable = cases
            .Where(c => c.Target.DeadlineYear > cutoffYear && c.Series.Points.Count >= ForecastEngine.MinPoints
                        && outcomes.ContainsKey((c.Series.Key, c.Target.DeadlineYear)))
            .ToList();
        var methods = MethodSet.Train(cases, cutoffYear);
        var results = ForecastEngine.Run(scorable, cutoffYear, methods.Methods);

        var predictions = new List<BacktestPrediction>();
        var skipped = new List<string>(data.SkippedSeries);
        foreach (var r in results)
        {
            if (r.PMet is not { } p || r.ProjectedValue is not { } projected) continue;
            var key = r.Case.Series.Key;
            var actual = outcomes[(key, r.Case.Target.DeadlineYear)];
            if (!double.IsFinite(p) || !WarehouseNumbers.IsStorable(projected) || !WarehouseNumbers.IsStorable(actual))
            {
                skipped.Add($"{key} {r.Case.Target.DeadlineYear}年 {r.Method}: 预测或实际值不是有限数值，未计分");
                continue;
            }
            var raw = r.Uncalibrated ?? r.Distribution!.Widened(1 / r.IntervalScale);
            predictions.Add(new BacktestPrediction(key.IndicatorCode, key.AreaCode, key.Sex, r.Case.Target.DeadlineYear, r.Method,
                p, projected, actual, r.Case.Target.IsMet(actual), r.Lower!.Value, r.Upper!.Value, raw.Lower, raw.Upper));
        }
        // One pass groups the predictions by method (in their order), instead of a scan of all of them per method.
        var byMethod = predictions.ToLookup(p => p.Method, StringComparer.Ordinal);
        var scores = MethodNames.All
            .Select(m => Scoring.Score(m, byMethod[m]
                .Select(p => new ScoredPrediction(p.PMet, p.ProjectedValue, p.ActualValue, p.ActualMet, p.Lower, p.Upper, p.RawLower, p.RawUpper)).ToList(),
                methods.IntervalScales.GetValueOrDefault(m)?.ByHorizon))
            .ToList();
        return new BacktestReport(cutoffYear, scores, predictions, methods.Ml.Summary) { Skipped = skipped.Distinct().ToList() };
    }

    /// <summary>Checks the cutoff: within the years with observations and before the last of them (something must be left to score).</summary>
    public static void ValidateCutoff(DuckDBConnection connection, int cutoffYear)
    {
        var observed = WarehouseYears.ObservedYears(connection)
            ?? throw new WccException("the warehouse has no observations", new Remedy(RemedyAction.LoadObservations));
        WarehouseYears.Require(InputOption.CutoffYear, cutoffYear, Math.Max(WarehouseYears.First, observed.First), Math.Min(WarehouseYears.Last, observed.Last - 1),
            $"the years with observations are {observed.First}-{observed.Last}; a cutoff must leave a later year to score");
    }

    /// <summary>Observed values in target deadline years after <paramref name="cutoffYear"/> up to <paramref name="lastOutcomeYear"/>:
    /// used only to score, never given to a method.</summary>
    public static Dictionary<(SeriesKey, int), double> ReadDeadlineOutcomes(DuckDBConnection connection, int cutoffYear, int lastOutcomeYear)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT o.indicator_code, o.area_code, o.sex, o.year, avg(o.value)
            FROM v_observation o
            WHERE o.year > $cutoff AND o.year <= $last AND o.year IN (SELECT DISTINCT deadline_year FROM v_target)
            GROUP BY ALL
            """;
        cmd.Parameters.Add(new DuckDBParameter("cutoff", cutoffYear));
        cmd.Parameters.Add(new DuckDBParameter("last", lastOutcomeYear));
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<(SeriesKey, int), double>();
        while (r.Read()) result[(new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetInt32(3))] = r.GetDouble(4);
        return result;
    }
}
