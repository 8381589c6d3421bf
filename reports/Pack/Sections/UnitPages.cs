using System.Text;
using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>One page per unit: its tasks with its own progress, and the at-risk indicators of the tasks it leads.</summary>
public static class UnitPages
{
    private static readonly IReadOnlyList<(string Column, string Header)> TaskColumns =
    [
        ("task_no", "任务"), ("role_zh", "角色"), ("task_text", "任务内容"), ("progress_year", "报告年份"), ("progress_status", "进展"),
        ("progress_source", "来源"),
    ];

    /// <summary>A unit's page body (a section), used both in index.html and as units/&lt;unit&gt;.html.</summary>
    public sealed record UnitPage(string UnitName, string FileName, string Body);

    public static IReadOnlyList<UnitPage> Build(PackContext context)
    {
        var tasks = context.Tables.UnitTasks;
        var warnings = context.Tables.EarlyWarning;
        var roleColumn = tasks.Column("role");
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var pages = new List<UnitPage>();
        foreach (var unit in tasks.Data.Rows.GroupBy(r => Cells.Text(r[tasks.Column("unit_name")])))
        {
            var first = unit.First();
            var rows = unit.Select(r => r.Append(Cells.Text(r[roleColumn]) == "lead" ? "牵头" : "责任").ToArray()).ToList();
            var withRole = new ReportTable(tasks.Name, tasks.Source,
                new Warehouse.Query.QueryResult([.. tasks.Data.Columns, "role_zh"], rows));
            var taskTable = TableView.Select("单位任务", withRole, TaskColumns);
            var led = unit.Where(r => Cells.Text(r[roleColumn]) == "lead").Select(r => Cells.Count(r[tasks.Column("task_no")])).ToHashSet();
            var risks = warnings.Data.Rows.Where(r => r[warnings.Column("task_no")] is { } t && led.Contains(Cells.Count(t))).ToList();

            var html = new Html().Raw("<section class=\"page unit\">").Element("h2", unit.Key);
            var fullName = Cells.Text(first[tasks.Column("full_name")]);
            if (fullName.Length > 0) html.Element("p", fullName, "subtitle");
            if (Cells.Flag(first[tasks.Column("is_collective")])) html.Element("p", "集体单位:由多个区县或成员单位共同承担,本页汇总其任务。", "note");
            html.Element("p", $"牵头任务{led.Count}项,参与(责任)任务{unit.Count() - led.Count}项。");
            // The page is sent to the unit on its own, so it says itself when it still shows generated reports.
            var synthetic = unit.Count(r => Cells.Text(r[tasks.Column("progress_source")]) == PackFormat.SyntheticLabel);
            if (synthetic > 0) html.Element("div", $"本页{synthetic}项任务进展为合成示例数据(来源“{PackFormat.SyntheticLabel}”),不代表本单位实际报送情况。", "banner");
            TableView.Render(html, taskTable, "任务与本单位最新进展");
            if (risks.Count > 0)
            {
                TableView.Render(html, TableView.Compose("预警", warnings, EarlyWarningSection.Columns, risks), "本单位牵头任务中需预警的指标");
            }
            else if (led.Count > 0)
            {
                html.Element("p", "本单位牵头任务的关联指标暂无预警。");
            }
            html.Raw("</section>");
            pages.Add(new UnitPage(unit.Key, UniqueFileName(unit.Key, usedNames), html.ToString()));
        }
        return pages;
    }

    /// <summary>A safe file name for a unit: letters, digits and CJK kept, anything else (slashes, dots, controls) replaced.</summary>
    /// <remarks>Unit names are data: "../x" or "a/b" must not escape the units/ folder.</remarks>
    public static string UniqueFileName(string unitName, HashSet<string> used)
    {
        var safe = new StringBuilder();
        foreach (var ch in unitName) safe.Append(char.IsLetterOrDigit(ch) ? ch : '_');
        var stem = safe.Length == 0 ? "unit" : safe.ToString();
        if (stem.Length > 60) stem = stem[..60];
        var candidate = stem;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{stem}_{i}";
        return candidate + ".html";
    }
}
