using Wcc.Reports.Common;

namespace Wcc.Reports.Pack;

/// <summary>Everything the sections draw on: the pack tables, the workload and coverage reports, and the facts of this run.</summary>
/// <param name="DefaultMethod">The forecast method the pack shows (the one the backtest scored best).</param>
/// <param name="IsSynthetic">True when any observation is synthetic: the cover and every section say so.</param>
public sealed record PackContext(
    PackOptions Options,
    int AsOfYear,
    string NoticeTitle,
    string DefaultMethod,
    bool IsSynthetic,
    PackTables Tables,
    ReportOutput Workload,
    ReportOutput Coverage)
{
    /// <summary>The unit pages' and the district map's tables (current units, their targets, district verdicts).</summary>
    public Sections.PageTables? Pages { get; init; }
    /// <summary>The backtests the methods appendix shows (the selection backtest and its neighbouring cutoffs).</summary>
    public Sections.BacktestAppendix Backtests { get; init; } = Sections.BacktestAppendix.None;
}
