using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Forecast.Methods;

/// <summary>The ML method's features of a series at an origin, computed only from points up to that origin.</summary>
/// <remarks>
/// Every feature is scale-free (divided by max(|target|, |latest|)) and signed so that positive means
/// "towards the target", so one model serves rates, counts, mortality (lower is better) and `=` targets alike.
/// </remarks>
public static class MlFeatures
{
    /// <summary>Number of features; the ML.NET vector column has this fixed size.</summary>
    public const int Count = 14;

    /// <summary>Feature names in vector order (for documentation and debugging).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "latest_rel", "gap", "required_rate", "observed_rate", "rate_surplus", "cagr", "avg_rate", "volatility",
        "years_left", "bound_room", "direction", "n_points", "trend_p_met", "met_now",
    ];

    /// <summary>Fills <paramref name="into"/> with the features of the first <paramref name="count"/> points of
    /// <paramref name="series"/> against <paramref name="target"/>, <paramref name="yearsLeft"/> years ahead.</summary>
    public static void Compute(Series series, int count, TargetSpec target, int yearsLeft, TrendFacts facts, Span<float> into)
    {
        if (into.Length != Count) throw new ArgumentException($"feature vector must have {Count} slots");
        var latest = facts.Latest.Value;
        var scale = Math.Max(Math.Max(Math.Abs(target.Value), Math.Abs(latest)), TrendFacts.MinAbsoluteScatter);
        var sign = target.ProgressSign(latest);
        var h = Math.Max(yearsLeft, 1);
        var gap = sign * (target.Value - latest) / scale;
        var observedRate = sign * facts.Line.Slope / scale;
        var indicator = series.Indicator;
        var bound = sign > 0 ? indicator.UpperBound : indicator.LowerBound;
        var (projected, se, df) = WeightedTrendMethod.Predict(indicator, facts, facts.Latest.Year + h);

        into[0] = (float)(latest / scale);
        into[1] = (float)gap;
        into[2] = (float)(gap / h);
        into[3] = (float)observedRate;
        into[4] = (float)(observedRate * h - gap);
        into[5] = (float)(sign * (facts.Cagr ?? 0));
        into[6] = (float)(sign * facts.AverageAnnualChange / scale);
        into[7] = (float)(facts.Line.ResidualSd / scale);
        into[8] = h;
        into[9] = bound is { } b ? (float)(sign * (b - latest) / scale) : 1f;
        into[10] = indicator.HigherIsBetter ? 1f : -1f;
        into[11] = count;
        into[12] = (float)WeightedTrendMethod.PMet(target, projected, se, df);
        into[13] = target.IsMet(latest) ? 1f : 0f;
    }
}
