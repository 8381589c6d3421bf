using System.Text.Json.Serialization;

namespace Wcc.Analytics.Planning.Scenarios;

/// <summary>A scenario file as written (JSON or JSONC): proposed targets, task changes and unit renames; see docs/scenario-format.md.</summary>
public sealed record ScenarioDocument
{
    /// <summary>Free text for readers of the file (JSON has no comments; .jsonc files may also use // comments).</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>Stable id, stored as plan_scenario.scenario_id (letters, digits, - and _).</summary>
    public string? Id { get; init; }

    /// <summary>Name for people, in Chinese.</summary>
    public string? Name { get; init; }

    /// <summary>What the scenario assumes.</summary>
    public string? Description { get; init; }

    /// <summary>Proposed targets, one per indicator x area x sex.</summary>
    public List<TargetProposal> Targets { get; init; } = [];

    /// <summary>Changes to the 2018-2020 division of work.</summary>
    public TaskChanges Tasks { get; init; } = new();

    /// <summary>Explicit unit renames, applied after the dim_unit successors.</summary>
    public List<UnitRename> Renames { get; init; } = [];

    /// <summary>New units this scenario creates (a unit dim_unit does not list), which its tasks may then name.</summary>
    public List<NewUnit> Units { get; init; } = [];
}

/// <summary>A unit the scenario creates: its short name as the notice would write it, and its kind.</summary>
public sealed record NewUnit
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>Short name, e.g. 市托育服务指导中心.</summary>
    public string? Name { get; init; }

    /// <summary>One of the kinds units.csv accepts (government_department, party_organ, peoples_organisation, committee_office, collective).</summary>
    public string? Kind { get; init; }
}

/// <summary>A proposed target for one series, with an optional assumed change of pace.</summary>
public sealed record TargetProposal
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>dim_indicator.indicator_code.</summary>
    public string? Indicator { get; init; }

    /// <summary>dim_area.area_code; default the focus city (PlanContext.CityAreaCode).</summary>
    public string? Area { get; init; }

    /// <summary>dim_sex.sex; default: the sex of the indicator's current city target, else T.</summary>
    public string? Sex { get; init; }

    /// <summary>&gt;=, &lt;= or =; default from the indicator's direction.</summary>
    public string? Comparator { get; init; }

    /// <summary>Target level, within the indicator's bounds.</summary>
    public double? Target { get; init; }

    /// <summary>Year by which the target is to be met (after the as-of year, at most the horizon).</summary>
    public int? Deadline { get; init; }

    /// <summary>2018-2020 task number whose text carries the target; default the first surviving task of dim_indicator.task_nos.</summary>
    public int? Task { get; init; }

    /// <summary>Assumed change of pace (null: the historical trend).</summary>
    public PaceAssumption? Pace { get; init; }
}

/// <summary>An assumed change of pace from a year on: either added to the trend, or replacing its slope.</summary>
public sealed record PaceAssumption
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>First year the new pace applies (within the plan period).</summary>
    public int? From { get; init; }

    /// <summary>Change per year added to the historical trend (e.g. 0.5 points a year).</summary>
    public double? ExtraPerYear { get; init; }

    /// <summary>Change per year replacing the trend's slope from <see cref="From"/> on.</summary>
    public double? PerYear { get; init; }
}

/// <summary>Task changes: reassignments, dropped tasks, new tasks.</summary>
public sealed record TaskChanges
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>New lead and/or responsible units of existing tasks.</summary>
    public List<TaskReassignment> Reassign { get; init; } = [];

    /// <summary>2018-2020 task numbers not continued.</summary>
    public List<int> Drop { get; init; } = [];

    /// <summary>Tasks added to the plan.</summary>
    public List<NewTask> Add { get; init; } = [];
}

/// <summary>Replaces the lead and/or responsible units of a 2018-2020 task (a list left out stays as it was).</summary>
public sealed record TaskReassignment
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>dim_task.task_no.</summary>
    public int? Task { get; init; }

    /// <summary>New lead units (dim_unit names or rename targets).</summary>
    public List<string>? Lead { get; init; }

    /// <summary>New responsible units.</summary>
    public List<string>? Responsible { get; init; }
}

/// <summary>A task added to the plan, placed at the end of its chapter.</summary>
public sealed record NewTask
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>dim_chapter.chapter_no it belongs to.</summary>
    public int? Chapter { get; init; }

    /// <summary>Task text without number and unit clause.</summary>
    public string? Text { get; init; }

    /// <summary>Lead units.</summary>
    public List<string> Lead { get; init; } = [];

    /// <summary>Responsible units.</summary>
    public List<string> Responsible { get; init; } = [];
}

/// <summary>An explicit rename: every assignment of <see cref="From"/> goes to <see cref="To"/>.</summary>
public sealed record UnitRename
{
    /// <summary>Free text.</summary>
    [JsonPropertyName("_comment")] public string? Comment { get; init; }

    /// <summary>dim_unit.unit_name.</summary>
    public string? From { get; init; }

    /// <summary>The new name (may be a unit dim_unit does not list yet).</summary>
    public string? To { get; init; }
}
