using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Forecast.Stats;

namespace Wcc.Reports.Forecast.Methods;

/// <summary>UNSD SDG Progress Chart rule: extrapolate the baseline→latest CAGR to the deadline and compare progress with what is needed.</summary>
/// <remarks>
/// Ratio r = (expected − baseline) / (target − baseline): r ≥ 0.95 有望达成, 0.10 ≤ r &lt; 0.95 需加快 (fair progress),
/// r &lt; 0.10 难以达成 (stagnation or regress). A series with a non-positive value has no CAGR; it uses the
/// average annual change instead (linear path), as the UNSD methodology does for indicators without a ratio scale.
/// Probability: the deadline value is taken as normal around the expected value E with SD
/// σ_D = σ·√(1 + h/span), σ the residual SD of the observations about the CAGR path (log scale, converted to
/// value scale at E; floored at 1% of the latest value), h the years from the latest observation to the deadline
/// and span the years from baseline to latest. Then p = Φ((r − 1)·|target − baseline| / σ_D), which is
/// Φ((E − target)/σ_D) for a ≥ target: the further the ratio exceeds 1 relative to the scatter, the surer.
/// </remarks>
public sealed class UnsdCagrMethod : IForecastMethod
{
    /// <summary>Ratio at or above which progress is on track.</summary>
    public const double OnTrackRatio = 0.95;

    /// <summary>Ratio below which progress counts as stagnation or regress.</summary>
    public const double StagnationRatio = 0.10;

    /// <inheritdoc />
    public string Name => MethodNames.UnsdCagr;

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases) => cases.Select(Project).ToList();

    /// <summary>Expected value at the deadline and the UNSD ratio (null when the baseline already met the target).</summary>
    public static (double Expected, double? Ratio, double SdAtDeadline) Extrapolate(ForecastCase c, TrendFacts f)
    {
        var t = c.Target;
        var points = c.Series.Points;
        var h = Math.Abs(t.DeadlineYear - f.Latest.Year);
        double expected, scatter;
        if (f.Cagr is { } g)
        {
            expected = f.Latest.Value * Math.Pow(1 + g, t.DeadlineYear - f.Latest.Year);
            var logScatter = ResidualSd(points, f, p => Math.Log(f.First.Value) + Math.Log(1 + g) * (p.Year - f.First.Year), p => Math.Log(p.Value));
            scatter = Math.Abs(expected) * logScatter;
        }
        else
        {
            expected = f.Latest.Value + f.AverageAnnualChange * (t.DeadlineYear - f.Latest.Year);
            scatter = ResidualSd(points, f, p => f.First.Value + f.AverageAnnualChange * (p.Year - f.First.Year), p => p.Value);
        }
        expected = c.Series.Indicator.Clamp(expected);
        var sd = Math.Max(scatter, f.ScatterFloor) * Math.Sqrt(1 + (double)h / f.Span);
        var denominator = t.Value - f.First.Value;
        double? ratio = t.IsMet(f.First.Value) || Math.Abs(denominator) < TrendFacts.MinAbsoluteScatter
            ? null
            : (expected - f.First.Value) / denominator;
        // An `=` target overshot is as far from the level as one undershot by the same amount.
        if (ratio > 1 && t.Comparator == Comparator.Equal) ratio = 2 - ratio;
        return (expected, ratio, sd);
    }

    private static MethodForecast Project(ForecastCase c)
    {
        var f = TrendFacts.From(c.Series.Points);
        var t = c.Target;
        var (expected, ratio, sd) = Extrapolate(c, f);
        var p = AttainmentProbability.Of(t, expected, sd, Distributions.NormalCdf);
        var indicator = c.Series.Indicator;
        var lower = indicator.Clamp(expected - Distributions.Z90 * sd);
        var upper = indicator.Clamp(expected + Distributions.Z90 * sd);
        ForecastStatus status;
        string ratioText;
        if (ratio is { } r)
        {
            status = r >= OnTrackRatio ? ForecastStatus.OnTrack : r >= StagnationRatio ? ForecastStatus.NeedsAcceleration : ForecastStatus.OffTrack;
            ratioText = $"按年均增速{GrowthText(f)}推算，{t.DeadlineYear}年预计{ReasonText.Value(expected, indicator.Unit)}，进展比{ReasonText.Number(r)}";
        }
        else
        {
            // The baseline already met the target: progress towards it cannot be a ratio, so judge the expected value alone.
            status = t.IsMet(expected) ? ForecastStatus.OnTrack : ForecastStatus.OffTrack;
            ratioText = $"基期已达标，进展比不适用，{t.DeadlineYear}年预计{ReasonText.Value(expected, indicator.Unit)}";
        }
        return new MethodForecast(expected, lower, upper, p, status, $"{ReasonText.Pace(c, f)}；{ratioText}", MethodNames.UnsdCagr);
    }

    private static string GrowthText(TrendFacts f) =>
        f.Cagr is { } g ? ReasonText.Number(g * 100) + "%" : ReasonText.Change(f.AverageAnnualChange, "") + "(线性)";

    /// <summary>SD of residuals about the baseline-anchored path; the two anchors fit exactly, so n − 2 degrees of freedom.</summary>
    private static double ResidualSd(IReadOnlyList<SeriesPoint> points, TrendFacts f, Func<SeriesPoint, double> path, Func<SeriesPoint, double> observed)
    {
        if (points.Count <= 2) return 0;
        double ss = 0;
        foreach (var p in points)
        {
            var r = observed(p) - path(p);
            ss += r * r;
        }
        return Math.Sqrt(ss / (points.Count - 2));
    }
}
