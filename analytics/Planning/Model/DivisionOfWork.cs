using Wcc.Analytics.Forecast.Model;
using Wcc.Notice;

namespace Wcc.Analytics.Planning.Model;

/// <summary>A unit in a draft task, with its 2018-2020 name when a rename applied.</summary>
public sealed record PlanUnitRole(string Name, string? PreviousName);

/// <summary>A rename applied to a scenario's division of work.</summary>
public sealed record AppliedRename(string UnitName, string SuccessorName, string Source);

/// <summary>One task of the draft notice: numbering, text with targets written in, units, and the targets the parser will read.</summary>
public sealed record PlanTaskDraft(
    int PlanTaskNo, int ChapterNo, string ChapterTitle, int? SourceTaskNo, string Text, string Change,
    IReadOnlyList<PlanUnitRole> Lead, IReadOnlyList<PlanUnitRole> Responsible, IReadOnlyList<TaskTarget> Targets);

/// <summary>Where a proposed target was written in the draft (null task: its unit has no phrase the parser reads).</summary>
public sealed record WrittenTarget(SeriesKey Series, int? PlanTaskNo, string? Phrase);

/// <summary>A scenario's proposed division of work and its draft notice content.</summary>
public sealed record DivisionOfWork(
    string ScenarioId, IReadOnlyList<PlanTaskDraft> Tasks, IReadOnlyList<AppliedRename> Renames, IReadOnlyList<WrittenTarget> WrittenTargets);
