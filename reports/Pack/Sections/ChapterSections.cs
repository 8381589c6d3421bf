using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>One section per chapter: each task with its units and progress, and the indicators linked to it with their status.</summary>
public static class ChapterSections
{
    /// <summary>Each linked target: final value against the target and the status shown (the verdict once the deadline
    /// has passed, the forecast before it, with its interval and probability only then).</summary>
    private static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> IndicatorColumns =
    [
        ("指标", c => c("indicator_name")),
        ("终期值", c => c("final_value") is null ? "—" : PackValue.Measured(c("final_value"), c("unit_of_measure"), c("final_year"))),
        ("女", c => PackValue.Number(c("female_value"))),
        ("男", c => PackValue.Number(c("male_value"))),
        ("目标", c => PackValue.Target(c("comparator"), c("target_value"), c("deadline_year"))),
        ("到期预测(80%区间)", c => Cells.Text(c("phase")) == "final" || c("projected_value") is null ? "—"
            : $"{Html.Format(c("projected_value"))}({Html.Format(c("lower"))}–{Html.Format(c("upper"))})"),
        ("达成概率", c => Cells.Text(c("phase")) == "final" || c("projected_value") is null ? "—" : PackValue.Probability(c("p_met"))),
        ("评价", c => c("shown_status")),
        ("数据来源", c => PackFormat.Source(c("latest_source"), c("latest_submitted_at"))),
    ];

    /// <summary>The chapters in order; <paramref name="firstNumber"/> is the Chinese section number of the first.</summary>
    public static IEnumerable<PackSection> Build(PackContext context, Func<int, string> sectionNumber, int firstIndex)
    {
        var tasks = context.Tables.Tasks;
        var status = context.Tables.Attainment;
        var chapters = tasks.Data.Rows
            .GroupBy(r => (No: Cells.Count(r[tasks.Column("chapter_no")]), Title: Cells.Text(r[tasks.Column("chapter_title")])))
            .OrderBy(g => g.Key.No)
            .ToList();
        var index = firstIndex;
        foreach (var chapter in chapters)
        {
            var id = $"chapter-{chapter.Key.No}";
            var title = $"{sectionNumber(index++)}、{chapter.Key.Title}";
            var html = new Html().Raw($"<section class=\"page\" id=\"{id}\">").Element("h2", title);
            var sheets = new List<SheetTable>();
            foreach (var task in chapter)
            {
                var no = Cells.Count(task[tasks.Column("task_no")]);
                html.Raw("<div class=\"task\">").Element("h3", $"任务{no}")
                    .Element("p", Cells.Text(task[tasks.Column("task_text")]))
                    .Raw("<p class=\"units\">").Text($"{RoleVocabulary.LeadUnits}:{Cells.Text(task[tasks.Column("lead_units")])}");
                var responsible = Cells.Text(task[tasks.Column("responsible_units")]);
                if (responsible.Length > 0) html.Text($";{RoleVocabulary.ResponsibleUnits}:{responsible}");
                html.Raw("</p>");
                var progress = task[tasks.Column("progress_status")] as string;
                if (progress is not null)
                {
                    html.Raw("<p class=\"units\">").Text($"{Cells.Count(task[tasks.Column("progress_year")])}年进展:{progress}"
                        + $"(报告单位{Cells.Count(task[tasks.Column("units_reporting")])}个,其中{string.Join("或", ProgressStatusVocabulary.BehindLabels)}{Cells.Count(task[tasks.Column("units_behind")])}个)").Raw("</p>");
                }
                var linked = TableView.Where(status, "task_no", no).Where(r => Cells.Flag(r[status.Column("is_city")])).ToList();
                if (linked.Count > 0)
                {
                    var sheet = TableView.Compose($"任务{no}指标", status, IndicatorColumns, linked);
                    TableView.Render(html, sheet, "关联指标(全市)");
                    sheets.Add(sheet);
                }
                html.Raw("</div>");
            }
            html.Raw("</section>");
            yield return new PackSection(id, title, html.ToString(), sheets.Count == 0 ? [] : [Merge($"第{chapter.Key.No}章指标", sheets)]);
        }
    }

    /// <summary>One workbook sheet per chapter: the tasks' indicator tables stacked, with the task number in front.</summary>
    private static SheetTable Merge(string name, List<SheetTable> perTask)
    {
        var rows = perTask.SelectMany(t => t.Rows.Select(r => new object?[] { t.Name.Replace("指标", "") }.Concat(r).ToArray())).ToList();
        return new SheetTable(name, ["任务", .. perTask[0].Columns], rows);
    }
}
