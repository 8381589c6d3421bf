using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast;

/// <summary>The method reports show, and why.</summary>
/// <param name="Cutoff">Cutoff of the backtest that chose it; null when no backtest was possible.</param>
/// <param name="Score">Its backtest score; null when no backtest was possible.</param>
/// <param name="AllScores">Every method's score in that backtest (empty when none was possible).</param>
public sealed record DefaultMethodChoice(string Method, int? Cutoff, MethodScore? Score, string Note, IReadOnlyList<MethodScore> AllScores);

/// <summary>Chooses the default method: the one with the lowest Brier score in a backtest the forecast can run on its own data.</summary>
/// <remarks>
/// The backtest scores targets whose deadline has been observed (by the as-of year). Its cutoff is the latest such
/// deadline minus <see cref="SelectionHorizonYears"/>, so methods are compared over a typical planning horizon.
/// Without any observed deadline the default is weighted_trend, the simplest method with a probability model.
/// </remarks>
public static class DefaultMethod
{
    /// <summary>Years between the selection backtest's cutoff and the deadline it scores.</summary>
    public const int SelectionHorizonYears = 3;

    /// <summary>The method used when nothing can be backtested.</summary>
    public const string Fallback = MethodNames.WeightedTrend;

    /// <summary>Runs the selection backtest (data up to <paramref name="asOfYear"/> only) and returns the winner.</summary>
    public static DefaultMethodChoice Choose(DuckDBConnection connection, int asOfYear) =>
        SelectionCutoff(connection, asOfYear) is { } cutoff
            ? FromBacktest(BacktestRun.Execute(connection, cutoff, asOfYear))
            : WithoutBacktest(asOfYear);

    /// <summary>The selection backtest's cutoff as of <paramref name="asOfYear"/>: the latest deadline observed by then minus
    /// <see cref="SelectionHorizonYears"/>; null when no deadline has been observed (nothing to backtest).</summary>
    public static int? SelectionCutoff(DuckDBConnection connection, int asOfYear)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT max(t.deadline_year)
            FROM v_target_scope t
            JOIN v_observation o ON o.indicator_code = t.indicator_code AND o.area_code = t.area_code AND o.sex = t.sex AND o.year = t.deadline_year
            WHERE t.deadline_year <= $asof
            """;
        cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value) - SelectionHorizonYears;
    }

    /// <summary>The default when nothing can be backtested as of <paramref name="asOfYear"/>: <see cref="Fallback"/>.</summary>
    public static DefaultMethodChoice WithoutBacktest(int asOfYear) =>
        new(Fallback, null, null, $"截至{asOfYear}年尚无到期目标的实际值可供回测，默认采用{Fallback}", []);

    /// <summary>The winner of the selection backtest <paramref name="report"/> (at <see cref="SelectionCutoff"/>).</summary>
    public static DefaultMethodChoice FromBacktest(BacktestReport report)
    {
        var cutoff = report.Cutoff;
        if (report.Best is not { } best)
        {
            return new DefaultMethodChoice(Fallback, cutoff, null, $"以{cutoff}年为截点的回测没有可评分的预测，默认采用{Fallback}", report.Methods);
        }
        return new DefaultMethodChoice(best.Method, cutoff, best,
            $"以{cutoff}年为截点回测(n={best.N})，{best.Method}的Brier分数最低({best.Brier:0.000})，作为默认方法", report.Methods);
    }
}
