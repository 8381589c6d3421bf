namespace Wcc.Reports.Pack.Sections;

/// <summary>Early warning (预警): every series that needs acceleration or is off track, riskiest first, with who answers for it.</summary>
public static class EarlyWarningSection
{
    public const string Title = "预警";

    /// <summary>The columns people need to act: what, where, who, how far, and the pace needed (composed to fit A4).</summary>
    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> Columns =
    [
        ("序号", c => c("risk_rank")),
        ("指标", c => c("indicator_name")),
        ("地区", c => $"{c("area_name")}·{PackFormat.Sex(c("sex"))}"),
        ("牵头单位", c => c("lead_units")),
        ("最新值", c => PackValue.Measured(c("latest_value"), c("unit_of_measure"), c("latest_year"))),
        ("目标", c => PackValue.Target(c("comparator"), c("target_value"), c("deadline_year"))),
        ("到期预测", c => $"{Html.Format(c("projected_value"))}\n达成概率{PackFormat.Percent(c("p_met"))}"),
        ("状态", c => c("status")),
        ("原因与所需进度", c => c("reason")),
    ];

    public static PackSection Build(PackContext context, string number)
    {
        var table = TableView.Compose("预警清单", context.Tables.EarlyWarning, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"warning\">").Element("h2", $"{number}、{Title}");
        html.Element("p", $"下表列出截至{context.AsOfYear}年需加快或难以达成目标的全部指标序列(含各区县),按未达成风险从高到低排列;"
            + "“原因与所需进度”给出达标所需的年均变化与近年实际变化。");
        if (table.Rows.Count == 0) html.Element("p", "目前没有需要预警的指标序列。");
        else TableView.Render(html, table);
        html.Raw("</section>");
        return new PackSection("warning", $"{number}、{Title}", html.ToString(), [table]);
    }
}
