using System.Globalization;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Model;
using Wcc.Analytics.Planning.Store;
using Wcc.Reports.Common;
using Wcc.Reports.Planning.Workload;

namespace Wcc.Reports.Planning.Output;

/// <summary>The short Chinese summary `wcc plan` prints.</summary>
public static class PlanSummary
{
    /// <summary>One line for the run, then one per scenario.</summary>
    public static IReadOnlyList<string> Lines(PlanContext context, IReadOnlyList<ScenarioResult> results, IReadOnlyList<PlanWorkloadResult> workloads)
    {
        var baseline = results.First(r => r.Scenario.IsBaseline);
        var lines = new List<string>
        {
            $"截至{context.AsOfYear}年数据,规划期{context.FirstPlanYear}-{context.HorizonYear}年:基线趋势投影{baseline.Projections.Select(p => p.Key).Distinct().Count()}个指标序列;"
            + $"机构改革更名{baseline.Division.Renames.Count}个单位(" + string.Join("、", baseline.Division.Renames.Select(r => $"{r.UnitName}→{r.SuccessorName}")) + ")。",
        };
        foreach (var r in results)
        {
            var w = workloads.First(x => x.ScenarioId == r.Scenario.Id);
            var c = w.Concentration;
            string Hhi(int row) => Cells.Number(c.Data.Rows[row][c.Column("hhi")]).ToString("0.000", CultureInfo.InvariantCulture);
            string Gini(int row) => Cells.Number(c.Data.Rows[row][c.Column("gini")]).ToString("0.00", CultureInfo.InvariantCulture);
            var prior = c.Data.Rows.ToList().FindIndex(x => Cells.Text(x[c.Column("period")]) == "2018-2020");
            var plan = 1 - prior;
            var text = $"{r.Scenario.Name}:{r.Division.Tasks.Count}项任务";
            if (r.Assessments.Count > 0)
            {
                var onTrackBase = r.Assessments.Count(a => a.PMetBaseline >= AttainmentProbabilityThreshold);
                var onTrack = r.Assessments.Count(a => a.PMetScenario >= AttainmentProbabilityThreshold);
                text += $";{r.Assessments.Count}个目标中按历史趋势{Wcc.Warehouse.Vocabulary.StatusVocabulary.Get(Wcc.Warehouse.Vocabulary.StatusVocabulary.Codes.OnTrack).Label}{onTrackBase}个,按情景假设{onTrack}个";
            }
            text += $";集中度HHI {Hhi(prior)}→{Hhi(plan)},基尼系数 {Gini(prior)}→{Gini(plan)}";
            text += w.SharplyGrowing.Count > 0 ? $";工作量大幅增加:{string.Join("、", w.SharplyGrowing)}。" : ";无单位工作量大幅增加。";
            lines.Add(text);
        }
        return lines;
    }

    private static double AttainmentProbabilityThreshold => Wcc.Analytics.Forecast.Methods.AttainmentProbability.OnTrackProbability;
}
