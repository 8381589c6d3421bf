using System.Globalization;
using Wcc.Analytics.Planning.Model;
using Wcc.Analytics.Planning.Store;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Reports.Planning.Workload;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Planning.Output;

/// <summary>The scenario comparison charts: P(target met) per scenario, and workload per unit per scenario beside 2018-2020.</summary>
public static class PlanCharts
{
    /// <summary>Units shown in the workload chart (the highest planned or prior index in any scenario).</summary>
    public const int MaxUnitsShown = 30;

    /// <summary>Targets x (scenario, baseline trend | scenario assumptions): P(met) as colour and percentage.</summary>
    public static ChartSpec? TargetProbabilities(PlanContext context, IReadOnlyList<ScenarioResult> results)
    {
        var scenarios = results.Where(r => r.Assessments.Count > 0).ToList();
        if (scenarios.Count == 0) return null;
        var keys = scenarios.SelectMany(r => r.Assessments.Select(a => a.Target.Series)).Distinct().Order().ToList();
        var columns = scenarios.SelectMany(r => new[] { (r, false), (r, true) }).ToList();
        var values = new double[keys.Count, columns.Count];
        var text = new string?[keys.Count, columns.Count];
        var rows = new List<object?[]>();
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                var (r, withPace) = columns[j];
                var a = r.Assessments.FirstOrDefault(x => x.Target.Series == keys[i]);
                var p = withPace ? a?.PMetScenario : a?.PMetBaseline;
                values[i, j] = p ?? double.NaN;
                text[i, j] = p is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : null;
                rows.Add([keys[i].IndicatorCode, keys[i].AreaCode, keys[i].Sex, r.Scenario.Id, withPace ? "scenario" : "baseline_trend", a?.Target.Value, p]);
            }
        }
        var input = new HeatmapInput("各情景目标达成概率",
            keys.Select(k => $"{context.Indicators[k.IndicatorCode].NameZh}({SexText(k.Sex)})").ToList(),
            columns.Select(c => $"{c.r.Scenario.Name}·{(c.Item2 ? "情景假设" : "历史趋势")}").ToList(),
            values, Palette.Sequential, 0, 1, text, "达成概率");
        var (plot, width, height) = HeatmapChart.Create(input);
        var caption = new ChartCaption("scenario_p_met", input.Title,
            "每个情景提出的目标在截止年份达成的概率:按历史加权趋势延续,以及加上情景假设的提速后;灰色表示该情景未对此指标提出目标或数据不足。",
            "概率(0-100%)", ["plan_target_assessment"], IsSynthetic: true);
        var data = new QueryResult(["indicator_code", "area_code", "sex", "scenario_id", "assumption", "target_value", "p_met"], rows);
        return new ChartSpec("scenario_p_met", plot, width, height, data, caption);
    }

    /// <summary>Units x (2018-2020, each scenario): the weighted workload index; ↑ marks sharp growth.</summary>
    public static ChartSpec Workload(IReadOnlyList<ScenarioResult> results, IReadOnlyList<PlanWorkloadResult> workloads)
    {
        var first = workloads[0].Units;
        double Index(ReportTable t, object?[] row, string col) => Cells.Number(row[t.Column(col)]);
        var units = workloads
            .SelectMany(w => w.Units.Data.Rows.Where(r => !Cells.Flag(r[w.Units.Column("is_collective")]))
                .Select(r => (Name: Cells.Text(r[w.Units.Column("unit_name")]),
                    Max: Math.Max(Index(w.Units, r, "plan_index"), Index(w.Units, r, "prior_index")))))
            .GroupBy(x => x.Name).Select(g => (g.Key, Max: g.Max(x => x.Max)))
            .OrderByDescending(x => x.Max).ThenBy(x => x.Key, StringComparer.Ordinal).Take(MaxUnitsShown).Select(x => x.Key).ToList();
        var columns = new List<string> { "2018-2020" };
        columns.AddRange(workloads.Select(w => results.First(r => r.Scenario.Id == w.ScenarioId).Scenario.Name));
        var values = new double[units.Count, columns.Count];
        var text = new string?[units.Count, columns.Count];
        var rows = new List<object?[]>();
        for (var i = 0; i < units.Count; i++)
        {
            // 2018-2020 under the baseline's names (dim_unit renames only), so every column names the same unit.
            var prior = first.Data.Rows.FirstOrDefault(r => Cells.Text(r[first.Column("unit_name")]) == units[i]);
            values[i, 0] = prior is null ? 0 : Index(first, prior, "prior_index");
            text[i, 0] = values[i, 0].ToString("0.#", CultureInfo.InvariantCulture);
            rows.Add([units[i], "2018-2020", values[i, 0], false]);
            for (var j = 0; j < workloads.Count; j++)
            {
                var t = workloads[j].Units;
                var row = t.Data.Rows.FirstOrDefault(r => Cells.Text(r[t.Column("unit_name")]) == units[i]);
                var v = row is null ? 0 : Index(t, row, "plan_index");
                var sharp = row is not null && Cells.Flag(row[t.Column("grows_sharply")]);
                values[i, j + 1] = v;
                text[i, j + 1] = v.ToString("0.#", CultureInfo.InvariantCulture) + (sharp ? "↑" : "");
                rows.Add([units[i], workloads[j].ScenarioId, v, sharp]);
            }
        }
        var max = Math.Max(1, values.Cast<double>().Max());
        var input = new HeatmapInput($"各情景{RoleVocabulary.ResponsibleUnits}加权工作量(与2018-2020年对比)", units, columns, values, Palette.Sequential, 0, max, text, "加权工作量指数");
        var (plot, width, height) = HeatmapChart.Create(input);
        var caption = new ChartCaption("scenario_workload", input.Title,
            $"每个单位的加权工作量指数({RoleVocabulary.LeadLabel}×权重 + {RoleVocabulary.ResponsibleLabel}×权重,权重见 mart_parameter);↑表示比2018-2020年增加{PlanWorkload.SharpGrowthRatio:0%}以上且至少{PlanWorkload.SharpGrowthPoints:0}点。集体单位未列出;更名单位的2018-2020年工作量计入新名称。",
            "工作量指数(无量纲)", ["plan_assignment", "fact_task_assignment", "Workload/queries/unit_workload_weighted.sql"], IsSynthetic: false);
        return new ChartSpec("scenario_workload", plot, width, height, new QueryResult(["unit_name", "column", "workload_index", "grows_sharply"], rows), caption);
    }

    private static string SexText(string sex) => sex switch { "F" => "女", "M" => "男", _ => "合计" };
}
