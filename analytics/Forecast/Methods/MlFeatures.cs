using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>The ML method's features of a series at an origin, computed only from points up to that origin.</summary>
/// <remarks>
/// Every feature is scale-free (divided by max(|target|, |latest|)) and signed so that positive means
/// "towards the target", so one model serves rates, counts, mortality (lower is better) and `=` targets alike.
/// The ML method is given what the baselines know: both baselines' P(met) and their projected margin over the target at
/// the deadline (trend_p_met, unsd_p_met, trend_margin, unsd_margin), beside the required pace (required_rate).
/// </remarks>
public static class MlFeatures
{
    /// <summary>Number of features; the ML.NET vector column has this fixed size.</summary>
    public const int Count = 17;

    /// <summary>Feature names in vector order (for documentation and debugging).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "latest_rel", "gap", "required_rate", "observed_rate", "rate_surplus", "cagr", "avg_rate", "volatility",
        "years_left", "bound_room", "direction", "n_points", "trend_p_met", "met_now",
        "unsd_p_met", "trend_margin", "unsd_margin",
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
        var year = facts.Latest.Year + h;
        var trend = WeightedTrendMethod.Distribution(indicator, series.Points, count, year);
        var unsd = UnsdCagrMethod.Distribution(indicator, series.Points, count, year, facts);

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
        into[12] = (float)trend.PMet(target);
        into[13] = target.IsMet(latest) ? 1f : 0f;
        into[14] = (float)unsd.PMet(target);
        into[15] = (float)(sign * (trend.Median - target.Value) / scale);
        into[16] = (float)(sign * (unsd.Median - target.Value) / scale);
    }
}
