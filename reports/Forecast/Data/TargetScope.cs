using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Forecast.Data;

/// <summary>Decides which series each target is measured on. The district rule lives here and nowhere else.</summary>
/// <remarks>
/// A target applies to the series of its own indicator x area x sex. A target set for a city
/// (area_level in <see cref="LevelsSharedWithChildren"/>) is also applied to each child area's series
/// (dim_area.parent_code = the city) of the same indicator and sex, unless that child has a target of its own
/// for the same deadline — so reports can show which districts put the city target at risk. Counts are the exception:
/// a district holds a share of a city total (women trained, projects), so it is never measured against the total.
/// </remarks>
public static class TargetScope
{
    /// <summary>Measure kinds whose city target is not shared with child areas (a share of a total cannot meet the total).</summary>
    public static readonly IReadOnlySet<string> KindsNotShared = new HashSet<string>(StringComparer.Ordinal) { "count" };

    /// <summary>Area levels whose targets are also measured on their child areas' series.</summary>
    public static readonly IReadOnlySet<string> LevelsSharedWithChildren = new HashSet<string>(StringComparer.Ordinal) { "city" };

    /// <summary>One case per (series, target): own targets first, then derived child-area cases; sorted for determinism.</summary>
    public static IReadOnlyList<ForecastCase> Cases(ForecastData data)
    {
        var own = new HashSet<(string, string, string, int)>(data.Targets.Select(t => (t.IndicatorCode, t.AreaCode, t.Sex, t.DeadlineYear)));
        var cases = new List<ForecastCase>();
        foreach (var t in data.Targets)
        {
            var spec = new TargetSpec(TargetSpec.ParseComparator(t.Comparator), t.TargetValue, t.DeadlineYear, t.AreaCode, t.TaskNo);
            var key = new SeriesKey(t.IndicatorCode, t.AreaCode, t.Sex);
            cases.Add(new ForecastCase(SeriesOrEmpty(data, key), spec));
            if (!data.AreaLevels.TryGetValue(t.AreaCode, out var level) || !LevelsSharedWithChildren.Contains(level)) continue;
            if (KindsNotShared.Contains(ForecastData.Indicator(data.Indicators, t.IndicatorCode).MeasureKind)) continue;
            if (!data.ChildAreas.TryGetValue(t.AreaCode, out var children)) continue;
            foreach (var child in children)
            {
                var childKey = key with { AreaCode = child };
                if (own.Contains((t.IndicatorCode, child, t.Sex, t.DeadlineYear))) continue;
                if (data.Series.TryGetValue(childKey, out var series)) cases.Add(new ForecastCase(series, spec));
            }
        }
        return cases
            .OrderBy(c => c.Series.Key)
            .ThenBy(c => c.Target.DeadlineYear)
            .ThenBy(c => c.Target.TargetAreaCode, StringComparer.Ordinal)
            .ToList();
    }

    private static Series SeriesOrEmpty(ForecastData data, SeriesKey key) =>
        data.Series.TryGetValue(key, out var series)
            ? series
            : new Series(key, ForecastData.Indicator(data.Indicators, key.IndicatorCode), []);
}
