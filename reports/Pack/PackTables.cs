using DuckDB.NET.Data;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack;

/// <summary>The pack's own tables, read from the pack views (warehouse/sql/50_pack) for one as-of year.</summary>
public sealed record PackTables(
    ReportTable Tasks,
    ReportTable IndicatorStatus,
    ReportTable StatusByChapter,
    ReportTable EarlyWarning,
    ReportTable UnitTasks,
    ReportTable Loads,
    ReportTable Rejects,
    ReportTable BacktestScores,
    ReportTable Sources,
    ReportTable BacktestReliability,
    ReportTable Collection,
    ReportTable Attainment,
    ReportTable AttainmentRate,
    ReportTable EvalTasks,
    ReportTable Parameters,
    ReportTable Background,
    ReportTable Indicators,
    ReportTable Comparison,
    ReportTable UnitResponsibility)
{
    /// <summary>SQL sort key of a row's plan: the outlines' order (women before children), rows without a plan last.</summary>
    private const string PlanOrder = "coalesce(list_position(string_split($plans, chr(10)), plan_zh), 99)";

    /// <summary>SQL sort key of a row's domain within its plan: the outlines' chapter order, unknown domains last.</summary>
    private const string DomainOrder = "coalesce(list_position(string_split($domains, chr(10)), plan_zh || '·' || domain_zh), 99)";

    /// <summary>The plans and their domains in the outlines' order, defined once in <see cref="PlanDomains.ByPlan"/>,
    /// bound as parameters so the warehouse sorts by them (no second copy of the order in SQL).</summary>
    private static Dictionary<string, object> OutlineOrder() => new()
    {
        ["plans"] = string.Join('\n', PlanDomains.ByPlan.Keys),
        ["domains"] = string.Join('\n', PlanDomains.ByPlan.SelectMany(p => p.Value.Select(d => $"{p.Key}·{d}"))),
    };

    /// <summary>Reads every pack view; the as-of year selects which stored forecasts the pack shows.</summary>
    public static PackTables Read(DuckDBConnection connection, int asOfYear)
    {
        var asOf = new Dictionary<string, object> { ["as_of"] = asOfYear };
        var asOfInOrder = new Dictionary<string, object>(OutlineOrder()) { ["as_of"] = asOfYear };
        ReportTable ForYear(string name, string view, string orderBy) =>
            MartReader.Query(connection, name, $"SELECT * EXCLUDE (as_of_year) FROM {view} WHERE as_of_year = $as_of ORDER BY {orderBy}", view, asOf);
        // Tables grouped by plan and domain list them as the outlines do.
        ReportTable ForYearInOrder(string name, string view, string orderBy) =>
            MartReader.Query(connection, name, $"SELECT * EXCLUDE (as_of_year) FROM {view} WHERE as_of_year = $as_of ORDER BY {orderBy}", view, asOfInOrder);
        return new PackTables(
            MartReader.View(connection, "tasks", "v_pack_task", "task_no"),
            ForYear("indicator_status", "v_pack_indicator_status", "chapter_no NULLS LAST, indicator_code, area_code, sex"),
            ForYear("status_by_chapter", "v_pack_status_by_chapter", "chapter_no = 0, chapter_no"),
            ForYear("early_warning", "v_pack_early_warning", "risk_rank"),
            MartReader.View(connection, "unit_tasks", "v_pack_unit_task", "unit_name, task_no"),
            MartReader.View(connection, "loads", "v_pack_load", "load_id"),
            MartReader.View(connection, "rejects", "v_pack_reject_summary", "load_id, reason_code"),
            ForYear("backtest_scores", "v_pack_backtest_score", "brier NULLS LAST"),
            MartReader.View(connection, "sources", "v_pack_source", "source"),
            ForYear("backtest_reliability", "v_pack_backtest_reliability", "method, bin_no"),
            MartReader.View(connection, "collection", "v_pack_collection", "unit_name"),
            ForYearInOrder("attainment", "v_eval_attainment",
                $"{PlanOrder}, {DomainOrder}, indicator_code, is_city DESC, area_code, sex, deadline_year"),
            ForYearInOrder("attainment_rate", "v_eval_attainment_rate",
                $"CASE breakdown WHEN 'overall' THEN 0 WHEN 'plan' THEN 1 ELSE 2 END, {PlanOrder}, {DomainOrder}"),
            ForYear("eval_tasks", "v_eval_task", "task_no"),
            MartReader.View(connection, "parameters", "mart_parameter", "name"),
            MartReader.View(connection, "background", "v_eval_background", "indicator_code, year, sex"),
            MartReader.Query(connection, "indicators", $"SELECT * FROM v_eval_indicator ORDER BY {PlanOrder}, {DomainOrder}, indicator_code",
                "v_eval_indicator", OutlineOrder()),
            // Published values up to the as-of year only: a pack as of 2018 does not quote a figure published for 2020.
            MartReader.Query(connection, "comparison",
                $"SELECT * FROM v_eval_comparison WHERE year <= $as_of ORDER BY {PlanOrder}, {DomainOrder}, indicator_code, sex, year",
                "v_eval_comparison", asOfInOrder),
            ForYear("unit_responsibility", "v_eval_unit_responsibility", "tasks_led DESC, unit_name"));
    }
}
