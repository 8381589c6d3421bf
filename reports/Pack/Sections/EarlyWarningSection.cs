using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>Unmet targets (at or after the deadline, with their gap) and the early warning (预警, before it: forecasts
/// that need acceleration or are off track), largest shortfall first, with the unit that answers for each today.</summary>
public static class EarlyWarningSection
{
    public const string WarningTitle = "预警";
    public static string UnmetTitle => $"{L(StatusVocabulary.Codes.NotAttained)}指标";

    private static string L(string code) => StatusVocabulary.Get(code).Label;

    /// <summary>The columns people need to act: what, where, who, how far, and the pace needed (composed to fit A4).</summary>
    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> Columns =
    [
        ("序号", c => c("risk_rank")),
        ("指标", c => c("indicator_name")),
        ("地区", c => $"{c("area_name")}·{PackFormat.Sex(c("sex"))}"),
        ($"{RoleVocabulary.ResponsibleUnits}(现)", c => c("lead_units_predecessor") is null ? c("lead_units") : $"{c("lead_units")}\n(原{c("lead_units_predecessor")})"),
        ("最新值", c => PackValue.Measured(c("latest_value"), c("unit_of_measure"), c("latest_year"))),
        ("目标", c => PackValue.Target(c("comparator"), c("target_value"), c("deadline_year"))),
        ("差距或到期预测", c => Cells.Text(c("phase")) == "final"
            ? $"差距{PackFormat.WithUnit(c("gap_to_target"), c("unit_of_measure"))}"
            : $"预测{Html.Format(c("projected_value"))}\n达成概率{PackFormat.Percent(c("p_met"))}"),
        ("评价", c => c("status")),
        ("原因与所需进度", c => c("reason")),
    ];

    /// <summary>The section's title: unmet targets once any deadline has passed, the early warning before.</summary>
    public static string Title(ReportTable warnings) =>
        warnings.Data.Rows.Any(r => Cells.Text(r[warnings.Column("phase")]) == "final") ? UnmetTitle : WarningTitle;

    public static PackSection Build(PackContext context, string number)
    {
        var warnings = context.Tables.EarlyWarning;
        var name = Title(warnings);
        var table = TableView.Compose($"T7 {name}", warnings, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"warning\">").Element("h2", $"{number}、{name}");
        html.Element("p", name == UnmetTitle
            ? $"下表列出截至{context.AsOfYear}年期限已到而未满足目标的全部指标序列(含各区县),按差距从大到小排列;"
              + $"期限未到的序列按未达成风险列出。{RoleVocabulary.ResponsibleUnits}为现行机构,机构改革中撤并的单位由承接其职责的单位负责。"
            : $"下表列出截至{context.AsOfYear}年预测状态为{L(StatusVocabulary.Codes.OffTrack)}或{L(StatusVocabulary.Codes.NeedsAcceleration)}的全部指标序列(含各区县),按未达成风险从高到低排列;"
              + "“原因与所需进度”给出达标所需的年均变化与近年实际变化。");
        if (table.Rows.Count == 0) html.Element("p", $"目前没有{L(StatusVocabulary.Codes.NotAttained)}或需要预警的指标序列。");
        else TableView.Render(html, table);
        html.Raw("</section>");
        return new PackSection("warning", $"{number}、{name}", html.ToString(), [table]);
    }
}
