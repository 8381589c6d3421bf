using Wcc.Reports.Common;
using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The summary: targets by status overall and by chapter, and the top risks with the lead unit accountable.</summary>
public static class SummarySection
{
    public const string Title = "总体情况";

    /// <summary>How many risks the summary names; the early-warning section lists them all.</summary>
    public const int TopRisks = 8;

    public static PackSection Build(PackContext context)
    {
        var t = context.Tables;
        var html = new Html().Raw("<section class=\"page\" id=\"summary\">").Element("h2", $"一、{Title}");
        var cityRows = TableView.Where(t.IndicatorStatus, "is_city", true).ToList();
        var statusColumn = t.IndicatorStatus.Column("status");
        html.Element("p", $"全市层面共监测 {cityRows.Count} 项有目标值的指标序列(截至{context.AsOfYear}年,预测方法:{MethodNames.Chinese(context.DefaultMethod)})。");
        html.Raw("<div class=\"kpis\">");
        foreach (var (label, css, _) in PackStatus.All)
        {
            var n = cityRows.Count(r => Cells.Text(r[statusColumn]) == label);
            html.Raw($"<div class=\"kpi {css}\"><b>{n}</b>").Text(label).Raw("</div>");
        }
        html.Raw("</div>");

        var byChapter = ByChapter(t.StatusByChapter);
        TableView.Render(html, byChapter, "按章节统计的全市目标状态");

        var risks = TableView.Compose("主要风险", t.EarlyWarning, EarlyWarningSection.Columns,
            t.EarlyWarning.Data.Rows.Where(r => Cells.Flag(r[t.EarlyWarning.Column("is_city")])).Take(TopRisks));
        html.Element("h3", "主要风险(全市层面)");
        if (risks.Rows.Count == 0) html.Element("p", "全市层面暂无需加快或难以达成的目标。");
        else TableView.Render(html, risks);
        html.Raw("</section>");
        return new PackSection("summary", $"一、{Title}", html.ToString(), [byChapter, risks]);
    }

    /// <summary>Chapters as rows and the five statuses as columns.</summary>
    private static SheetTable ByChapter(ReportTable table)
    {
        var rows = table.Data.Rows
            .GroupBy(r => (No: r[table.Column("chapter_no")], Title: Cells.Text(r[table.Column("chapter_title")])))
            .Select(g => new object?[] { g.Key.No, g.Key.Title }
                .Concat(PackStatus.All.Select(s => (object?)g.Where(r => Cells.Text(r[table.Column("status")]) == s.Label).Sum(r => Cells.Count(r[table.Column("n")]))))
                .Concat([(object?)g.Sum(r => Cells.Count(r[table.Column("n")]))])
                .ToArray())
            .ToList();
        return new SheetTable("按章节目标状态", ["章", "章节", .. PackStatus.All.Select(s => s.Label), "合计"], rows);
    }
}
