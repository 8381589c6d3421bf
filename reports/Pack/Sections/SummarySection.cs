using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The summary: the headline verdict and 达标率 (overall, by plan, by domain), the statuses of the city's
/// targets, and the largest shortfalls with the unit accountable today.</summary>
public static class SummarySection
{
    public const string Title = "总体情况";

    /// <summary>How many shortfalls the summary names; the unmet / early-warning section lists them all.</summary>
    public const int TopRisks = 8;

    private static string L(string code) => StatusVocabulary.Get(code).Label;

    public static PackSection Build(PackContext context)
    {
        var t = context.Tables;
        var html = new Html().Raw("<section class=\"page\" id=\"summary\">").Element("h2", $"一、{Title}");
        html.Element("p", Headline(context), "headline");

        var cityRows = TableView.Where(t.Attainment, "is_city", true).ToList();
        var shown = t.Attainment.Column("shown_status");
        html.Raw("<div class=\"kpis\">");
        foreach (var term in StatusVocabulary.All.Where(term => cityRows.Any(r => Cells.Text(r[shown]) == term.Label)))
        {
            var n = cityRows.Count(r => Cells.Text(r[shown]) == term.Label);
            html.Raw($"<div class=\"kpi {Html.Escape(term.CssClass)}\"><b>{n}</b>").Text(term.Label).Raw("</div>");
        }
        html.Raw("</div>");

        var byPlan = RateTable("达标率(总体与分规划)", t.AttainmentRate, r => Cells.Text(r[t.AttainmentRate.Column("breakdown")]) != "domain");
        TableView.Render(html, byPlan, "达标率:总体与分规划(全市层面目标)");
        var byDomain = DomainRates(t.AttainmentRate);
        TableView.Render(html, byDomain, "达标率:分领域(附表T2)");

        var byChapter = ByChapter(t.StatusByChapter);
        TableView.Render(html, byChapter, "按重点工作章节统计的全市目标状态");

        var risks = TableView.Compose("主要差距", t.EarlyWarning, EarlyWarningSection.Columns,
            t.EarlyWarning.Data.Rows.Where(r => Cells.Flag(r[t.EarlyWarning.Column("is_city")])).Take(TopRisks));
        html.Element("h3", "主要差距(全市层面)");
        if (risks.Rows.Count == 0) html.Element("p", $"全市层面没有{L(StatusVocabulary.Codes.NotAttained)}、{L(StatusVocabulary.Codes.BasicallyAttained)}或需要预警的目标。");
        else TableView.Render(html, risks);
        html.Raw("</section>");
        return new PackSection("summary", $"一、{Title}", html.ToString(), [byPlan, byDomain, byChapter, risks]);
    }

    /// <summary>The headline: how many of the city's targets met, basically met, missed and lack data, and the 达标率.</summary>
    public static string Headline(PackContext context)
    {
        var rates = context.Tables.AttainmentRate;
        object?[]? Row(string breakdown, string plan) => rates.Data.Rows.FirstOrDefault(r =>
            Cells.Text(r[rates.Column("breakdown")]) == breakdown && Cells.Text(r[rates.Column("plan_zh")]) == plan);
        var overall = Row("overall", "合计");
        if (overall is null) return $"截至{context.AsOfYear}年,全市层面没有可评估的目标。";
        string C(object?[] r, string column) => Cells.Count(r[rates.Column(column)]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = $"截至{context.AsOfYear}年,全市层面{C(overall, "targets")}项目标中,{L(StatusVocabulary.Codes.Attained)}{C(overall, "attained")}项、"
            + $"{L(StatusVocabulary.Codes.BasicallyAttained)}{C(overall, "basically_attained")}项、{L(StatusVocabulary.Codes.NotAttained)}{C(overall, "not_attained")}项、"
            + $"{L(StatusVocabulary.Codes.NoData)}{C(overall, "no_data")}项,达标率{Rate(overall[rates.Column("attainment_rate")])}";
        var plans = rates.Data.Rows.Where(r => Cells.Text(r[rates.Column("breakdown")]) == "plan")
            .Select(r => $"{Cells.Text(r[rates.Column("plan_zh")])}规划{Rate(r[rates.Column("attainment_rate")])}({C(r, "attained")}/{C(r, "with_data")})")
            .ToList();
        if (plans.Count > 0) text += ";其中" + string.Join(",", plans);
        text += "。";
        var periodEnd = PeriodEnd(context.Options?.Period);
        if (periodEnd is { } end && context.AsOfYear < end)
        {
            text += $"目标期限为{end}年,尚未到期:以上为截至{context.AsOfYear}年最新数据对照目标的情况,各目标到期能否达成见预测状态。";
        }
        return text;
    }

    /// <summary>A rate in [0, 1] as a percentage with one decimal, "—" when there is none.</summary>
    public static string Rate(object? share) => share is null ? "—" : $"{100 * Cells.Number(share):0.0}%";

    private static int? PeriodEnd(string? period) =>
        period?.Split('-') is [_, var to] && int.TryParse(to, out var year) ? year : null;

    /// <summary>Verdict counts and 达标率 (as a number of percent, so the workbook can sort it) of the selected rows.</summary>
    private static SheetTable RateTable(string name, ReportTable rates, Func<object?[], bool> select, bool withDomain = false)
    {
        var rows = rates.Data.Rows.Where(select).Select(r =>
        {
            object? V(string c) => r[rates.Column(c)];
            var cells = new List<object?> { V("plan_zh") };
            if (withDomain) cells.Add(V("domain_zh"));
            cells.AddRange([V("targets"), V("attained"), V("basically_attained"), V("not_attained"), V("no_data"),
                V("attainment_rate") is { } share ? Math.Round(100 * Cells.Number(share), 1) : null]);
            return cells.ToArray();
        }).ToList();
        List<string> headers = withDomain ? ["规划", "领域"] : ["规划"];
        headers.AddRange(["目标数", L(StatusVocabulary.Codes.Attained), L(StatusVocabulary.Codes.BasicallyAttained),
            L(StatusVocabulary.Codes.NotAttained), L(StatusVocabulary.Codes.NoData), "达标率(%)"]);
        return new SheetTable(name, headers, rows);
    }

    /// <summary>T2: 达标率 by plan and domain.</summary>
    public static SheetTable DomainRates(ReportTable rates) =>
        RateTable("T2 分领域达标率", rates, r => Cells.Text(r[rates.Column("breakdown")]) == "domain", withDomain: true);

    /// <summary>Chapters as rows and the statuses shown as columns.</summary>
    private static SheetTable ByChapter(ReportTable table)
    {
        var labels = StatusVocabulary.All.Select(s => s.Label)
            .Where(l => table.Data.Rows.Any(r => Cells.Text(r[table.Column("status")]) == l)).ToList();
        var rows = table.Data.Rows
            .GroupBy(r => (No: r[table.Column("chapter_no")], Title: Cells.Text(r[table.Column("chapter_title")])))
            // chapter 0 holds the targets no task is linked to: no number to print
            .Select(g => new object?[] { Cells.Count(g.Key.No) == 0 ? null : g.Key.No, g.Key.Title }
                .Concat(labels.Select(l => (object?)g.Where(r => Cells.Text(r[table.Column("status")]) == l).Sum(r => Cells.Count(r[table.Column("n")]))))
                .Concat([(object?)g.Sum(r => Cells.Count(r[table.Column("n")]))])
                .ToArray())
            .ToList();
        return new SheetTable("按章节目标状态", ["章", "章节", .. labels, "合计"], rows);
    }
}
