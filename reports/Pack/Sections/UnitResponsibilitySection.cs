using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>单位履责情况: per unit in office in the as-of year, the tasks it led (inherited ones included), its progress
/// reports on them and the statuses of the city targets those tasks carry, in one table and one sentence.</summary>
public static class UnitResponsibilitySection
{
    public const string Title = "单位履责情况";

    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> Columns =
    [
        ("单位", c => c("predecessors") is null ? c("unit_name") : $"{c("unit_name")}\n(含原{c("predecessors")})"),
        ($"{RoleVocabulary.LeadLabel}任务数", c => c("tasks_led")),
        ("任务序号", c => c("task_list")),
        ("有进展报告", c => c("tasks_reported")),
        ("进展报告状态", c => c("progress_summary") ?? "无报告"),
        ("关联指标数", c => c("indicators")),
        ($"其中{Label(StatusVocabulary.Codes.Attained)}", c => c("indicators_attained")),
        ($"其中{Label(StatusVocabulary.Codes.NotAttained)}", c => c("indicators_not_attained")),
        ("指标状态", c => c("verdict_summary") ?? "无关联指标"),
    ];

    private static string Label(string code) => StatusVocabulary.Get(code).Label;

    public static PackSection Build(PackContext context, string number)
    {
        var data = context.Tables.UnitResponsibility;
        var title = $"{number}、{Title}";
        var table = TableView.Compose("单位履责情况", data, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"unit-responsibility\">").Element("h2", title);
        var rows = data.Data.Rows;
        long Sum(string column) => rows.Sum(r => (long)Cells.Number(r[data.Column(column)]));
        var withUnmet = rows.Count(r => Cells.Number(r[data.Column("indicators_not_attained")]) > 0);
        html.Element("p", $"{context.AsOfYear}年在职的{rows.Count}个单位{RoleVocabulary.LeadLabel}{Sum("tasks_led")}项任务(机构改革中撤并单位的任务计入承接单位),"
            + $"其中{Sum("tasks_reported")}项有进展报告;这些任务关联{Sum("indicators")}个市级目标,{Label(StatusVocabulary.Codes.Attained)}{Sum("indicators_attained")}个、"
            + $"{Label(StatusVocabulary.Codes.NotAttained)}{Sum("indicators_not_attained")}个,{withUnmet}个单位{RoleVocabulary.LeadLabel}的任务中有{Label(StatusVocabulary.Codes.NotAttained)}指标。"
            + "各单位的任务与指标明细见附录中的单位页。");
        if (rows.Count == 0) html.Element("p", $"数据仓库中没有单位{RoleVocabulary.LeadLabel}的任务。");
        else TableView.Render(html, table, "单位履责情况");
        html.Raw("</section>");
        return new PackSection("unit-responsibility", title, html.ToString(), [table]);
    }
}
