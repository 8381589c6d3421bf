using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Planning.Model;

/// <summary>A validated proposed target with its assumed pace (both pace fields null: the historical trend).</summary>
public sealed record PlanTarget(
    SeriesKey Series, Comparator Comparator, double Value, int Deadline, int? TaskNo,
    int? PaceFrom, double? ExtraPerYear, double? PerYear)
{
    /// <summary>True when the scenario assumes a pace of its own for this series.</summary>
    public bool HasPace => PaceFrom is not null && (ExtraPerYear is not null || PerYear is not null);
}

/// <summary>A new task: its chapter, text and units.</summary>
public sealed record PlanNewTask(int ChapterNo, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible);

/// <summary>A validated scenario (the baseline is one with no assumptions), ready to compute.</summary>
public sealed record PlanScenario(
    string Id,
    string Name,
    string? Description,
    string? SourceFile,
    IReadOnlyList<PlanTarget> Targets,
    IReadOnlyDictionary<int, (IReadOnlyList<string>? Lead, IReadOnlyList<string>? Responsible)> Reassign,
    IReadOnlySet<int> Drop,
    IReadOnlyList<PlanNewTask> Add,
    IReadOnlyDictionary<string, string> Renames)
{
    /// <summary>Units the scenario creates, by name, with their kind (units.csv's kinds); none in the baseline.</summary>
    public IReadOnlyDictionary<string, string> NewUnits { get; init; } = new Dictionary<string, string>();

    /// <summary>True when <paramref name="unitName"/> stands for many bodies: a collective of dim_unit or a declared new one.</summary>
    public bool IsCollective(PlanContext context, string unitName) =>
        context.Units.TryGetValue(unitName, out var unit) ? unit.IsCollective
        : NewUnits.TryGetValue(unitName, out var kind) && kind == Wcc.Warehouse.Vocabulary.UnitKinds.Collective;

    /// <summary>Id of the trend-only scenario.</summary>
    public const string BaselineId = "baseline";

    /// <summary>True for the baseline.</summary>
    public bool IsBaseline => Id == BaselineId;

    /// <summary>The baseline with every target of the previous notice carried into the plan period: same indicator, area, sex,
    /// comparator and level, deadline moved to the horizon, so each is assessed (P(met), suggested levels) and written into
    /// the baseline draft.</summary>
    public static PlanScenario BaselineFor(PlanContext context) => Baseline with
    {
        Targets = context.Data.Targets
            .Where(t => !t.IsShared && t.DeadlineYear <= context.AsOfYear)
            .GroupBy(t => new SeriesKey(t.IndicatorCode, t.AreaCode, t.Sex))
            .OrderBy(g => g.Key)
            // A series with several past targets carries the latest one: it is the level the previous notice ended on.
            .Select(g => g.OrderByDescending(t => t.DeadlineYear).First())
            .Select(t => new PlanTarget(new SeriesKey(t.IndicatorCode, t.AreaCode, t.Sex), TargetSpec.ParseComparator(t.Comparator), t.TargetValue,
                context.HorizonYear, t.TaskNo, null, null, null))
            .ToList(),
    };

    /// <summary>The baseline: historical trends, the 2018-2020 division of work with dim_unit renames only.</summary>
    public static PlanScenario Baseline { get; } = new(BaselineId, "基线(历史趋势延续)", "历史趋势延续、2018-2020年分工按机构改革更名", null,
        [], new Dictionary<int, (IReadOnlyList<string>?, IReadOnlyList<string>?)>(), new HashSet<int>(), [], new Dictionary<string, string>());
}
