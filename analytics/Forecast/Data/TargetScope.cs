using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Data;

/// <summary>Turns the rows of v_target_scope into forecast cases: the rule of which series a target applies to is that
/// view's, and nowhere else.</summary>
public static class TargetScope
{
    /// <summary>One case per (series, target): a target's own area always (an empty series when nothing is observed yet),
    /// a child area sharing a city's target only when it has observations; sorted for determinism.</summary>
    public static IReadOnlyList<ForecastCase> Cases(ForecastData data)
    {
        var cases = new List<ForecastCase>();
        foreach (var t in data.Targets)
        {
            var spec = new TargetSpec(TargetSpec.ParseComparator(t.Comparator), t.TargetValue, t.DeadlineYear, t.TargetAreaCode, t.TaskNo);
            var key = new SeriesKey(t.IndicatorCode, t.AreaCode, t.Sex);
            if (data.Series.TryGetValue(key, out var series)) cases.Add(new ForecastCase(series, spec));
            else if (!t.IsShared) cases.Add(new ForecastCase(new Series(key, ForecastData.Indicator(data.Indicators, t.IndicatorCode), []), spec));
        }
        return cases
            .OrderBy(c => c.Series.Key)
            .ThenBy(c => c.Target.DeadlineYear)
            .ThenBy(c => c.Target.TargetAreaCode, StringComparer.Ordinal)
            .ToList();
    }
}
