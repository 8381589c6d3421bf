using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack;

/// <summary>The workbook's task sheet: every task of the notice with its chapter, lead and responsible units and its
/// latest reported progress, one row per task (the chapters of the page show the same, task by task).</summary>
public static class TaskSheet
{
    public const string Name = "任务清单";

    public static SheetTable Build(ReportTable tasks) =>
        TableView.Select(Name, tasks,
        [
            ("task_no", "任务编号"), ("chapter_no", "章"), ("chapter_title", "章节"), ("task_text", "任务内容"),
            ("lead_units", RoleVocabulary.LeadUnits), ("responsible_units", RoleVocabulary.ResponsibleUnits), ("progress_year", "进展年份"), ("progress_status", "进展状态"),
            ("units_reporting", "报告单位数"), ("units_behind", string.Join("或", ProgressStatusVocabulary.BehindLabels) + "单位数"), ("indicator_names", "关联指标"),
        ]);
}
