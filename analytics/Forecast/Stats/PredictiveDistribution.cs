using System.Collections.Concurrent;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Stats;

/// <summary>The one predictive distribution of a series' value at a deadline: location-scale (normal or Student t) on the
/// indicator's transformed scale. The projected value (median), the 80% interval and P(met) are all read off it, so they
/// cannot disagree.</summary>
/// <param name="Scale">Transform of the indicator (identity, log, logit) and its bounds.</param>
/// <param name="Location">Centre on the transformed scale.</param>
/// <param name="Spread">Scale on the transformed scale (0 = a known value).</param>
/// <param name="Df">Degrees of freedom of the Student t; +∞ for a normal.</param>
/// <remarks>An equal-weight mixture of other distributions (<see cref="Mixture"/>, the combined method) has no location or
/// spread of its own: its CDF is the mean of the components' CDFs, its quantiles are found by bisection on that CDF.</remarks>
public sealed record PredictiveDistribution(ValueScale Scale, double Location, double Spread, double Df)
{
    /// <summary>Bisection steps for a mixture's quantile: the bracket (the components' own quantiles) shrinks by 2⁻⁴⁰ (about 1e-12).</summary>
    private const int MixtureQuantileSteps = 40;

    /// <summary>The components of a mixture; null for a single location-scale distribution.</summary>
    public IReadOnlyList<PredictiveDistribution>? Components { get; private init; }

    /// <summary>The equal-weight mixture of <paramref name="components"/> (same indicator, so the same scale).</summary>
    public static PredictiveDistribution Mixture(IReadOnlyList<PredictiveDistribution> components) =>
        new(components[0].Scale, double.NaN, double.NaN, double.NaN) { Components = components };

    /// <summary>Coverage of the interval every report shows.</summary>
    public const double IntervalCoverage = 0.8;

    /// <summary>Lower tail probability of the interval (0.1).</summary>
    public const double LowerTail = (1 - IntervalCoverage) / 2;

    /// <summary>A value known exactly (an observed deadline).</summary>
    public static PredictiveDistribution Known(ValueScale scale, double value) => new(scale, scale.Forward(value), 0, double.PositiveInfinity);

    /// <summary>Projected value: the median.</summary>
    public double Median => Components is null ? Scale.Inverse(Location) : Cached(ref mixtureMedian, 0.5);

    /// <summary>Lower end of the 80% interval.</summary>
    public double Lower => Components is null ? Quantile(LowerTail) : Cached(ref mixtureLower, LowerTail);

    /// <summary>Upper end of the 80% interval.</summary>
    public double Upper => Components is null ? Quantile(1 - LowerTail) : Cached(ref mixtureUpper, 1 - LowerTail);

    // A mixture's quantiles cost a bisection each and are read several times (projection, reason, storage): kept once found.
    // Only mixtures use them, and a mixture is never copied with `with` (Widened builds a new one).
    private double mixtureMedian = double.NaN, mixtureLower = double.NaN, mixtureUpper = double.NaN;

    private double Cached(ref double slot, double p)
    {
        if (double.IsNaN(slot)) slot = Quantile(p);
        return slot;
    }

    /// <summary>The same distribution with its spread multiplied by <paramref name="factor"/> (interval calibration).</summary>
    public PredictiveDistribution Widened(double factor) => Components is { } parts
        ? Mixture(parts.Select(c => c.Widened(factor)).ToList())
        : this with { Spread = Spread * factor };

    /// <summary>The value below which the deadline value falls with probability <paramref name="p"/>.</summary>
    public double Quantile(double p)
    {
        if (Components is not { } parts) return Spread <= 0 ? Median : Scale.Inverse(Location + Spread * StandardQuantile(p, Df));
        // The mixture's quantile lies between its components' quantiles; the CDF is monotone, so bisection converges.
        double lo = parts.Min(c => c.Quantile(p)), hi = parts.Max(c => c.Quantile(p));
        for (var i = 0; i < MixtureQuantileSteps && hi > lo; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid) < p) lo = mid; else hi = mid;
        }
        return hi;
    }

    /// <summary>P(value ≤ <paramref name="x"/>); a bound carries the mass of every value clamped onto it.</summary>
    public double Cdf(double x) => Components is { } parts ? Mean(parts, x, below: false)
        : x >= Scale.Upper ? 1 : x < Scale.Lower ? 0 : Standard(x);

    /// <summary>P(value &lt; <paramref name="x"/>): differs from <see cref="Cdf"/> only at the upper bound's point mass.</summary>
    public double CdfBelow(double x) => Components is { } parts ? Mean(parts, x, below: true)
        : x > Scale.Upper ? 1 : x <= Scale.Lower ? 0 : Standard(x);

    /// <summary>The mean of the components' <see cref="Cdf"/> (or <see cref="CdfBelow"/>) at <paramref name="x"/>: Enumerable.Average's
    /// arithmetic (summed in order from the first, divided by the count) without its two allocations per call, as a mixture's
    /// quantile evaluates it 40 times per bisection.</summary>
    private static double Mean(IReadOnlyList<PredictiveDistribution> parts, double x, bool below)
    {
        var sum = below ? parts[0].CdfBelow(x) : parts[0].Cdf(x);
        for (var i = 1; i < parts.Count; i++) sum += below ? parts[i].CdfBelow(x) : parts[i].Cdf(x);
        return sum / parts.Count;
    }

    /// <summary>Probability that the deadline value meets <paramref name="target"/>.</summary>
    public double PMet(TargetSpec target)
    {
        if (Components is null && Spread <= 0) return target.IsMet(Median) ? 1 : 0;
        return target.Comparator switch
        {
            Comparator.AtLeast => 1 - CdfBelow(target.Value),
            Comparator.AtMost => Cdf(target.Value),
            _ => Math.Max(0, Cdf(target.Value + target.Tolerance) - CdfBelow(target.Value - target.Tolerance)),
        };
    }

    private double Standard(double x)
    {
        var z = Scale.Forward(x);
        if (Spread <= 0) return z >= Location ? 1 : 0;
        return StandardCdf((z - Location) / Spread, Df);
    }

    /// <summary>Standard normal (df = +∞) or Student-t CDF.</summary>
    public static double StandardCdf(double t, double df) =>
        double.IsPositiveInfinity(df) ? Distributions.NormalCdf(t) : Distributions.StudentTCdf(t, df);

    private static readonly ConcurrentDictionary<(double P, double Df), double> quantiles = new();

    /// <summary>Standard normal or Student-t quantile (cached: the same few (p, df) pairs recur for every series).</summary>
    public static double StandardQuantile(double p, double df) =>
        p == 0.5 ? 0 : quantiles.GetOrAdd((p, df), k => double.IsPositiveInfinity(k.Df) ? Distributions.NormalQuantile(k.P) : Distributions.StudentTQuantile(k.P, k.Df));
}
