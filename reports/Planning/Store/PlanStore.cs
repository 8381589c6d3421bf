using DuckDB.NET.Data;
using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Planning.Model;

namespace Wcc.Reports.Planning.Store;

/// <summary>Everything computed for one scenario, as stored in the plan_* tables.</summary>
public sealed record ScenarioResult(PlanScenario Scenario, IReadOnlyList<ProjectionRow> Projections, IReadOnlyList<TargetAssessment> Assessments, DivisionOfWork Division);

/// <summary>Writes scenario results into the plan_* tables, replacing each scenario's earlier rows; the caller owns the transaction.</summary>
public static class PlanStore
{
    private static readonly string[] Tables = ["plan_projection", "plan_target_assessment", "plan_assignment", "plan_task", "plan_unit_rename", "plan_scenario"];

    /// <summary>Deletes the scenarios' old rows and appends the new ones (bulk, through the Appender).</summary>
    public static void Replace(DuckDBConnection connection, PlanContext context, IReadOnlyList<ScenarioResult> results)
    {
        RequireFinite(results);
        foreach (var table in Tables)
        {
            foreach (var r in results)
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"DELETE FROM {table} WHERE scenario_id = $id";
                cmd.Parameters.Add(new DuckDBParameter("id", r.Scenario.Id));
                cmd.ExecuteNonQuery();
            }
        }
        using (var a = connection.CreateAppender("plan_scenario"))
        {
            foreach (var s in results.Select(r => r.Scenario))
            {
                a.CreateRow().AppendValue(s.Id).AppendValue(s.Name).AppendValue(s.IsBaseline ? "baseline" : "scenario")
                    .AppendValue(s.SourceFile).AppendValue(s.Description)
                    .AppendValue(context.AsOfYear).AppendValue(context.FirstPlanYear).AppendValue(context.HorizonYear).EndRow();
            }
        }
        using (var a = connection.CreateAppender("plan_projection"))
        {
            foreach (var p in results.SelectMany(r => r.Projections))
            {
                a.CreateRow().AppendValue(p.ScenarioId).AppendValue(p.Key.IndicatorCode).AppendValue(p.Key.AreaCode).AppendValue(p.Key.Sex)
                    .AppendValue(p.Point.Year).AppendValue(p.Point.Projected).AppendValue(p.Point.Lower).AppendValue(p.Point.Upper)
                    .AppendValue(p.Point.Shift).AppendValue(p.NPoints).AppendValue(p.LatestYear).EndRow();
            }
        }
        using (var a = connection.CreateAppender("plan_target_assessment"))
        {
            foreach (var r in results)
            {
                foreach (var x in r.Assessments)
                {
                    var t = x.Target;
                    var written = r.Division.WrittenTargets.First(w => w.Series == t.Series);
                    a.CreateRow().AppendValue(x.ScenarioId).AppendValue(t.Series.IndicatorCode).AppendValue(t.Series.AreaCode).AppendValue(t.Series.Sex)
                        .AppendValue(new TargetSpec(t.Comparator, t.Value, t.Deadline, t.Series.AreaCode, null).ComparatorText)
                        .AppendValue(t.Value).AppendValue(t.Deadline).AppendValue(x.HigherIsBetter)
                        .AppendValue(written.PlanTaskNo).AppendValue(written.Phrase)
                        .AppendValue(x.LatestYear).AppendValue(x.LatestValue).AppendValue(x.HistoricalPace).AppendValue(x.RequiredPace).AppendValue(x.PaceGap)
                        .AppendValue(t.ExtraPerYear ?? (t.PerYear is { } p && x.HistoricalPace is { } h ? p - h : null)).AppendValue(t.PaceFrom)
                        .AppendValue(x.ProjectedBaseline).AppendValue(x.ProjectedScenario).AppendValue(x.PMetBaseline).AppendValue(x.PMetScenario)
                        .AppendValue(x.StatusBaseline.Label()).AppendValue(x.StatusScenario.Label())
                        .AppendValue(x.SuggestedP50).AppendValue(x.SuggestedP70).AppendValue(x.SuggestedP90)
                        .AppendValue(x.LimitFloor).AppendValue(x.LimitCeiling).AppendValue(x.MetByWideMargin).AppendValue(x.TighterTarget).EndRow();
                }
            }
        }
        // The draft continues the tasks of the default notice (the one PlanContext read).
        var sourceNotice = Wcc.Warehouse.Schema.CurrentNotice.Id(connection);
        using (var a = connection.CreateAppender("plan_task"))
        {
            foreach (var r in results)
            {
                foreach (var t in r.Division.Tasks)
                {
                    a.CreateRow().AppendValue(r.Scenario.Id).AppendValue(t.PlanTaskNo).AppendValue(t.ChapterNo).AppendValue(t.ChapterTitle)
                        .AppendValue(t.SourceTaskNo).AppendValue(t.Text).AppendValue(t.Change)
                        .AppendValue(t.SourceTaskNo is null ? null : sourceNotice).EndRow();
                }
            }
        }
        using (var a = connection.CreateAppender("plan_assignment"))
        {
            foreach (var r in results)
            {
                foreach (var t in r.Division.Tasks)
                {
                    foreach (var (units, role) in new[] { (t.Lead, "lead"), (t.Responsible, "responsible") })
                    {
                        for (var i = 0; i < units.Count; i++)
                        {
                            var collective = r.Scenario.IsCollective(context, units[i].Name);
                            a.CreateRow().AppendValue(r.Scenario.Id).AppendValue(t.PlanTaskNo).AppendValue(units[i].Name).AppendValue(role)
                                .AppendValue(i + 1).AppendValue(collective).AppendValue(units[i].PreviousName).EndRow();
                        }
                    }
                }
            }
        }
        using (var a = connection.CreateAppender("plan_unit_rename"))
        {
            foreach (var r in results)
            {
                foreach (var x in r.Division.Renames)
                {
                    a.CreateRow().AppendValue(r.Scenario.Id).AppendValue(x.UnitName).AppendValue(x.SuccessorName).AppendValue(x.Source).EndRow();
                }
            }
        }
    }

    /// <summary>Refuses to store NaN or Infinity: inputs are bounded (<see cref="Wcc.Warehouse.Schema.WarehouseNumbers"/>), so a
    /// non-finite number here is a computation gone wrong and must stop the run before the warehouse is touched.</summary>
    public static void RequireFinite(IReadOnlyList<ScenarioResult> results)
    {
        foreach (var r in results)
        {
            foreach (var p in r.Projections)
            {
                Require(r, p.Key, $"projection {p.Point.Year}", p.Point.Projected, p.Point.Lower, p.Point.Upper, p.Point.Shift);
            }
            foreach (var x in r.Assessments)
            {
                Require(r, x.Target.Series, "target assessment", x.Target.Value, x.Target.ExtraPerYear, x.Target.PerYear, x.LatestValue,
                    x.HistoricalPace, x.RequiredPace, x.ProjectedBaseline, x.ProjectedScenario, x.PMetBaseline, x.PMetScenario,
                    x.SuggestedP50, x.SuggestedP70, x.SuggestedP90);
            }
        }
    }

    private static void Require(ScenarioResult result, SeriesKey key, string what, params double?[] values)
    {
        if (values.All(v => v is not { } x || double.IsFinite(x))) return;
        throw new Wcc.Warehouse.Connection.WccException(
            $"scenario {result.Scenario.Id}: the {what} of {key} is not a finite number; nothing was stored",
            "check the scenario's targets and paces and the series' observations for extreme values");
    }
}
