using Wcc.Reports.Compare.Matching;
using Wcc.Reports.Compare.Model;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Compare;

/// <summary>What happened to a task from one cycle to the next.</summary>
public static class TaskChange
{
    /// <summary>Matched, same lead units once renames are followed.</summary>
    public const string Kept = "kept";

    /// <summary>Matched, but led by other units (not a rename).</summary>
    public const string Reassigned = "reassigned";

    /// <summary>Only in the later notice.</summary>
    public const string Added = "added";

    /// <summary>Only in the earlier notice.</summary>
    public const string Dropped = "dropped";

    /// <summary>The Chinese label of a change.</summary>
    public static string Label(string change) => change switch
    {
        Kept => "延续",
        Reassigned => "调整" + RoleVocabulary.LeadUnits,
        Added => "新增",
        Dropped => "删除",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a task change"),
    };
}

/// <summary>What happened to a quantified target, read in the indicator's direction (raised = more demanding).</summary>
public static class TargetChange
{
    /// <summary>More demanding: a higher value where higher is better, a lower one where lower is better.</summary>
    public const string Raised = "raised";

    /// <summary>Less demanding.</summary>
    public const string Lowered = "lowered";

    /// <summary>The same value (the deadline may have moved with the cycle).</summary>
    public const string CarriedOver = "carried_over";

    /// <summary>Only in the later notice.</summary>
    public const string New = "new";

    /// <summary>Only in the earlier notice.</summary>
    public const string Dropped = "dropped";

    /// <summary>Two values closer than this are the same target value (the parser reads 6万 as 60000 exactly; this only
    /// absorbs floating-point noise).</summary>
    public const double SameValueTolerance = 1e-9;

    /// <summary>The Chinese label of a change.</summary>
    public static string Label(string change) => change switch
    {
        Raised => "提高",
        Lowered => "降低",
        CarriedOver => "保持",
        New => "新增",
        Dropped => "删除",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a target change"),
    };
}

/// <summary>A matched task with its verdict and how its units moved.</summary>
/// <param name="FromLead">The earlier lead units under their names in the later cycle (renames followed).</param>
/// <param name="RenamedLeads">Earlier lead units that only changed name (市农林委→市农业农村局).</param>
public sealed record ComparedTask(
    TaskMatch Match, string Change, IReadOnlyList<string> FromLead, IReadOnlyList<string> ToLead,
    IReadOnlyList<string> RenamedLeads, IReadOnlyList<string> ResponsibleAdded, IReadOnlyList<string> ResponsibleRemoved);

/// <summary>One target compared: both sides for a matched target, one side for a new or dropped one.</summary>
/// <param name="IndicatorCode">The catalogue's indicator the target measures, when its name is in the text.</param>
/// <param name="Direction">higher or lower: from the indicator, else from the comparator (不少于 → higher); null when neither says.</param>
public sealed record ComparedTarget(
    string Change, SnapshotTask? FromTask, SnapshotTarget? From, SnapshotTask? ToTask, SnapshotTarget? To, string? IndicatorCode, string? Direction);

/// <summary>Two notices compared: tasks matched, added, dropped and reassigned; targets raised, lowered, kept, new and dropped.</summary>
public sealed record CycleComparisonResult(
    NoticeSnapshot From, NoticeSnapshot To, UnitRenames Renames,
    IReadOnlyList<ComparedTask> Matched, IReadOnlyList<SnapshotTask> Added, IReadOnlyList<SnapshotTask> Dropped,
    IReadOnlyList<ComparedTarget> Targets)
{
    /// <summary>Matched tasks whose lead units changed after renames.</summary>
    public IReadOnlyList<ComparedTask> Reassigned => Matched.Where(m => m.Change == TaskChange.Reassigned).ToList();

    /// <summary>Targets by change.</summary>
    public int CountTargets(string change) => Targets.Count(t => t.Change == change);
}

/// <summary>The comparison engine: pure, in memory, deterministic. Units are compared under the later cycle's names.</summary>
public static class CycleComparison
{
    /// <summary>Compares <paramref name="from"/> (the earlier cycle) with <paramref name="to"/>.</summary>
    public static CycleComparisonResult Compare(NoticeSnapshot from, NoticeSnapshot to, UnitRenames renames, IReadOnlyList<IndicatorRef> indicators)
    {
        var (matches, dropped, added) = TaskMatcher.Match(from, to);
        var compared = matches.Select(m => CompareTask(m, renames)).ToList();
        var targets = TargetComparison.Compare(compared.Select(c => c.Match).ToList(), from, to, indicators);
        return new CycleComparisonResult(from, to, renames, compared, added, dropped, targets);
    }

    private static ComparedTask CompareTask(TaskMatch match, UnitRenames renames)
    {
        var fromLead = renames.Current(match.From.Lead);
        var toLead = renames.Current(match.To.Lead);
        var renamed = match.From.Lead.Where(u => renames.Current(u) != u && toLead.Contains(renames.Current(u)))
            .Select(u => $"{u}→{renames.Current(u)}").ToList();
        var fromResponsible = renames.Current(match.From.Responsible);
        var toResponsible = renames.Current(match.To.Responsible);
        var change = fromLead.ToHashSet(StringComparer.Ordinal).SetEquals(toLead) ? TaskChange.Kept : TaskChange.Reassigned;
        return new ComparedTask(match, change, fromLead, toLead, renamed,
            toResponsible.Except(fromResponsible, StringComparer.Ordinal).ToList(),
            fromResponsible.Except(toResponsible, StringComparer.Ordinal).ToList());
    }
}
