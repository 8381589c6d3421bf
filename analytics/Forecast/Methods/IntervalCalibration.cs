using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>A method's raw predictive distribution at a year from the first count points of a series.</summary>
public delegate PredictiveDistribution RawPredictor(IndicatorProfile indicator, IReadOnlyList<SeriesPoint> points, int count, int year);

/// <summary>Conformal-style interval calibration on rolling origins: the factor by which a method's spread must be
/// multiplied so that its 80% intervals held 80% of the later observations of the same series.</summary>
/// <remarks>
/// For every target series and every origin (the first k ≥ 2 points, all within the cutoff), the method forecasts each later
/// observed year; the example's score is the factor its interval would have needed to contain the observation,
/// |T(y) − centre| / (spread · q₀.₉). The calibration factor is the ⌈(n + 1)·0.8⌉-th smallest score (split-conformal
/// quantile), kept within [<see cref="MinFactor"/>, <see cref="MaxFactor"/>]. One factor per method and horizon (years from
/// the latest observation, the last bucket holding every longer horizon): errors grow with the horizon faster or slower than
/// a model's spread says, and a deadline is usually several years away; a horizon the recent origins do not reach continues
/// the measured growth (<see cref="WithUnmeasuredHorizons"/>). Origins need at least <see cref="MinOriginPoints"/>
/// points: a two-point fit has no residuals to judge its scatter by, unlike the series a forecast sees.
/// </remarks>
public static class IntervalCalibration
{
    /// <summary>Horizons 1 … this many years get their own factor; longer horizons share the last one.</summary>
    public const int HorizonBuckets = 5;

    /// <summary>Origins are the last this many years before the cutoff: rolling-origin backtests of the recent past, whose errors
    /// are the ones the next deadline will resemble.</summary>
    /// <remarks>Measured on the default warehouse (weighted_trend 80% coverage at cutoffs 2016/2017/2018, 3-point origins,
    /// flat long horizons): all origins 0.52/0.62/0.73, the last 5 years 0.58/0.65/0.77, the last 3 years 0.64/0.75/0.82;
    /// uncalibrated 0.66/0.67/0.74. Choosing origins by their outcome year instead (the last 2-4 years of outcomes, so long
    /// horizons come from short early origins) gave 0.58-0.65 at 2016 (see the README for the figures of the final build).</remarks>
    public const int RecentOriginYears = 3;

    /// <summary>An origin needs this many points (3 degrees of freedom for the trend's t interval) to be an example.</summary>
    /// <remarks>Shorter origins were first allowed (3 points) and pulled the factor down: a 3-point fit has a t interval
    /// with 1 degree of freedom (90% quantile 3.08 against 1.53 at 4), so its scores are small whatever the errors, while
    /// every forecast this calibration serves has 7 or more points. Measured on the default warehouse (weighted_trend
    /// factor at horizon 1-2, cutoff 2016): 3 points 0.79/0.97, 4 points 0.80/0.99, 5 points 0.92/1.12.</remarks>
    public const int MinOriginPoints = 5;

    /// <summary>Beyond this many examples every m-th is kept (deterministically): an 80% quantile of 5,000 scores is within about
    /// ±0.01 of its coverage, and more adds time (10,000 series would otherwise fit every origin of every series).</summary>
    public const int MaxExamples = 5_000;

    /// <summary>Fewer examples than this: no calibration (factor 1), the raw model interval is used.</summary>
    public const int MinExamples = 30;

    /// <summary>The factor never narrows an interval below a quarter of the model's: a handful of lucky origins must not make it a point.</summary>
    public const double MinFactor = 0.25;

    /// <summary>The factor never widens an interval more than eightfold.</summary>
    public const double MaxFactor = 8;

    /// <summary>The calibration factor of <paramref name="predict"/> on the cases' series (none may hold data after <paramref name="cutoffYear"/>).</summary>
    public static IntervalScale Fit(IReadOnlyList<ForecastCase> cases, int cutoffYear, RawPredictor predict)
    {
        var series = cases.Select(c => c.Series).DistinctBy(s => s.Key).Where(s => s.Points.Count > MinOriginPoints).ToList();
        long total = 0;
        foreach (var s in series)
        {
            LeakGuard.AssertWithin(s, cutoffYear);
            for (var k = MinOriginPoints; k < s.Points.Count; k++)
            {
                if (IsRecentOrigin(s.Points[k - 1], cutoffYear)) total += s.Points.Count - k;
            }
        }
        var stride = Math.Max(1, (total + MaxExamples - 1) / MaxExamples);
        var scores = Enumerable.Range(0, HorizonBuckets).Select(_ => new List<double>()).ToArray();
        long index = 0;
        foreach (var s in series)
        {
            var points = s.Points;
            for (var k = MinOriginPoints; k < points.Count; k++)
            {
                if (!IsRecentOrigin(points[k - 1], cutoffYear)) continue;
                for (var j = k; j < points.Count; j++, index++)
                {
                    if (index % stride != 0) continue;
                    var d = predict(s.Indicator, points, k, points[j].Year);
                    if (!(d.Spread > 0)) continue;
                    var score = Math.Abs(d.Scale.Forward(points[j].Value) - d.Location)
                                / (d.Spread * PredictiveDistribution.StandardQuantile(1 - PredictiveDistribution.LowerTail, d.Df));
                    var bucket = Math.Min(points[j].Year - points[k - 1].Year, HorizonBuckets) - 1;
                    if (double.IsFinite(score)) scores[bucket].Add(score);
                }
            }
        }
        var measured = new double?[HorizonBuckets];
        for (var b = 0; b < HorizonBuckets; b++) measured[b] = scores[b].Count >= MinExamples ? ConformalQuantile(scores[b]) : null;
        return new IntervalScale(WithUnmeasuredHorizons(measured));
    }

