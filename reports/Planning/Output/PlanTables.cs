using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Model;
using Wcc.Analytics.Planning.Store;
using Wcc.Reports.Common;
using Wcc.Reports.Planning.Workload;
using Wcc.Warehouse.Query;

namespace Wcc.Reports.Planning.Output;

/// <summary>The plan's tables as the CSVs show them (the warehouse's plan_* tables hold the same figures).</summary>
public static class PlanTables
{
    /// <summary>Every projected path: baseline and the series each scenario changes.</summary>
    public static QueryResult Projections(IReadOnlyList<ScenarioResult> results) => new(
        ["scenario_id", "indicator_code", "area_code", "sex", "year", "projected_value", "lower", "upper", "pace_shift", "n_points", "latest_year"],
        results.SelectMany(r => r.Projections).Select(p => new object?[]
        {
            p.ScenarioId, p.Key.IndicatorCode, p.Key.AreaCode, p.Key.Sex, p.Point.Year, p.Point.Projected, p.Point.Lower, p.Point.Upper,
            p.Point.Shift, p.NPoints, p.LatestYear,
        }).ToList());

    /// <summary>Target assessments of every scenario, side by side in one long table (one row per scenario x target).</summary>
    public static QueryResult TargetComparison(PlanContext context, IReadOnlyList<ScenarioResult> results) => new(
        ["scenario_id", "scenario_name", "indicator_code", "indicator_name", "area_code", "sex", "comparator", "target_value", "deadline_year",
         "latest_year", "latest_value", "historical_pace", "required_pace", "pace_gap", "assumed_extra_pace", "pace_from_year",
         "p_met_baseline", "p_met_scenario", "status_baseline", "status_scenario", "suggested_p50", "suggested_p70", "suggested_p90", "plan_task_no", "phrase",
         "limit_floor", "limit_ceiling", "met_by_wide_margin", "tighter_target"],
        results.SelectMany(r => r.Assessments.Select(a =>
        {
            var t = a.Target;
            var written = r.Division.WrittenTargets.First(w => w.Series == t.Series);
            return new object?[]
            {
                r.Scenario.Id, r.Scenario.Name, t.Series.IndicatorCode, context.Indicators[t.Series.IndicatorCode].NameZh, t.Series.AreaCode, t.Series.Sex,
                new TargetSpec(t.Comparator, t.Value, t.Deadline, t.Series.AreaCode, null).ComparatorText, t.Value, t.Deadline,
                a.LatestYear, a.LatestValue, a.HistoricalPace, a.RequiredPace, a.PaceGap, t.ExtraPerYear ?? (t.PerYear - a.HistoricalPace), t.PaceFrom,
                a.PMetBaseline, a.PMetScenario, a.StatusBaseline.Label(), a.StatusScenario.Label(), a.SuggestedP50, a.SuggestedP70, a.SuggestedP90,
                written.PlanTaskNo, written.Phrase,
                a.LimitFloor, a.LimitCeiling, a.MetByWideMargin, a.TighterTarget,
            };
        })).ToList());

    /// <summary>Concentration of every scenario's division of work beside 2018-2020, with the units flagged as growing sharply.</summary>
    public static QueryResult WorkloadComparison(IReadOnlyList<ScenarioResult> results, IReadOnlyList<PlanWorkloadResult> workloads)
    {
        var rows = new List<object?[]>();
        foreach (var w in workloads)
        {
            var c = w.Concentration;
            var name = results.First(r => r.Scenario.Id == w.ScenarioId).Scenario.Name;
            foreach (var row in c.Data.Rows)
            {
                var isPlan = Cells.Text(row[c.Column("period")]) != "2018-2020";
                rows.Add([
                    w.ScenarioId, name, row[c.Column("period")], row[c.Column("department_count")], row[c.Column("total_index")],
                    row[c.Column("hhi")], row[c.Column("gini")], row[c.Column("half_load_unit_count")], row[c.Column("half_load_units")],
                    isPlan ? string.Join("、", w.SharplyGrowing) : null,
                ]);
            }
        }
        return new QueryResult(
            ["scenario_id", "scenario_name", "period", "department_count", "total_index", "hhi", "gini", "half_load_unit_count", "half_load_units", "sharply_growing_units"],
            rows);
    }
}
