using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Planning.Model;

/// <summary>One year of one series' projected path under a scenario.</summary>
public sealed record ProjectionRow(string ScenarioId, SeriesKey Key, PathPoint Point, int NPoints, int LatestYear);

/// <summary>How realistic a proposed target is: P(met) under the baseline and the scenario, the pace it needs, and safer levels.</summary>
/// <param name="LimitFloor">No suggested level goes below this (see <see cref="TargetLimits"/>).</param>
/// <param name="LimitCeiling">No suggested level goes above this.</param>
/// <param name="MetByWideMargin">The latest value already beats the target by more than <see cref="PlanProjections.WideMarginShare"/> of it.</param>
/// <param name="TighterTarget">For a target met by a wide margin: the level reached with 90% probability (within the limits), a tighter target to consider.</param>
public sealed record TargetAssessment(
    string ScenarioId, PlanTarget Target, bool HigherIsBetter,
    int? LatestYear, double? LatestValue, double? HistoricalPace, double? RequiredPace,
    double? ProjectedBaseline, double? ProjectedScenario, double? PMetBaseline, double? PMetScenario,
    ForecastStatus StatusBaseline, ForecastStatus StatusScenario,
    double? SuggestedP50, double? SuggestedP70, double? SuggestedP90,
    double? LimitFloor = null, double? LimitCeiling = null, bool MetByWideMargin = false, double? TighterTarget = null)
{
    /// <summary>required − historical pace: the acceleration the target needs.</summary>
    public double? PaceGap => RequiredPace - HistoricalPace;
}

/// <summary>Projected paths to the horizon and target assessments, from the weighted_trend method's fit (the reports' default method).</summary>
public static class PlanProjections
{
    /// <summary>Probabilities at which the suggested targets are reached: 50% (central projection), 70%, 90%.</summary>
    public static readonly IReadOnlyList<double> ConfidenceLevels = [0.5, 0.7, 0.9];

    /// <summary>A target is met by a wide margin when the latest value beats it by more than this share of the target
    /// (a 4‰ ceiling with 1.35‰ observed; a 60% floor with 80% observed).</summary>
    public const double WideMarginShare = 0.25;

    /// <summary>The baseline path of every series with at least two observations up to the as-of year.</summary>
    public static IReadOnlyList<ProjectionRow> Baseline(PlanContext context) =>
        context.Data.Series.Values
            .Where(s => s.Points.Count >= 2)
            .OrderBy(s => s.Key)
            .SelectMany(s => Rows(PlanScenario.BaselineId, s, context, null))
            .ToList();

    /// <summary>The scenario's paths for the series whose pace it changes.</summary>
    public static IReadOnlyList<ProjectionRow> ScenarioPaths(PlanContext context, PlanScenario scenario) =>
        scenario.Targets.Where(t => t.HasPace)
            .Select(t => (t, s: context.Data.Series.GetValueOrDefault(t.Series)))
            .Where(x => x.s is { Points.Count: >= 2 })
            .SelectMany(x => Rows(scenario.Id, x.s!, context, x.t))
            .ToList();

    /// <summary>Assesses one proposed target.</summary>
    public static TargetAssessment Assess(PlanContext context, string scenarioId, PlanTarget target)
    {
        var higher = context.Indicators[target.Series.IndicatorCode].HigherIsBetter;
        var series = context.Data.Series.GetValueOrDefault(target.Series);
        if (series is null || series.Points.Count < 2)
        {
            var latest = series?.Points.LastOrDefault();
            return new TargetAssessment(scenarioId, target, higher, latest?.Year, latest?.Value, null, null, null, null, null, null,
                ForecastStatus.InsufficientData, ForecastStatus.InsufficientData, null, null, null);
        }
        var f = TrendFacts.From(series.Points);
        var spec = new TargetSpec(target.Comparator, target.Value, target.Deadline, target.Series.AreaCode, null);
        var baseline = WeightedTrendMethod.Path(series, [target.Deadline], null, context.IntervalScale)[0];
        var scenario = WeightedTrendMethod.Path(series, [target.Deadline], Shift(target, f), context.IntervalScale)[0];
        var pBase = baseline.Distribution.PMet(spec);
        var pScenario = scenario.Distribution.PMet(spec);
        var limits = TargetLimits.For(context, target.Series.IndicatorCode);
        var suggested = ConfidenceLevels.Select(p => limits.Apply(Suggested(scenario.Distribution, p, higher))).ToList();
        var required = (target.Value - f.Latest.Value) / (target.Deadline - f.Latest.Year);
        var wide = spec.Comparator != Comparator.Equal && spec.IsMet(f.Latest.Value)
                   && Math.Abs(f.Latest.Value - target.Value) > WideMarginShare * Math.Abs(target.Value);
        // Tighter only if the safe level is stricter than the target itself (otherwise the target is already as tight as is safe).
        double? tighter = wide && (higher ? suggested[2] > target.Value : suggested[2] < target.Value) ? suggested[2] : null;
        return new TargetAssessment(scenarioId, target, higher, f.Latest.Year, f.Latest.Value, f.Line.Slope, required,
            baseline.Projected, scenario.Projected, pBase, pScenario,
            AttainmentProbability.StatusOf(pBase), AttainmentProbability.StatusOf(pScenario),
            suggested[0], suggested[1], suggested[2], limits.Floor, limits.Ceiling, tighter is not null, tighter);
    }

    /// <summary>The level reached with probability <paramref name="p"/>: at least it (higher is better) or at most it (lower is better).</summary>
    private static double Suggested(PredictiveDistribution distribution, double p, bool higher) =>
        distribution.Quantile(higher ? 1 - p : p);

    /// <summary>What the scenario adds to the trend in a year: extra_per_year for each year from `from`, or the gap between per_year and the trend's slope.</summary>
    public static Func<int, double>? Shift(PlanTarget? target, TrendFacts f)
    {
        if (target is not { HasPace: true, PaceFrom: { } from }) return null;
        var extra = target.ExtraPerYear ?? target.PerYear!.Value - f.Line.Slope;
        return year => year >= from ? extra * (year - from + 1) : 0;
    }

    private static IEnumerable<ProjectionRow> Rows(string scenarioId, Series series, PlanContext context, PlanTarget? target)
    {
        var f = TrendFacts.From(series.Points);
        var years = Enumerable.Range(context.FirstPlanYear, context.HorizonYear - context.AsOfYear);
        return WeightedTrendMethod.Path(series, years, Shift(target, f), context.IntervalScale)
            .Select(p => new ProjectionRow(scenarioId, series.Key, p, series.Points.Count, f.Latest.Year));
    }
}