    /// <summary>The calibration factor of a method that projects whole cases (the combined mixture: its ml member needs the target),
    /// on the same recent origins as <see cref="Fit"/>: each origin becomes a case holding the series up to the origin and the
    /// target moved to the outcome year, all projected in one batch by <paramref name="project"/>.</summary>
    /// <remarks>A mixture has no single spread: an example's score is the smallest factor (by bisection within
    /// [<see cref="MinFactor"/>, <see cref="MaxFactor"/>]) by which widening every component puts the observation inside
    /// the mixture's 80% interval. One target per series (the first case's): the ml member moves its centre by it.</remarks>
    public static IntervalScale FitCases(IReadOnlyList<ForecastCase> cases, int cutoffYear,
        Func<IReadOnlyList<ForecastCase>, IReadOnlyList<PredictiveDistribution>> project)
    {
        var series = cases.DistinctBy(c => c.Series.Key).Where(c => c.Series.Points.Count > MinOriginPoints).ToList();
        long total = 0;
        foreach (var c in series)
        {
            LeakGuard.AssertWithin(c.Series, cutoffYear);
            for (var k = MinOriginPoints; k < c.Series.Points.Count; k++)
            {
                if (IsRecentOrigin(c.Series.Points[k - 1], cutoffYear)) total += c.Series.Points.Count - k;
            }
        }
        var stride = Math.Max(1, (total + MaxExamples - 1) / MaxExamples);
        var origins = new List<ForecastCase>();
        var outcomes = new List<(double Value, int Bucket)>();
        long index = 0;
        foreach (var c in series)
        {
            var points = c.Series.Points;
            for (var k = MinOriginPoints; k < points.Count; k++)
            {
                if (!IsRecentOrigin(points[k - 1], cutoffYear)) continue;
                Series? upToOrigin = null;
                for (var j = k; j < points.Count; j++, index++)
                {
                    if (index % stride != 0) continue;
                    upToOrigin ??= c.Series.UpTo(points[k - 1].Year);
                    origins.Add(new ForecastCase(upToOrigin, c.Target with { DeadlineYear = points[j].Year }));
                    outcomes.Add((points[j].Value, Math.Min(points[j].Year - points[k - 1].Year, HorizonBuckets) - 1));
                }
            }
        }
        var distributions = origins.Count == 0 ? [] : project(origins);
        var scores = Enumerable.Range(0, HorizonBuckets).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < distributions.Count; i++)
        {
            var score = FactorToCover(distributions[i], outcomes[i].Value);
            if (double.IsFinite(score)) scores[outcomes[i].Bucket].Add(score);
        }
        var measured = new double?[HorizonBuckets];
        for (var b = 0; b < HorizonBuckets; b++) measured[b] = scores[b].Count >= MinExamples ? ConformalQuantile(scores[b]) : null;
        return new IntervalScale(WithUnmeasuredHorizons(measured));
    }

    /// <summary>Bisection steps on the log factor between <see cref="MinFactor"/> and <see cref="MaxFactor"/>: the score is found to
    /// within a relative 5e-5 (ln 32 / 2¹⁶), far below the quantile's own sampling error; each step costs six t CDFs per example.</summary>
    private const int FactorSearchSteps = 16;

    /// <summary>The smallest factor whose widened <paramref name="d"/> has <paramref name="x"/> inside its 80% interval.</summary>
    private static double FactorToCover(PredictiveDistribution d, double x)
    {
        bool Inside(double f)
        {
            var w = d.Widened(f);
            return w.Cdf(x) >= PredictiveDistribution.LowerTail && w.CdfBelow(x) <= 1 - PredictiveDistribution.LowerTail;
        }
        if (Inside(MinFactor)) return MinFactor;
        if (!Inside(MaxFactor)) return MaxFactor;
        double lo = Math.Log(MinFactor), hi = Math.Log(MaxFactor);
        for (var i = 0; i < FactorSearchSteps; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Inside(Math.Exp(mid))) hi = mid; else lo = mid;
        }
        return Math.Exp(hi);
    }

    private static bool IsRecentOrigin(SeriesPoint origin, int cutoffYear) => origin.Year >= cutoffYear - RecentOriginYears;

    /// <summary>Fills the horizons without enough examples. A longer horizon than any measured one continues the measured
    /// growth of the factor per year (least squares on the log factors of the measured horizons, never shrinking); a
    /// shorter one, or one with no measured growth to continue (fewer than two measured horizons), borrows the nearest
    /// shorter factor (1 when there is none).</summary>
    /// <remarks>Recent origins rarely reach far: at an early cutoff only horizons 1-2 have examples, while the deadline is
    /// 4 years away. Errors grow with the horizon faster than the trend's spread says (measured factors 1.0/1.2/1.4 and
    /// 1.2/1.5/2.0 for horizons 1-3 at cutoffs 2017 and 2018), so copying the last measured factor flat understates the
    /// long horizons: weighted_trend's coverage at cutoff 2016 was 0.69 copied, 0.77 continued.</remarks>
    public static double[] WithUnmeasuredHorizons(IReadOnlyList<double?> measured)
    {
        var known = Enumerable.Range(0, measured.Count).Where(b => measured[b] is not null).ToList();
        var growth = 0.0;
        if (known.Count >= 2)
        {
            var meanX = known.Average(b => (double)b);
            var meanY = known.Average(b => Math.Log(measured[b]!.Value));
            growth = Math.Max(0, known.Sum(b => (b - meanX) * (Math.Log(measured[b]!.Value) - meanY)) / known.Sum(b => (b - meanX) * (b - meanX)));
        }
        var factors = new double[measured.Count];
        var previous = 1.0;
        for (var b = 0; b < measured.Count; b++)
        {
            factors[b] = previous = measured[b]
                ?? (known.Count >= 2 && b > known[^1]
                    ? Math.Clamp(measured[known[^1]]!.Value * Math.Exp(growth * (b - known[^1])), MinFactor, MaxFactor)
                    : previous);
        }
        return factors;
    }

    private static double ConformalQuantile(List<double> scores)
    {
        scores.Sort();
        var rank = (int)Math.Ceiling((scores.Count + 1) * PredictiveDistribution.IntervalCoverage);
        return Math.Clamp(scores[Math.Min(rank, scores.Count) - 1], MinFactor, MaxFactor);
    }
}

