using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Analytics.Forecast;

/// <summary>Outcome of `wcc forecast`: what was stored and which method reports should show.</summary>
/// <param name="Counts">Rows per (method, status label), in method then status order.</param>
public sealed record ForecastRunSummary(
    int AsOfYear, int Rows, int Cases, IReadOnlyList<(string Method, string Status, int Count)> Counts,
    DefaultMethodChoice Default, MlTrainingSummary Ml)
{
    /// <summary>Series left out because a value is not a finite number (<see cref="ForecastData.SkippedSeries"/>).</summary>
    public IReadOnlyList<string> SkippedSeries { get; init; } = [];

    /// <summary>Cutoffs of the backtests stored with the forecasts (the selection one and its neighbours), in order.</summary>
    public IReadOnlyList<int> BacktestCutoffs { get; init; } = [];
}

/// <summary>`wcc forecast`: forecasts every target with every method as of a year and stores the result in fact_forecast,
/// with the backtests behind it (the selection backtest and its neighbouring cutoffs) and the run's record, so the reports
/// that show them only read (<see cref="StoredForecast"/>).</summary>
public static class ForecastRun
{
    /// <summary>Computes and stores the forecasts; <paramref name="asOfYear"/> defaults to the latest observation year.</summary>
    /// <param name="computedAt">Recorded in meta_forecast_run (audit only); the wall clock (UTC) when not given.</param>
    public static ForecastRunSummary Execute(DuckDBConnection connection, int? asOfYear = null, DateTime? computedAt = null)
    {
        var latest = ForecastData.LatestObservationYear(connection)
            ?? throw new WccException("the warehouse has no observations to forecast from", new Remedy(RemedyAction.LoadObservations));
        if (asOfYear is { } requested) WarehouseYears.RequireAsOf(connection, requested);
        var asOf = asOfYear ?? latest;
        var data = ForecastData.Read(connection, asOf);
        var cases = TargetScope.Cases(data);
        if (cases.Count == 0)
        {
            throw new WccException("the warehouse has no targets to forecast", new Remedy(RemedyAction.LoadTargets));
        }
        var methods = MethodSet.Train(cases, asOf);
        var results = ForecastEngine.Run(cases, asOf, methods.Methods);
        var choice = DefaultMethod.Choose(connection, asOf);
        var backtests = NeighbourBacktests.Run(connection, choice, asOf);
        ForecastStore.Replace(connection, asOf, results, choice, backtests, computedAt ?? DateTime.UtcNow);

        var statuses = Enum.GetValues<ForecastStatus>();
        var counts = MethodNames.All
            .SelectMany(m => statuses.Select(s => (m, s.Label(), results.Count(r => r.Method == m && r.Status == s))))
            .Where(x => x.Item3 > 0)
            .ToList();
        return new ForecastRunSummary(asOf, results.Count, cases.Count, counts, choice, methods.Ml.Summary) { SkippedSeries = data.SkippedSeries, BacktestCutoffs = backtests.Select(b => b.Cutoff).ToList() };
    }
}
