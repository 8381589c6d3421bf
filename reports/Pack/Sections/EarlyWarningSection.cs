namespace Wcc.Reports.Pack.Sections;

/// <summary>Early warning (预警): every series that needs acceleration or is off track, riskiest first, with who answers for it.</summary>
public static class EarlyWarningSection
{
    public const string Title = "预警";

    /// <summary>The columns people need to act: what, where, who, how far, and the pace needed.</summary>
    public static readonly IReadOnlyList<(string Column, string Header)> Columns =
    [
        ("risk_rank", "序号"), ("indicator_name", "指标"), ("area_name", "地区"), ("sex", "性别"),
        ("lead_units", "牵头单位"), ("latest_value", "最新值"), ("latest_year", "年份"), ("comparator", "比较"),
        ("target_value", "目标值"), ("projected_value", "预测值"), ("p_met", "达成概率"), ("status", "状态"), ("reason", "原因与所需进度"),
    ];

    public static PackSection Build(PackContext context, string number)
    {
        var table = TableView.Select("预警清单", context.Tables.EarlyWarning, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"warning\">").Element("h2", $"{number}、{Title}");
        html.Element("p", $"下表列出截至{context.AsOfYear}年需加快或难以达成目标的全部指标序列(含各区县),按未达成风险从高到低排列;"
            + "“原因与所需进度”给出达标所需的年均变化与近年实际变化。");
        if (table.Rows.Count == 0) html.Element("p", "目前没有需要预警的指标序列。");
        else TableView.Render(html, table);
        html.Raw("</section>");
        return new PackSection("warning", Title, html.ToString(), [table]);
    }
}
