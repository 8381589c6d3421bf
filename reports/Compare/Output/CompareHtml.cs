using System.Globalization;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Matching;
using Wcc.Reports.Pack;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Compare.Output;

/// <summary>The comparison as one Chinese HTML page (the pack's stylesheet and escaping builder; chart inline as PNG).</summary>
public static class CompareHtml
{
    /// <summary>File name of the page in the output folder.</summary>
    public const string FileName = "index.html";

    /// <summary>What the page says on top when either notice (or its targets) is synthetic.</summary>
    public const string SyntheticNotice = "本对比含合成示例数据(由规划模拟生成的草案或合成监测数据),不代表西安市实际工作安排";

    /// <summary>The page; every piece of data is escaped by <see cref="Html"/>.</summary>
    public static string Render(CycleComparisonResult result, IReadOnlyList<ReportTable> tables, ChartSpec chart, byte[] chartPng)
    {
        var (from, to) = (result.From, result.To);
        var synthetic = from.IsSynthetic || to.IsSynthetic;
        QueryResult Table(string name) => tables.Single(t => t.Name == name).Data;
        var title = $"周期对比:{from.PeriodLabel} → {to.PeriodLabel}";

        var head = new Html().Raw("<section>").Element("h1", title);
        if (synthetic) head.Element("div", SyntheticNotice + "。", "banner");
        head.Raw("<p>").Text($"前一周期:{from.Title}({from.Tasks.Count}项任务);后一周期:{to.Title}({to.Tasks.Count}项任务)。").Raw("</p>");
        head.Raw("<div class=\"kpis\">");
        Kpi(head, TaskChange.Label(TaskChange.Kept), result.Matched.Count - result.Reassigned.Count);
        Kpi(head, TaskChange.Label(TaskChange.Reassigned), result.Reassigned.Count);
        Kpi(head, "新增任务", result.Added.Count);
        Kpi(head, "删除任务", result.Dropped.Count);
        Kpi(head, "目标" + TargetChange.Label(TargetChange.Raised), result.CountTargets(TargetChange.Raised));
        Kpi(head, "目标" + TargetChange.Label(TargetChange.Lowered), result.CountTargets(TargetChange.Lowered));
        head.Raw("</div>");
        head.Element("p", Method(result), "note");
        head.Raw("</section>");

        var sections = new List<PackSection> { new("top", title, head.ToString(), []) };
        void Section(string id, string heading, string? note, QueryResult data, int[] columns, string empty)
        {
            var html = new Html().Raw($"<section id=\"{id}\">").Element("h2", heading);
            if (note is not null) html.Element("p", note, "note");
            if (data.Rows.Count == 0) html.Element("p", empty);
            else html.Table(columns.Select(i => data.Columns[i]).ToList(), data.Rows.Select(r => columns.Select(i => r[i]).ToList()));
            sections.Add(new PackSection(id, heading, html.Raw("</section>").ToString(), []));
        }
        Section("reassigned", $"调整{RoleVocabulary.LeadUnits}的任务", "机构改革更名的单位按现名比较,只更名的不算调整。", Table("reassigned"), [0, 1, 2, 3, 4, 5], $"没有任务调整{RoleVocabulary.LeadUnits}。");
        Section("added", "新增任务", null, Table("added"), [0, 1, 2, 3, 4, 5], "没有新增任务。");
        Section("dropped", "删除任务", null, Table("dropped"), [0, 1, 2, 3, 4, 5], "没有删除的任务。");
        Section("targets", "量化目标的变化",
            "“提高”指要求更高:越高越好的指标目标值上调,越低越好的指标目标值下调;目标年份随周期顺延,不计为变化。",
            Table("targets"), [0, 1, 2, 3, 4, 7, 8], "两个周期都没有量化目标。");

        var figure = new Html().Raw("<section id=\"workload\">").Element("h2", "各单位工作量变化")
            .Raw("<figure><img alt=\"").Text(chart.Caption.Title).Raw("\" src=\"data:image/png;base64,")
            .Raw(Convert.ToBase64String(chartPng)).Raw("\"><figcaption>").Text(chart.Caption.ToText()).Raw("</figcaption></figure>");
        var shift = Table("workload_shift");
        var changeColumn = shift.Columns.ToList().IndexOf("指数变化");
        var moved = shift.Rows.Where(r => Cells.Number(r[changeColumn]) != 0).ToList();
        if (moved.Count > 0) figure.Table(new[] { 0, 2, 3, 4, 5, 6, 7, 8 }.Select(i => shift.Columns[i]).ToList(), moved.Select(r => new[] { 0, 2, 3, 4, 5, 6, 7, 8 }.Select(i => r[i]).ToList()));
        sections.Add(new PackSection("workload", "各单位工作量变化", figure.Raw("</section>").ToString(), []));

        Section("matches", "任务对应关系", $"按任务文字相似度配对(同一章的配对略加权),匹配置信度不低于{Percent(TaskMatcher.MatchThreshold)}才视为同一任务。",
            Table("matches"), [0, 1, 6, 7, 9, 10, 14], "两个周期没有可对应的任务。");
        return PackDocument.Page(title, sections, tableOfContents: false, runningNotice: synthetic ? SyntheticNotice : null);
    }

    private static void Kpi(Html html, string label, int value) =>
        html.Raw("<div class=\"kpi\"><b>").Text(value.ToString(CultureInfo.InvariantCulture)).Raw("</b>").Text(label).Raw("</div>");

    private static string Method(CycleComparisonResult result)
    {
        // Only the renames that touch these two notices, not every rename the warehouse knows.
        var named = result.From.Tasks.Concat(result.To.Tasks).SelectMany(t => t.Lead.Concat(t.Responsible)).ToHashSet(StringComparer.Ordinal);
        var renames = result.Renames.Successors.Where(r => named.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key}→{r.Value}").ToList();
        var text = "任务按文字相似度(字符二元组重合度)一一配对,同一章内的配对略加权;"
            + $"匹配置信度低于{Percent(TaskMatcher.MatchThreshold)}的不视为同一任务。";
        text += renames.Count == 0 ? "未涉及单位更名。" : $"单位按后一周期的名称比较(机构改革更名:{string.Join("、", renames)})。";
        return text;
    }

    private static string Percent(double v) => v.ToString("0%", CultureInfo.InvariantCulture);
}
