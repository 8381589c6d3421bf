using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>UNSD SDG Progress Chart rule: extrapolate the baseline→latest CAGR to the deadline and compare progress with what is needed.</summary>
/// <remarks>
/// Ratio r = (expected − baseline) / (target − baseline): r ≥ 0.95 on track, 0.10 ≤ r &lt; 0.95 needs acceleration (fair progress),
/// r &lt; 0.10 off track (stagnation or regress); the labels are the status vocabulary's. A series with a non-positive value has no CAGR; it uses the
/// average annual change instead (linear path), as the UNSD methodology does for indicators without a ratio scale.
/// Predictive distribution: normal on the indicator's transformed scale (<see cref="ValueScale"/>), centred on the
/// expected value E (clamped into the bounds), with SD σ_D = σ·√(1 + h/span), σ the residual SD of the transformed
/// observations about the transformed path (floored), h the years from the latest observation to the deadline and span the
/// years from baseline to latest; times the interval calibration factor. P(met), the median and the interval are read off it.
/// </remarks>
public sealed class UnsdCagrMethod(IntervalScale? calibration = null) : IForecastMethod
{
    /// <summary>Ratio at or above which progress is on track.</summary>
    public const double OnTrackRatio = 0.95;

    /// <summary>Ratio below which progress counts as stagnation or regress.</summary>
    public const double StagnationRatio = 0.10;

    /// <inheritdoc />
    public string Name => MethodNames.UnsdCagr;

    /// <summary>The factors applied to the raw spread by horizon (rolling-origin calibration).</summary>
    public IntervalScale Calibration { get; } = calibration ?? IntervalScale.None;

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases) => cases.Select(Project).ToList();

    /// <summary>Expected value at the deadline and the UNSD ratio (null when the baseline already met the target), and the
    /// SD on the transformed scale.</summary>
    public static (double Expected, double? Ratio, double SdAtDeadline) Extrapolate(ForecastCase c, TrendFacts f)
    {
        var t = c.Target;
        var d = Distribution(c.Series.Indicator, c.Series.Points, c.Series.Points.Count, t.DeadlineYear, f);
        var expected = d.Median;
        var denominator = t.Value - f.First.Value;
        double? ratio = t.IsMet(f.First.Value) || Math.Abs(denominator) < TrendFacts.MinAbsoluteScatter
            ? null
            : (expected - f.First.Value) / denominator;
        // An `=` target overshot is as far from the level as one undershot by the same amount.
        if (ratio > 1 && t.Comparator == Comparator.Equal) ratio = 2 - ratio;
        return (expected, ratio, d.Spread);
    }

    /// <summary>The raw (uncalibrated) predictive distribution at <paramref name="year"/> from the first <paramref name="count"/> points.</summary>
    public static PredictiveDistribution Distribution(IndicatorProfile indicator, IReadOnlyList<SeriesPoint> points, int count, int year, TrendFacts? facts = null)
    {
        var f = facts ?? TrendFacts.From(points, count);
        var scale = ValueScale.For(indicator);
        var h = Math.Abs(year - f.Latest.Year);
        Func<SeriesPoint, double> path = f.Cagr is { } g
            ? p => f.First.Value * Math.Pow(1 + g, p.Year - f.First.Year)
            : p => f.First.Value + f.AverageAnnualChange * (p.Year - f.First.Year);
        var expected = scale.Clamp(path(new SeriesPoint(year, 0)));
        double ss = 0;
        for (var i = 0; i < count; i++)
        {
            var r = scale.Forward(points[i].Value) - scale.Forward(path(points[i]));
            ss += r * r;
        }
        // The two anchors (baseline, latest) fit exactly: n − 2 degrees of freedom.
        var scatter = count > 2 ? Math.Sqrt(ss / (count - 2)) : 0;
        var floor = scale.Kind == ScaleKind.Identity ? f.ScatterFloor : WeightedTrendMethod.MinTransformedScatter;
        var sd = Math.Max(scatter, floor) * Math.Sqrt(1 + (double)h / f.Span);
        return new PredictiveDistribution(scale, scale.Forward(expected), sd, double.PositiveInfinity);
    }

    private MethodForecast Project(ForecastCase c)
    {
        var f = TrendFacts.From(c.Series.Points);
        var t = c.Target;
        var (_, ratio, _) = Extrapolate(c, f);
        var factor = Calibration.At(t.DeadlineYear - f.Latest.Year);
        var distribution = Distribution(c.Series.Indicator, c.Series.Points, c.Series.Points.Count, t.DeadlineYear, f).Widened(factor);
        var unit = c.Series.Indicator.Unit;
        Func<double, ForecastStatus> status = ratio is { } r
            ? _ => r >= OnTrackRatio ? ForecastStatus.OnTrack : r >= StagnationRatio ? ForecastStatus.NeedsAcceleration : ForecastStatus.OffTrack
            // The baseline already met the target: progress towards it cannot be a ratio, so judge the expected value alone.
            : _ => t.IsMet(distribution.Median) ? ForecastStatus.OnTrack : ForecastStatus.OffTrack;
        return AttainmentProbability.Forecast(distribution, factor, t, status, (d, _) =>
        {
            var ratioText = ratio is { } r
                ? $"按年均增速{GrowthText(f)}推算，{t.DeadlineYear}年预计{ReasonText.Value(d.Median, unit)}，进展比{ReasonText.Number(r)}"
                : $"基期已达标，进展比不适用，{t.DeadlineYear}年预计{ReasonText.Value(d.Median, unit)}";
            return $"{ReasonText.Pace(c, f)}；{ratioText}";
        }, MethodNames.UnsdCagr);
    }

    private static string GrowthText(TrendFacts f) =>
        f.Cagr is { } g ? ReasonText.Number(g * 100) + "%" : ReasonText.Change(f.AverageAnnualChange, "") + "(线性)";
}
