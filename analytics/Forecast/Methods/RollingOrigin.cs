using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>One labelled example: features at an origin year, and whether the target level was met at a later observed year.</summary>
/// <param name="OriginYear">Year of the origin's latest point (features use data up to it).</param>
/// <param name="OutcomeYear">Year whose observation gives the label.</param>
public sealed record TrainingRow(float[] Features, bool Label, int OriginYear = 0, int OutcomeYear = 0);

/// <summary>Builds the ML training set by rolling origin over every series that has a target.</summary>
/// <remarks>
/// For a series with points y1 &lt; … &lt; yn and an origin at the k-th point (k ≥ 2), the features use points
/// 1..k only; each later observed year yj (j &gt; k) gives one example with years-left = yj − yk and label
/// "target level met at yj". A series measured against several deadlines of the same level contributes once.
/// </remarks>
public static class RollingOrigin
{
    /// <summary>Beyond this many examples, every m-th is kept (deterministically): more adds time, not skill.</summary>
    public const int MaxTrainingRows = 50_000;

    /// <summary>Builds the examples; throws if any point lies after <paramref name="cutoffYear"/> (nothing may leak from the future).</summary>
    public static IReadOnlyList<TrainingRow> Build(IReadOnlyList<ForecastCase> cases, int cutoffYear)
    {
        var rows = new List<TrainingRow>();
        Span<float> buffer = stackalloc float[MlFeatures.Count];
        ForecastCase? lastCase = null;
        var lastOrigin = 0;
        TrendFacts? facts = null;
        foreach (var (c, k, j) in Origins(cases, cutoffYear))
        {
            var points = c.Series.Points;
            if (!ReferenceEquals(c, lastCase) || k != lastOrigin) facts = TrendFacts.From(points, k);
            (lastCase, lastOrigin) = (c, k);
            MlFeatures.Compute(c.Series, k, c.Target, points[j].Year - points[k - 1].Year, facts!, buffer);
            rows.Add(new TrainingRow(Sanitise(buffer), c.Target.IsMet(points[j].Value), points[k - 1].Year, points[j].Year));
        }
        return rows;
    }

    /// <summary>The labels of the examples <see cref="Build"/> gives (whether the target level was met), without their features.</summary>
    public static IReadOnlyList<bool> Labels(IReadOnlyList<ForecastCase> cases, int cutoffYear) =>
        Origins(cases, cutoffYear).Select(e => e.Case.Target.IsMet(e.Case.Series.Points[e.Outcome].Value)).ToList();

    /// <summary>The examples kept, in order: a case, its origin (the first <c>Origin</c> points) and the index of the later point
    /// giving the label.</summary>
    private static IEnumerable<(ForecastCase Case, int Origin, int Outcome)> Origins(IReadOnlyList<ForecastCase> cases, int cutoffYear)
    {
        var unique = new List<ForecastCase>();
        var seen = new HashSet<(SeriesKey, Comparator, double)>();
        foreach (var c in cases)
        {
            LeakGuard.AssertWithin(c.Series, cutoffYear);
            if (c.Series.Points.Count >= 3 && seen.Add((c.Series.Key, c.Target.Comparator, c.Target.Value))) unique.Add(c);
        }
        long total = 0;
        foreach (var c in unique)
        {
            var n = c.Series.Points.Count;
            total += (long)(n - 2) * (n - 1) / 2;
        }
        var stride = (int)Math.Max(1, (total + MaxTrainingRows - 1) / MaxTrainingRows);
        long index = 0;
        foreach (var c in unique)
        {
            var count = c.Series.Points.Count;
            for (var k = 2; k < count; k++)
            {
                for (var j = k; j < count; j++, index++)
                {
                    if (index % stride == 0) yield return (c, k, j);
                }
            }
        }
    }

    /// <summary>Copies the features, replacing non-finite values (a zero scale, an overflowed CAGR) with 0.</summary>
    public static float[] Sanitise(ReadOnlySpan<float> features)
    {
        var copy = features.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!float.IsFinite(copy[i])) copy[i] = 0;
        }
        return copy;
    }
}

/// <summary>The one place that enforces "no data after the cutoff": training, features and scaling all pass through it.</summary>
public static class LeakGuard
{
    /// <summary>Throws when <paramref name="series"/> holds a point after <paramref name="cutoffYear"/>.</summary>
    public static void AssertWithin(Series series, int cutoffYear)
    {
        if (series.LatestYear is { } latest && latest > cutoffYear)
        {
            throw new InvalidOperationException($"data leak: {series.Key} has a {latest} observation but the cutoff is {cutoffYear}");
        }
    }
}
