using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>与全省、全国比较: published national, Shaanxi and Xi'an values side by side, each with its source, beside the
/// warehouse's own city value for the same year (named synthetic when it is). Only published values are compared.</summary>
public static class ComparisonSection
{
    public const string Title = "与全省、全国比较";

    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> Columns =
    [
        ("指标", c => $"{c("indicator_name")}{(Cells.Text(c("sex")) == "T" ? "" : $"({PackFormat.Sex(c("sex"))})")}"),
        ("单位", c => c("unit_of_measure")),
        ("年份", c => c("year")),
        ("西安市(本评估数据)", c => c("city_warehouse_value")),
        ("西安市(公布值)", c => c("city_published_value")),
        ("陕西省", c => c("province_value")),
        ("全国", c => c("nation_value")),
        ("来源", c => Sources(c)),
    ];

    public static PackSection Build(PackContext context, string number)
    {
        var title = $"{number}、{Title}";
        var table = TableView.Compose("T4 与全省全国比较", context.Tables.Comparison, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"comparison\">").Element("h2", title);
        html.Element("p", "下表只列公开发布的全国、陕西省和西安市数值,每个数值注明出处;“西安市(本评估数据)”为本评估所用数据同年的数值"
            + (context.IsSynthetic ? $",其中标为{PackFormat.SyntheticLabel}的不是实际统计结果,不宜与公布值直接比较。" : "。"));
        if (table.Rows.Count == 0) html.Element("p", "数据仓库中尚无公开发布的全国、陕西省或西安市参考值,暂不作比较。");
        else TableView.Render(html, table, "附表T4 西安市与陕西省、全国比较");
        html.Raw("</section>");
        return new PackSection("comparison", title, html.ToString(), [table]);
    }

    /// <summary>Each published value's source (title and address), and where the city's own value comes from.</summary>
    private static string Sources(Func<string, object?> c)
    {
        var lines = new List<string>();
        foreach (var (level, prefix) in new[] { ("city", "西安市"), ("province", "陕西省"), ("nation", "全国") })
        {
            if (c($"{level}_source_title") is { } t) lines.Add($"{prefix}:{t} {c($"{level}_source_url")}");
        }
        if (c("city_warehouse_value") is not null) lines.Add($"本评估数据:{PackFormat.Source(c("city_warehouse_source"), null)}");
        return string.Join("\n", lines);
    }
}
