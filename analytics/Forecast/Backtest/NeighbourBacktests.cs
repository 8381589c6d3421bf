using DuckDB.NET.Data;
using Wcc.Warehouse.Schema;

namespace Wcc.Analytics.Forecast.Backtest;

/// <summary>One stored backtest: its cutoff and every method's scores, in method order.</summary>
/// <param name="IsSelection">True for the backtest that chose the default method.</param>
public sealed record CutoffBacktest(int Cutoff, bool IsSelection, IReadOnlyList<MethodScore> Scores);

/// <summary>The backtests a year either side of the selection backtest: the evidence that the chosen method's scores hold
/// when the horizon is a year longer or shorter. Run by the forecast and stored beside the selection backtest, so the
/// reports that show them (the pack's methods appendix) only read.</summary>
/// <remarks>One cutoff can flatter a method by luck of the years. Like the selection backtest, they score only deadlines
/// observed by the forecast's as-of year.</remarks>
public static class NeighbourBacktests
{
    /// <summary>Cutoffs this many years either side of the selection cutoff are backtested beside it.</summary>
    public const int NeighbourCutoffYears = 1;

    /// <summary>The cutoffs of the selection backtest (at <paramref name="selectionCutoff"/>) and its neighbours, in order;
    /// a neighbour is run only when it has enough history before it and stays before the deadline it scores.</summary>
    public static IReadOnlyList<int> Cutoffs(DuckDBConnection connection, int selectionCutoff)
    {
        var observed = WarehouseYears.ObservedYears(connection);
        // A cutoff needs enough history before it to forecast from, and must stay before the deadline it scores.
        var earliest = (observed?.First ?? selectionCutoff) + ForecastEngine.MinPoints - 1;
        var latest = selectionCutoff + DefaultMethod.SelectionHorizonYears - 1;
        var cutoffs = new List<int>();
        for (var cutoff = selectionCutoff - NeighbourCutoffYears; cutoff <= selectionCutoff + NeighbourCutoffYears; cutoff++)
        {
            if (cutoff == selectionCutoff || (cutoff >= earliest && cutoff <= latest)) cutoffs.Add(cutoff);
        }
        return cutoffs;
    }
}
