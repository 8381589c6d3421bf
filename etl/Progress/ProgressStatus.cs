namespace Wcc.Etl.Progress;

/// <summary>The statuses of a task's yearly progress report, as fact_task_progress accepts them (its accepted_values)
/// and as forms offer them: defined once for the synthetic reports, the forms, the intake and the ledgers.</summary>
public static class ProgressStatus
{
    public const string NotStarted = "未启动";
    public const string InProgress = "推进中";
    public const string Completed = "已完成";
    public const string Lagging = "滞后";

    /// <summary>Every status, in the order forms list them.</summary>
    public static readonly IReadOnlyList<string> All = [NotStarted, InProgress, Completed, Lagging];
}
