using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>附表 (the evaluation's standard tables) and the indicator definitions: T1 indicator attainment, T2 达标率 by
/// domain, T3 sex-disaggregated, T4 city / province / nation, T6 tasks (with the completed-but-unmet flag), T7 unmet.</summary>
public static class EvaluationAnnexes
{
    public const string Title = "附表";
    public const string DefinitionsTitle = "指标定义";

    /// <summary>The mark of a task reported complete while a linked target was not attained.</summary>
    public static string CompletedButUnmetFlag => $"报告{Completed}但关联指标{NotAttained}";

    private static string Completed => ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.Completed);

    private static string NotAttained => StatusVocabulary.Get(StatusVocabulary.Codes.NotAttained).Label;

    public static IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> TaskColumns =>
    [
        ("任务", c => c("task_no")),
        ($"{RoleVocabulary.LeadUnits}(现)", c => c("lead_units_predecessor") is null ? c("lead_units_current") : $"{c("lead_units_current")}\n(原{c("lead_units_predecessor")})"),
        (RoleVocabulary.ResponsibleUnits, c => c("responsible_units_current") ?? "—"),
        ("进展", c => c("progress_status") ?? "未报告"),
        ("报告年份", c => c("progress_year")),
        ("佐证材料", c => c("evidence") ?? "—"),
        ("关联目标", c => Cells.Count(c("linked_targets"))),
        ($"其中{NotAttained}", c => Cells.Count(c("unmet_targets"))),
        ("提示", c => Cells.Flag(c("completed_but_unmet")) ? $"{CompletedButUnmetFlag}:{c("unmet_indicator_names")}" : ""),
    ];

    private static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> SexColumns =
    [
        ("规划", c => c("plan_zh")),
        ("指标", c => c("indicator_name")),
        ("年份", c => c("final_year")),
        ("女", c => c("female_value")),
        ("男", c => c("male_value")),
        ("性别比(女/男)", c => c("female_male_ratio") is null ? null : Math.Round(Cells.Number(c("female_male_ratio")), 2)),
        ("评价", c => c("shown_status")),
    ];

    public static PackSection Build(PackContext context, string number, string unmetSection)
    {
        var t = context.Tables;
        var title = $"{number}、{Title}";
        var html = new Html().Raw("<section class=\"page\" id=\"annex-tables\">").Element("h2", title);

        var cityT1 = TableView.Compose("T1 指标达标情况(全市)", t.Attainment, AttainmentSections.DomainColumns,
            TableView.Where(t.Attainment, "is_city", true));
        html.Element("h3", "T1 指标达标情况");
        html.Element("p", "全市层面目标如下;含各区县的完整明细见工作簿。");
        TableView.Render(html, cityT1);

        html.Element("h3", "T2 分领域达标率");
        TableView.Render(html, SummarySection.DomainRates(t.AttainmentRate));

        var sexRows = TableView.Where(t.Attainment, "is_city", true)
            .Where(r => r[t.Attainment.Column("female_value")] is not null && r[t.Attainment.Column("male_value")] is not null);
        var t3 = TableView.Compose("T3 分性别指标", t.Attainment, SexColumns, sexRows);
        html.Element("h3", "T3 分性别指标");
        if (t3.Rows.Count == 0) html.Element("p", "全市层面没有分性别监测的目标指标。");
        else TableView.Render(html, t3);

        html.Element("h3", "T4 与全省、全国比较");
        html.Element("p", $"见“{ComparisonSection.Title}”一节。");

        var tasks = TableView.Compose("T6 任务落实情况", t.EvalTasks, TaskColumns);
        var flagged = t.EvalTasks.Data.Rows.Count(r => Cells.Flag(r[t.EvalTasks.Column("completed_but_unmet")]));
        html.Element("h3", "T6 任务落实情况");
        html.Element("p", $"共{tasks.Rows.Count}项任务;其中{flagged}项任务的进展报告为{Completed},但关联指标的目标{NotAttained},已在“提示”列标出,请{RoleVocabulary.LeadUnits}核实说明。");
        TableView.Render(html, tasks);

        html.Element("h3", $"T7 {NotAttained}指标");
        html.Element("p", $"见“{unmetSection}”一节。");
        html.Raw("</section>");
        return new PackSection("annex-tables", title, html.ToString(), [t3, tasks]);
    }

    public static PackSection Definitions(PackContext context, string number)
    {
        var title = $"{number}、{DefinitionsTitle}";
        var table = TableView.Compose("指标定义", context.Tables.Indicators,
        [
            ("指标", c => c("indicator_name")), ("单位", c => c("unit_of_measure")),
            ("方向", c => Cells.Text(c("direction")) == "lower" ? "越低越好" : "越高越好"),
            ("分性别", c => c("sex_disaggregated")), ("规划·领域", c => $"{c("plan_zh")}·{c("domain_zh") ?? "—"}"),
            ("对应任务", c => c("task_nos")), ("报送单位", c => c("reporting_unit") ?? "—"),
            // one cell for both sources, so the table keeps room for the text; the target's only when it differs
            ("来源", c => c("target_source") is { } target && !Equals(target, c("source"))
                ? $"指标:{c("source") ?? "—"}\n目标:{target}" : c("source") ?? "—"),
        ]);
        var html = new Html().Raw("<section class=\"page\" id=\"definitions\">").Element("h2", title);
        html.Element("p", $"本评估所用{table.Rows.Count}项指标的计量单位、方向、所属规划与领域、对应任务、报送单位与来源。");
        TableView.Render(html, table);
        html.Raw("</section>");
        return new PackSection("definitions", title, html.ToString(), [table]);
    }
}