/// <summary>Interval calibration factors by horizon (years from the latest observation to the forecast year).</summary>
public sealed record IntervalScale(IReadOnlyList<double> ByHorizon)
{
    /// <summary>No calibration: factor 1 at every horizon.</summary>
    public static readonly IntervalScale None = new([1.0]);

    /// <summary>The factor for a forecast <paramref name="years"/> ahead.</summary>
    public double At(int years) => ByHorizon[Math.Clamp(years, 1, ByHorizon.Count) - 1];

    /// <summary>"1.2/1.0/…" for the reports.</summary>
    public override string ToString() => string.Join("/", ByHorizon.Select(f => f.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>The three methods as trained at a cutoff: ML model and interval calibration fitted on data up to it only.</summary>
/// <param name="IntervalScales">Calibration factors per method name (none for the combined method, a mixture of calibrated members).</param>
public sealed record MethodSet(IReadOnlyList<IForecastMethod> Methods, MlMethod Ml, IReadOnlyDictionary<string, IntervalScale> IntervalScales)
{
    /// <summary>Trains the ML method and calibrates every method's interval on <paramref name="cases"/> (data up to <paramref name="cutoffYear"/>);
    /// <paramref name="calibrateIntervals"/> false keeps the raw model intervals (factor 1).</summary>
    public static MethodSet Train(IReadOnlyList<ForecastCase> cases, int cutoffYear, bool calibrateIntervals = true)
    {
        var unsd = calibrateIntervals ? IntervalCalibration.Fit(cases, cutoffYear, (i, p, k, y) => UnsdCagrMethod.Distribution(i, p, k, y)) : IntervalScale.None;
        var trend = calibrateIntervals ? IntervalCalibration.Fit(cases, cutoffYear, (i, p, k, y) => WeightedTrendMethod.Distribution(i, p, k, y)) : IntervalScale.None;
        // The ml distribution is the trend's with a moved centre, so it takes the trend's spread calibration.
        var ml = MlMethod.Train(cases, cutoffYear).WithIntervalScale(trend);
        var members = CombinedMethod.Shared([new UnsdCagrMethod(unsd), new WeightedTrendMethod(trend), ml]);
        var mixture = new CombinedMethod(members);
        // The mixture of calibrated members is wider than each (their centres disagree): it gets a factor of its own.
        var combined = calibrateIntervals
            ? IntervalCalibration.FitCases(cases, cutoffYear, mixture.Distributions)
            : IntervalScale.None;
        return new MethodSet([.. members, mixture.WithIntervalScale(combined)], ml,
            new Dictionary<string, IntervalScale>
            {
                [MethodNames.UnsdCagr] = unsd, [MethodNames.WeightedTrend] = trend, [MethodNames.Ml] = trend,
                [MethodNames.Combined] = combined,
            });
    }
}
