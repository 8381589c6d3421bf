using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The workload and coverage sections: the charts and tables of those two reports.</summary>
public static class AnalysisSections
{
    public static PackSection Workload(PackContext context, string number)
    {
        var report = context.Workload;
        var units = TableView.Select("单位工作量", report.Table("unit_workload"),
        [
            ("unit_name", "单位"), ("is_collective", "集体单位"), ("tasks_led", $"{RoleVocabulary.LeadLabel}任务"), ("tasks_responsible", $"{RoleVocabulary.ResponsibleLabel}任务"),
            ("workload_index", "加权工作量"), ("share_of_total", "占比"), ("workload_rank", "排名"),
        ]);
        var concentration = report.Table("workload_concentration");
        var html = new Html().Raw("<section class=\"page\" id=\"workload\">").Element("h2", $"{number}、单位工作量");
        if (concentration.Data.Rows.Count > 0)
        {
            var row = concentration.Data.Rows[0];
            html.Element("p", $"工作量集中度:HHI = {Html.Format(row[concentration.Column("hhi")])},基尼系数 = {Html.Format(row[concentration.Column("gini")])};"
                + $"承担一半工作量的单位:{Cells.Text(row[concentration.Column("half_load_units")])}。集体单位(各区县妇儿工委、市妇儿工委各成员单位)单列,不计入集中度。");
        }
        html.Raw(PackFigures.All(report));
        TableView.Render(html, units, "各单位工作量");
        html.Raw("</section>");
        return new PackSection("workload", $"{number}、单位工作量", html.ToString(), [units]);
    }

    public static PackSection Coverage(PackContext context, string number)
    {
        var report = context.Coverage;
        var completeness = TableView.Select("数据完整性", report.Table("coverage_completeness"),
        [
            ("area_name", "地区"), ("indicator_name", "指标"), ("years_present", "有数据年数"), ("years_expected", "应有年数"), ("completeness", "完整率"),
        ]);
        var parity = TableView.Select("性别平等指数", report.Table("gender_parity"),
        [
            ("area_name", "地区"), ("indicator_name", "指标"), ("year", "年份"), ("female_value", "女"), ("male_value", "男"), ("parity_ratio", "女/男"),
        ]);
        var html = new Html().Raw("<section class=\"page\" id=\"coverage\">").Element("h2", $"{number}、任务覆盖与指标达成热力图")
            .Element("p", $"任务×单位矩阵显示每项任务的{RoleVocabulary.LeadLabel}与{RoleVocabulary.ResponsibleUnits};地区×指标热力图显示相对基期的目标进展(达标单独标示)、数据完整性和性别平等指数(女/男)。")
            .Raw(PackFigures.All(report))
            .Raw("</section>");
        return new PackSection("coverage", $"{number}、任务覆盖与指标达成热力图", html.ToString(), [completeness, parity]);
    }
}
