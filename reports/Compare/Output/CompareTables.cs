using System.Globalization;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Model;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Compare.Output;

/// <summary>The comparison as tables for people (Chinese headers): the same rows go to the CSVs and the HTML page.</summary>
public static class CompareTables
{
    /// <summary>Separator of unit names in one cell, as the notice writes them.</summary>
    public const string UnitSeparator = "、";

    /// <summary>Every table by its file name (matches, added, dropped, reassigned, targets, workload_shift), in that order.</summary>
    public static IReadOnlyList<ReportTable> All(CycleComparisonResult result, ReportTable workloadShift) =>
    [
        new("matches", "task matching", Matches(result)),
        new("added", "tasks only in the later notice", Tasks(result.Added)),
        new("dropped", "tasks only in the earlier notice", Tasks(result.Dropped)),
        new("reassigned", "matched tasks with another lead", Reassigned(result)),
        new("targets", "targets compared", Targets(result)),
        new("workload_shift", workloadShift.Source, Workload(workloadShift)),
    ];

    /// <summary>One row per matched task, in the later notice's order.</summary>
    public static QueryResult Matches(CycleComparisonResult result) => new(
        ["原任务序号", "新任务序号", "原章", "新章", "文本相似度", "同一章", "匹配置信度", "变化", "原" + RoleVocabulary.LeadUnits + "(按现名)",
         "新" + RoleVocabulary.LeadUnits, "更名", "新增" + RoleVocabulary.ResponsibleUnits, "不再列入的" + RoleVocabulary.ResponsibleUnits, "原任务内容", "新任务内容"],
        result.Matched.Select(m => new object?[]
        {
            m.Match.From.No, m.Match.To.No, m.Match.From.ChapterTitle, m.Match.To.ChapterTitle, Round(m.Match.Similarity), m.Match.SameChapter,
            Round(m.Match.Confidence), TaskChange.Label(m.Change), Join(m.FromLead), Join(m.ToLead), string.Join("；", m.RenamedLeads),
            Join(m.ResponsibleAdded), Join(m.ResponsibleRemoved), m.Match.From.Text, m.Match.To.Text,
        }).ToList());

    /// <summary>Tasks of one notice only (added or dropped), with their units and targets as written.</summary>
    public static QueryResult Tasks(IReadOnlyList<SnapshotTask> tasks) => new(
        ["任务序号", "章", "任务内容", RoleVocabulary.LeadUnits, RoleVocabulary.ResponsibleUnits, "目标"],
        tasks.Select(t => new object?[]
        {
            t.No, t.ChapterTitle, t.Text, Join(t.Lead), Join(t.Responsible), string.Join("；", t.Targets.Select(Target)),
        }).ToList());

    /// <summary>Matched tasks whose lead units changed once renames are followed.</summary>
    public static QueryResult Reassigned(CycleComparisonResult result) => new(
        ["原任务序号", "新任务序号", "匹配置信度", "原" + RoleVocabulary.LeadUnits + "(按现名)", "新" + RoleVocabulary.LeadUnits, "新任务内容"],
        result.Reassigned.Select(m => new object?[]
        {
            m.Match.From.No, m.Match.To.No, Round(m.Match.Confidence), Join(m.FromLead), Join(m.ToLead), m.Match.To.Text,
        }).ToList());

    /// <summary>One row per target of either notice: its change, both values and years.</summary>
    public static QueryResult Targets(CycleComparisonResult result) => new(
        ["变化", "指标", "方向", "原任务序号", "原目标", "原目标值", "原目标年份", "新任务序号", "新目标", "新目标值", "新目标年份", "计量单位"],
        result.Targets.Select(t => new object?[]
        {
            TargetChange.Label(t.Change), What((t.To ?? t.From)!), DirectionText(t.Direction),
            t.FromTask?.No, t.From is null ? null : Target(t.From), t.From?.Value, t.From?.Year,
            t.ToTask?.No, t.To is null ? null : Target(t.To), t.To?.Value, t.To?.Year, (t.To ?? t.From)!.Unit,
        }).ToList());

    private static string Lead => RoleVocabulary.LeadLabel;
    private static string Responsible => RoleVocabulary.ResponsibleLabel;

    /// <summary>The workload shift with Chinese headers; rows as the query orders them (departments first, heaviest later load first).</summary>
    public static QueryResult Workload(ReportTable shift) => new(
        ["单位", "集体单位", $"原{Lead}任务数", $"原{Responsible}任务数", "原工作量指数", $"新{Lead}任务数", $"新{Responsible}任务数", "新工作量指数", "指数变化", "变化率", "大幅增加"],
        shift.Data.Rows.Select(r => new object?[]
        {
            r[shift.Column("unit_name")], r[shift.Column("is_collective")],
            r[shift.Column("prior_tasks_led")], r[shift.Column("prior_tasks_responsible")], r[shift.Column("prior_index")],
            r[shift.Column("plan_tasks_led")], r[shift.Column("plan_tasks_responsible")], r[shift.Column("plan_index")],
            r[shift.Column("index_change")], r[shift.Column("index_change_ratio")], r[shift.Column("grows_sharply")],
        }).ToList());

    /// <summary>A target as people read it: 不少于60000人(2020年) from the phrase and its year.</summary>
    public static string Target(SnapshotTarget t) =>
        $"{t.Phrase}{(t.Note is null ? "" : $"[{t.Note}]")}{(t.Year is { } y ? $"({y.ToString(CultureInfo.InvariantCulture)}年)" : "")}";

    /// <summary>What a target measures, as the text says it; its phrase when the text names nothing before it.</summary>
    private static string What(SnapshotTarget t) => t.Subject.Length > 0 ? t.Subject : t.Phrase;

    private static string DirectionText(string? direction) => direction switch
    {
        "higher" => "越高越好",
        "lower" => "越低越好",
        _ => "未知",
    };

    private static string Join(IEnumerable<string> units) => string.Join(UnitSeparator, units);

    private static double Round(double v) => Math.Round(v, 3);
}
