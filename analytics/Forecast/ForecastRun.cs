using System.Runtime.ExceptionServices;
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
/// <remarks>The warehouse is read once: each backtest's data are the as-of data truncated at its cutoff in memory
/// (<see cref="ForecastData.UpTo"/>), its outcomes one read from the earliest cutoff. The forecast and the backtests are then
/// independent computations (each trains its own seeded model on its own data), run side by side and gathered in a fixed
/// order, so the results are those of running them one after another.</remarks>
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
        var selectionCutoff = DefaultMethod.SelectionCutoff(connection, asOf);
        var cutoffs = selectionCutoff is { } selection ? NeighbourBacktests.Cutoffs(connection, selection) : [];
        // Deadlines after the earliest cutoff, scored only up to the as-of year (the method must not be chosen with later data).
        var outcomes = cutoffs.Count == 0 ? [] : BacktestRun.ReadDeadlineOutcomes(connection, cutoffs.Min(), asOf);

        var forecast = Start(() =>
        {
            // A model and interval factors serve projections only: when every deadline is read off the data (or a series is too
            // short), none is fitted, and the summary counts the training set the model would have learnt from.
            if (!ForecastEngine.ProjectsAny(cases, asOf))
            {
                return (Results: ForecastEngine.Run(cases, asOf, MethodNames.All.Select(m => new Unprojected(m)).ToList()), MlMethod.Summarize(cases, asOf));
            }
            var methods = MethodSet.Train(cases, asOf);
            return (Results: ForecastEngine.Run(cases, asOf, methods.Methods), methods.Ml.Summary);
        });
        var reports = cutoffs.Select(cutoff => Start(() => BacktestRun.Execute(data.UpTo(cutoff), outcomes))).ToList();
        WaitAll([forecast, .. reports]);
        var (results, ml) = forecast.Result;

        var choice = selectionCutoff is { } chosen
            ? DefaultMethod.FromBacktest(reports[cutoffs.ToList().IndexOf(chosen)].Result)
            : DefaultMethod.WithoutBacktest(asOf);
        var backtests = cutoffs.Select((cutoff, i) => new CutoffBacktest(cutoff, cutoff == selectionCutoff, reports[i].Result.Methods)).ToList();
        ForecastStore.Replace(connection, asOf, results, choice, backtests, computedAt ?? DateTime.UtcNow);

        // One pass over the results, instead of a scan of all of them per (method, status).
        var tally = results.CountBy(r => (r.Method, r.Status)).ToDictionary();
        var counts = MethodNames.All
            .SelectMany(m => Enum.GetValues<ForecastStatus>().Select(s => (m, s.Label(), tally.GetValueOrDefault((m, s)))))
            .Where(x => x.Item3 > 0)
            .ToList();
        return new ForecastRunSummary(asOf, results.Count, cases.Count, counts, choice, ml) { SkippedSeries = data.SkippedSeries, BacktestCutoffs = cutoffs };
    }

    /// <summary>A method left untrained because no case needs its projection: it has a name for the results and nothing to project.</summary>
    private sealed class Unprojected(string name) : IForecastMethod
    {
        public string Name => name;

        public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases) =>
            cases.Count == 0 ? [] : throw new InvalidOperationException($"{name} was not trained: no case was to be projected");
    }

    /// <summary>Starts a computation on a thread of its own: each is seconds of work, so none waits for a pool thread.</summary>
    private static Task<T> Start<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits for every computation, then rethrows the first failure in start order as it was thrown (a
    /// <see cref="WccException"/> keeps its message and hint), so a failed run reports the same error every time.</summary>
    private static void WaitAll(IReadOnlyList<Task> tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            var failed = tasks.First(t => t.IsFaulted);
            ExceptionDispatchInfo.Capture(failed.Exception!.InnerException!).Throw();
        }
    }
}
