using System.Text;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>One self-assessment draft (自评稿) per current unit: addressed to the unit that holds the duties in the as-of
/// year (the successor after the 2019 reform, e.g. 市卫健委 for 市卫计委), naming the predecessors whose tasks it inherited;
/// the tasks it leads and shares, the city targets it answers for with their verdicts, its progress reports, its warnings.</summary>
public static class UnitPages
{
    /// <summary>A unit's page body (a section), used both in index.html and as units/&lt;unit&gt;.html and .pdf.</summary>
    /// <param name="Predecessors">Units whose duties this unit took over (empty when none), in name order.</param>
    public sealed record UnitPage(string UnitName, string FileName, string Body, IReadOnlyList<string> Predecessors)
    {
        /// <summary>The page's PDF file name (same stem as <see cref="FileName"/>).</summary>
        public string PdfFileName => Path.ChangeExtension(FileName, ".pdf");
    }

    /// <summary>One task of a unit's page, after the tasks of its predecessors were merged into it.</summary>
    private sealed record UnitTask(int TaskNo, bool IsLead, string AssignedTo, string Text, object? ProgressYear, string Status, string Narrative, string Source);

    public static IReadOnlyList<UnitPage> Build(PackContext context)
    {
        var pages = context.Pages ?? throw new InvalidOperationException("the unit pages need the page tables (PackContext.Pages)");
        var tasks = context.Tables.UnitTasks;
        string Col(object?[] r, string c) => Cells.Text(r[tasks.Column(c)]);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<UnitPage>();
        // Pages go to the unit holding the duties in the as-of year: an abolished unit's rows are filed under its successor.
        foreach (var unit in tasks.Data.Rows.GroupBy(r => pages.CurrentOf(Col(r, "unit_name"))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var predecessors = unit.Select(r => Col(r, "unit_name")).Where(n => n != unit.Key).Distinct().Order(StringComparer.Ordinal).ToList();
            var unitTasks = unit
                .GroupBy(r => Cells.Count(r[tasks.Column("task_no")]))
                .Select(g =>
                {
                    // the same task may be assigned to a unit and its predecessor: lead wins, the latest report wins
                    var lead = g.Any(r => Col(r, "role") == RoleVocabulary.Codes.Lead);
                    var latest = g.OrderByDescending(r => Cells.Count(r[tasks.Column("progress_year")])).First();
                    var assigned = string.Join("、", g.Select(r => Col(r, "unit_name")).Distinct());
                    return new UnitTask(g.Key, lead, assigned, Col(latest, "task_text"), latest[tasks.Column("progress_year")],
                        Col(latest, "progress_status"), Col(latest, "narrative"), Col(latest, "progress_source"));
                })
                .OrderBy(t => t.TaskNo).ToList();
            var body = Page(context, pages, unit.Key, unit.ToList(), predecessors, unitTasks);
            result.Add(new UnitPage(unit.Key, UniqueFileName(unit.Key, usedNames), body, predecessors));
        }
        return result;
    }

    private static string Page(PackContext context, PageTables pages, string unitName, List<object?[]> rows, List<string> predecessors, List<UnitTask> unitTasks)
    {
        var current = pages.UnitCurrent;
        var currentRow = current.Data.Rows.FirstOrDefault(r => Cells.Text(r[current.Column("unit_name")]) == unitName);
        var tasks = context.Tables.UnitTasks;
        var ownRow = rows.FirstOrDefault(r => Cells.Text(r[tasks.Column("unit_name")]) == unitName);
        var fullName = currentRow is not null ? Cells.Text(currentRow[current.Column("current_full_name")])
            : ownRow is not null ? Cells.Text(ownRow[tasks.Column("full_name")]) : "";
        var addressee = fullName.Length > 0 ? fullName : unitName;
        var period = context.Options.Period;

        var html = new Html().Raw("<section class=\"page unit\">")
            .Element("h2", $"{unitName} {period}年妇女儿童重点工作自评报告(初稿)")
            .Element("p", $"致:{addressee}", "addressee")
            .Element("p", $"本初稿由市妇儿工委办公室根据{period}年重点工作责任分工、各单位进展报告和指标监测数据整理(数据截至{context.AsOfYear}年),"
                + "请贵单位核实各项内容,补充工作成效、存在问题和下一步打算后报送。", "note");
        if (rows.Any(r => Cells.Flag(r[tasks.Column("is_collective")])))
        {
            html.Element("p", "集体单位:由多个区县或成员单位共同承担,本页汇总其任务。", "note");
        }
        foreach (var predecessor in predecessors) html.Element("p", InheritanceSentence(pages, predecessor, unitName), "inherited");

        var led = unitTasks.Where(t => t.IsLead).ToList();
        var indicators = UnitIndicatorRows(pages, unitName);
        var verdicts = indicators.Select(r => PageVerdict.Of(r[pages.UnitIndicators.Column("status")])).ToList();
        html.Element("p", $"{RoleVocabulary.LeadLabel}任务{led.Count}项,参与({RoleVocabulary.ResponsibleLabel})任务{unitTasks.Count - led.Count}项;"
            + (indicators.Count == 0 ? "无关联的全市指标目标。" : $"关联全市目标{indicators.Count}项:" + string.Join(",", verdicts.GroupBy(v => v).OrderBy(g => PageVerdict.Rank(g.Key)).Select(g => $"{g.Key}{g.Count()}项")) + "。"));
        // The page is sent to the unit on its own, so it says itself when it still shows generated reports.
        var synthetic = unitTasks.Count(t => t.Source == PackFormat.SyntheticLabel);
        if (synthetic > 0) html.Element("div", $"本页{synthetic}项任务进展为合成示例数据(来源“{PackFormat.SyntheticLabel}”),不代表本单位实际报送情况。", "banner");

        html.Element("h3", "一、承担的任务与最新进展");
        var taskHeaders = new List<string> { "任务", "角色", "任务内容", "最新进展", "来源" };
        var taskRows = unitTasks.Select(t => (IReadOnlyList<PageHtml.Cell>)
        [
            PageHtml.Cell.Number(t.TaskNo.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PageHtml.Cell.Label(RoleVocabulary.Label(t.IsLead ? RoleVocabulary.Codes.Lead : RoleVocabulary.Codes.Responsible) + (t.AssignedTo == unitName ? "" : $"\n(原{t.AssignedTo})")),
            PageHtml.Cell.Plain(t.Text),
            PageHtml.Cell.Label(t.Status.Length == 0 ? "未报送" : $"{t.Status}\n({Html.Format(t.ProgressYear)}年)"),
            PageHtml.Cell.Plain(t.Source.Length == 0 ? "—" : t.Source),
        ]).ToList();
        PageHtml.Table(html, taskHeaders, taskRows, "unit-tasks");

        html.Element("h3", "二、关联指标及达成情况");
        if (indicators.Count == 0)
        {
            html.Element("p", $"本单位{RoleVocabulary.LeadLabel}的任务没有可量化的全市指标目标,本单位也不负责报送监测指标。");
        }
        else
        {
            html.Element("p", $"判定依据为截至{context.AsOfYear}年的监测数据和到期预测;“依据”说明本单位为何对该目标负责。", "note");
            PageHtml.Table(html, ["指标", "性别", "目标", "最新值", "判定", "依据"], indicators.Select(r => IndicatorCells(pages.UnitIndicators, r)).ToList(), "unit-indicators");
        }

        html.Element("h3", "三、进展报告");
        var reported = unitTasks.Where(t => t.Narrative.Length > 0).ToList();
        if (reported.Count == 0) html.Element("p", "尚无本单位的进展报告。");
        else
        {
            html.Raw("<dl class=\"reports\">");
            foreach (var t in reported)
            {
                html.Element("dt", $"任务{t.TaskNo}({t.Status},{Html.Format(t.ProgressYear)}年,{t.Source})").Element("dd", t.Narrative);
            }
            html.Raw("</dl>");
        }

        html.Element("h3", "四、需预警的指标");
        var risks = indicators.Where(r => Cells.Flag(r[pages.UnitIndicators.Column("is_lead")])
            && PageVerdict.IsAtRisk(PageVerdict.Of(r[pages.UnitIndicators.Column("status")]))).ToList();
        if (risks.Count == 0) html.Element("p", led.Count > 0 ? $"本单位{RoleVocabulary.LeadLabel}任务的关联指标暂无预警。" : $"本单位未{RoleVocabulary.LeadLabel}任务,无预警指标。");
        else
        {
            var ui = pages.UnitIndicators;
            PageHtml.Table(html, ["指标", "判定", "原因与所需进度"], risks.Select(r => (IReadOnlyList<PageHtml.Cell>)
            [
                PageHtml.Cell.Plain($"{Cells.Text(r[ui.Column("indicator_name")])}({PackFormat.Sex(r[ui.Column("sex")])})"),
                PageHtml.Cell.Verdict(PageVerdict.Of(r[ui.Column("status")])),
                PageHtml.Cell.Plain(Cells.Text(r[ui.Column("reason")])),
            ]).ToList(), "unit-warnings");
        }

        html.Element("h3", "五、自评意见(由本单位填写)");
        html.Raw("<div class=\"fill-in\">").Element("p", "工作成效:").Element("p", "存在问题:").Element("p", "下一步打算:")
            .Element("p", "填报人:            联系电话:            单位(盖章):            日期:").Raw("</div>");
        html.Raw("</section>");
        return html.ToString();
    }

    /// <summary>"2019年起,本单位承接原市卫计委(西安市卫生和计划生育委员会)的职责:……" from the seeds' dates and note.</summary>
    private static string InheritanceSentence(PageTables pages, string predecessor, string unitName)
    {
        var t = pages.UnitCurrent;
        var row = t.Data.Rows.FirstOrDefault(r => Cells.Text(r[t.Column("unit_name")]) == predecessor);
        var since = row?[t.Column("unit_valid_to")] is { } lastYear ? $"{Cells.Count(lastYear) + 1}年起," : "";
        var note = row is null ? "" : Cells.Text(row[t.Column("unit_note")]);
        return $"{since}本单位承接原{predecessor}的职责,通知中分工给原{predecessor}的任务列入本页(标注“原{predecessor}”)"
            + (note.Length > 0 ? $"。机构沿革:{note}。" : "。");
    }

    private static List<object?[]> UnitIndicatorRows(PageTables pages, string unitName)
    {
        var t = pages.UnitIndicators;
        return t.Data.Rows.Where(r => Cells.Text(r[t.Column("unit_name")]) == unitName).ToList();
    }

    private static IReadOnlyList<PageHtml.Cell> IndicatorCells(ReportTable t, object?[] r)
    {
        var basis = (Cells.Flag(r[t.Column("is_lead")]), Cells.Flag(r[t.Column("is_reporting")])) switch
        {
            (true, true) => $"{RoleVocabulary.LeadLabel}任务{Cells.Text(r[t.Column("task_no")])};报送单位",
            (true, false) => $"{RoleVocabulary.LeadLabel}任务{Cells.Text(r[t.Column("task_no")])}",
            _ => "报送单位",
        };
        var latest = r[t.Column("latest_value")] is null ? "—"
            : $"{PackFormat.WithUnit(r[t.Column("latest_value")], r[t.Column("unit_of_measure")])}\n({Cells.Text(r[t.Column("latest_year")])}年)";
        return
        [
            PageHtml.Cell.Plain(Cells.Text(r[t.Column("indicator_name")])),
            PageHtml.Cell.Plain(PackFormat.Sex(r[t.Column("sex")])),
            PageHtml.Cell.Number($"{PackFormat.Comparator(r[t.Column("comparator")])}{PackFormat.WithUnit(r[t.Column("target_value")], r[t.Column("unit_of_measure")])}\n({Cells.Text(r[t.Column("deadline_year")])}年)"),
            PageHtml.Cell.Number(latest),
            PageHtml.Cell.Verdict(PageVerdict.Of(r[t.Column("status")])),
            PageHtml.Cell.Plain(basis),
        ];
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
