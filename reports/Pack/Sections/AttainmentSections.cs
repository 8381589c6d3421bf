using System.Globalization;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>背景 and 分领域目标达成情况: the city's population by sex, then each plan's domains with every city target's
/// baseline, mid-term and final values against the target, its verdict, and F/M with the sex ratio where by sex.</summary>
public static class AttainmentSections
{
    public const string BackgroundTitle = "背景";
    public const string DomainTitle = "分领域目标达成情况";

    private static string Point(Func<string, object?> c, string value, string year, bool withUnit = true) =>
        c(value) is null ? "—" : $"{(withUnit ? PackFormat.WithUnit(c(value), c("unit_of_measure")) : Html.Format(c(value)))}\n({c(year)}年)";

    /// <summary>Columns of the per-domain tables (fit A4 portrait: values carry their year on a second line).</summary>
    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> DomainColumns =
    [
        ("指标", c => c("indicator_name")),
        ("基期", c => Point(c, "baseline_value", "baseline_year")),
        ("中期", c => Point(c, "midterm_value", "midterm_year")),
        ("终期", c => Point(c, "final_value", "final_year")),
        ("目标", c => $"{PackFormat.Comparator(c("comparator"))}{Html.Format(c("target_value"))}\n({c("deadline_year")}年)"),
        ("评价", c => c("shown_status")),
        ("女/男", c => c("female_value") is null && c("male_value") is null ? "—" : $"{Html.Format(c("female_value"))}/{Html.Format(c("male_value"))}"),
        ("性别比(女/男)", c => Ratio(c("female_male_ratio"))),
    ];

    /// <summary>T1: every target series (city and districts) with the numbers as numbers, for the workbook.</summary>
    public static readonly IReadOnlyList<(string Column, string Header)> AttainmentColumns =
    [
        ("plan_zh", "规划"), ("domain_zh", "领域"), ("indicator_name", "指标"), ("unit_of_measure", "单位"), ("area_name", "地区"),
        ("sex", "性别"), ("baseline_year", "基期年"), ("baseline_value", "基期值"), ("midterm_year", "中期年"), ("midterm_value", "中期值"),
        ("final_year", "终期年"), ("final_value", "终期值"), ("comparator", "比较"), ("target_value", "目标值"), ("deadline_year", "目标年"),
        ("gap_to_target", "差距"), ("verdict", "终期评价"), ("shown_status", "显示状态"), ("lead_units_current", $"{RoleVocabulary.LeadUnits}(现)"),
    ];

    public static PackSection Background(PackContext context, string number)
    {
        var title = $"{number}、{BackgroundTitle}";
        var bg = context.Tables.Background;
        var html = new Html().Raw("<section class=\"page\" id=\"background\">").Element("h2", title);
        html.Element("p", $"本评估对照{context.NoticeTitle}(评估期{context.Options?.Period}年)所列重点工作与相关监测指标,"
            + $"评估截至{context.AsOfYear}年的完成情况。");
        var sheets = new List<SheetTable>();
        if (bg.Data.Rows.Count == 0)
        {
            html.Element("p", "数据仓库中尚无分性别的常住人口或户籍人口数据,本报告暂不列出人口背景;载入后将在此列出全市分性别人口及性别比。");
        }
        else
        {
            var years = bg.Data.Rows.GroupBy(r => (Name: Cells.Text(r[bg.Column("indicator_name")]), Year: Cells.Count(r[bg.Column("year")])))
                .Select(g =>
                {
                    double? V(string sex) => g.Where(r => Cells.Text(r[bg.Column("sex")]) == sex).Select(r => (double?)Cells.Number(r[bg.Column("value")])).FirstOrDefault();
                    var (f, m) = (V("F"), V("M"));
                    return new object?[] { g.Key.Name, g.Key.Year, V("T"), f, m, f is { } ff && m is { } mm && ff != 0 ? Math.Round(100 * mm / ff, 1) : null };
                }).ToList();
            var sheet = new SheetTable("人口背景", ["指标", "年份", "合计", "女", "男", "性别比(女=100)"], years);
            TableView.Render(html, sheet, "全市分性别人口");
            sheets.Add(sheet);
        }
        html.Raw("</section>");
        return new PackSection("background", title, html.ToString(), sheets);
    }

    public static PackSection ByDomain(PackContext context, string number)
    {
        var title = $"{number}、{DomainTitle}";
        var a = context.Tables.Attainment;
        var rates = context.Tables.AttainmentRate;
        var html = new Html().Raw("<section class=\"page\" id=\"domains\">").Element("h2", title);
        html.Element("p", "按妇女、儿童两个规划及其领域,列出全市层面每项目标的基期值、中期值、终期值与目标值及评价;"
            + "分性别监测的指标同时给出女性、男性数值及性别比(女/男)。区县明细见附表T1。");
        var city = TableView.Where(a, "is_city", true).ToList();
        var groups = city.GroupBy(r => (Plan: Cells.Text(r[a.Column("plan_zh")]), Domain: Cells.Text(r[a.Column("domain_zh")])));
        foreach (var plan in groups.GroupBy(g => g.Key.Plan))
        {
            html.Element("h3", $"{plan.Key}规划");
            foreach (var domain in plan)
            {
                var rate = rates.Data.Rows.FirstOrDefault(r => Cells.Text(r[rates.Column("breakdown")]) == "domain"
                    && Cells.Text(r[rates.Column("plan_zh")]) == plan.Key && Cells.Text(r[rates.Column("domain_zh")]) == domain.Key.Domain);
                var caption = rate is null ? domain.Key.Domain
                    : $"{domain.Key.Domain}:{Cells.Count(rate[rates.Column("targets")])}项目标,达标率{SummarySection.Rate(rate[rates.Column("attainment_rate")])}";
                TableView.Render(html, TableView.Compose(domain.Key.Domain, a, DomainColumns, domain), caption);
            }
        }
        html.Raw("</section>");
        var t1 = TableView.Select("T1 指标达标情况", a, AttainmentColumns);
        return new PackSection("domains", title, html.ToString(), [t1]);
    }

    /// <summary>A female/male ratio with two decimals ("—" when there is none).</summary>
    public static string Ratio(object? ratio) => ratio is null ? "—" : Cells.Number(ratio).ToString("0.00", CultureInfo.InvariantCulture);
}
