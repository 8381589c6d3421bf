using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast;

/// <summary>Runs every method over every case, handling the shared edge cases once: no data, a deadline already past, a target already met.</summary>
public static class ForecastEngine
{
    /// <summary>A past deadline without an observation in its own year is read off an observation at most this many years away.</summary>
    public const int NearDeadlineYears = 1;

    /// <summary>Fewer points than this: insufficient data, no projection.</summary>
    public const int MinPoints = 2;

    /// <summary>What method_used records when a past deadline was read off the data rather than forecast.</summary>
    public const string ObservedMethod = "observed";

    /// <summary>Forecasts each case with each method, as known at the end of <paramref name="asOfYear"/>.</summary>
    /// <returns>Results in case order, then method order.</returns>
    public static IReadOnlyList<ForecastResult> Run(IReadOnlyList<ForecastCase> cases, int asOfYear, IReadOnlyList<IForecastMethod> methods)
    {
        var pending = new List<int>();
        var fixedResults = new Dictionary<int, Func<string, ForecastResult>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            LeakGuard.AssertWithin(c.Series, asOfYear);
            if (c.Target.DeadlineYear <= asOfYear && NearDeadline(c) is { } observed) fixedResults[i] = m => Observed(c, m, observed);
            else if (c.Series.Points.Count < MinPoints) fixedResults[i] = m => Insufficient(c, m);
            else pending.Add(i);
        }

        var pendingCases = pending.Select(i => cases[i]).ToList();
        var byMethod = methods.Select(m => m.ProjectAll(pendingCases)).ToList();
        var slot = pending.Select((caseIndex, k) => (caseIndex, k)).ToDictionary(x => x.caseIndex, x => x.k);

        var results = new List<ForecastResult>(cases.Count * methods.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            for (var m = 0; m < methods.Count; m++)
            {
                results.Add(fixedResults.TryGetValue(i, out var make)
                    ? make(methods[m].Name)
                    : Finish(cases[i], methods[m].Name, byMethod[m][slot[i]]));
            }
        }
        return results;
    }

    /// <summary>True when some case needs a method's projection: a deadline not read off the data (still ahead, or without an
    /// observation near it) and at least <see cref="MinPoints"/> points. Otherwise the methods' models go unused.</summary>
    public static bool ProjectsAny(IReadOnlyList<ForecastCase> cases, int asOfYear) =>
        cases.Any(c => !(c.Target.DeadlineYear <= asOfYear && NearDeadline(c) is not null) && c.Series.Points.Count >= MinPoints);

    /// <summary>The observation that stands for the deadline: its own year, else the nearest within
    /// <see cref="NearDeadlineYears"/> (the earlier one on a tie: it is what was known at the deadline).</summary>
    public static SeriesPoint? NearDeadline(ForecastCase c)
    {
        SeriesPoint? best = null;
        foreach (var p in c.Series.Points)
        {
            var distance = Math.Abs(p.Year - c.Target.DeadlineYear);
            if (distance > NearDeadlineYears) continue;
            if (best is null || distance < Math.Abs(best.Value.Year - c.Target.DeadlineYear)) best = p;
        }
        return best;
    }

    private static ForecastResult Finish(ForecastCase c, string method, MethodForecast f)
    {
        var latest = c.Series.Points[^1];
        var unit = c.Series.Indicator.Unit;
        if (c.Target.IsMet(latest.Value))
        {
            var note = $"{latest.Year}年最新值{ReasonText.Value(latest.Value, unit)}已达到目标{ReasonText.Target(c.Target, unit)}";
            return new ForecastResult(c, method, f.MethodUsed, f.Projected, f.Lower, f.Upper, f.PMet, ForecastStatus.Met, $"{note}；{f.Reason}",
                f.Distribution, f.IntervalScale, f.Uncalibrated);
        }
        return new ForecastResult(c, method, f.MethodUsed, f.Projected, f.Lower, f.Upper, f.PMet, f.Status, f.Reason, f.Distribution, f.IntervalScale, f.Uncalibrated);
    }

    private static ForecastResult Observed(ForecastCase c, string method, SeriesPoint p)
    {
        var met = c.Target.IsMet(p.Value);
        var unit = c.Series.Indicator.Unit;
        var when = p.Year == c.Target.DeadlineYear ? $"截止年{p.Year}年" : $"截止年{c.Target.DeadlineYear}年无数据，{p.Year}年";
        var reason = $"{when}实际值{ReasonText.Value(p.Value, unit)}，{(met ? "已达到" : "未达到")}目标{ReasonText.Target(c.Target, unit)}";
        // A known value: a distribution with no spread, so the same reading (median, interval, P(met)) still holds.
        var known = Stats.PredictiveDistribution.Known(Stats.ValueScale.For(c.Series.Indicator), p.Value);
        return new ForecastResult(c, method, ObservedMethod, p.Value, p.Value, p.Value, met ? 1 : 0,
            met ? ForecastStatus.Met : ForecastStatus.OffTrack, reason, known);
    }

    private static ForecastResult Insufficient(ForecastCase c, string method)
    {
        var n = c.Series.Points.Count;
        var reason = n == 0 ? "无观测数据，无法预测" : $"仅有{n}个观测年份({c.Series.Points[0].Year}年)，至少需要{MinPoints}个，不作推测";
        return new ForecastResult(c, method, method, null, null, null, null, ForecastStatus.InsufficientData, reason);
    }
}
