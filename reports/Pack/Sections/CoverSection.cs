namespace Wcc.Reports.Pack.Sections;

/// <summary>The cover: title, period, as-of year, data sources, and a banner when the data are synthetic.</summary>
public static class CoverSection
{
    public const string Title = "封面";

    public static PackSection Build(PackContext context)
    {
        var html = new Html().Raw("<section class=\"cover\" id=\"cover\">")
            .Element("p", "西安市人民政府妇女儿童工作委员会", "subtitle")
            .Element("h1", $"{context.Options.Period}年妇女儿童重点工作终期评估报告")
            .Element("p", $"评估依据:《{context.NoticeTitle}》", "subtitle")
            .Element("p", $"数据截至:{context.AsOfYear}年", "subtitle");
        if (context.IsSynthetic)
        {
            html.Element("div", "本报告中的监测数据为合成示例数据,仅用于演示分析方法,不代表西安市实际统计结果。", "banner");
        }
        var sources = context.Tables.Sources;
        html.Element("h3", "数据来源");
        TableView.Render(html, TableView.Select("数据来源", sources, [("source", "来源"), ("observations", "观测值条数"), ("first_year", "起始年份"), ("last_year", "截止年份")]));
        html.Raw("</section>");
        return new PackSection("cover", Title, html.ToString(), []);
    }
}
