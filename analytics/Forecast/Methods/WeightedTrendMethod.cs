using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>One year of a projected path: its predictive distribution, and the assumed shift (a planning scenario's extra pace) included.</summary>
public sealed record PathPoint(int Year, PredictiveDistribution Distribution, double Shift)
{
    /// <summary>Projected value (median).</summary>
    public double Projected => Distribution.Median;

    /// <summary>Lower end of the 80% interval.</summary>
    public double Lower => Distribution.Lower;

    /// <summary>Upper end of the 80% interval.</summary>
    public double Upper => Distribution.Upper;
}

/// <summary>ESCAP/UNECE-style time-weighted linear trend: recent years count more (half-life <see cref="TrendFacts.HalfLifeYears"/>),
/// fitted on the indicator's transformed scale (<see cref="ValueScale"/>).</summary>
/// <remarks>
/// The weighted least-squares line of z = T(value) gives the centre at the deadline; the spread is the prediction standard
/// error (weighted residual SD, floored, inflated by the leverage of the deadline year), times the interval calibration
/// factor found on rolling origins. The predictive distribution is Student t with n − 2 degrees of freedom on the
/// transformed scale; projection (median), 80% interval and P(met) are all read off it.
/// </remarks>
public sealed class WeightedTrendMethod(IntervalScale? calibration = null) : IForecastMethod
{
    /// <summary>Residual scatter on a log or logit scale never assumed below 0.01 (about 1% of the level, or of the odds):
    /// two points fit any line exactly, which says nothing about noise.</summary>
    public const double MinTransformedScatter = 0.01;

    /// <inheritdoc />
    public string Name => MethodNames.WeightedTrend;

    /// <summary>The factors applied to the raw spread by horizon (rolling-origin calibration).</summary>
    public IntervalScale Calibration { get; } = calibration ?? IntervalScale.None;

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases) => cases.Select(Project).ToList();

    /// <summary>The raw (uncalibrated) predictive distribution at <paramref name="year"/> from the first <paramref name="count"/> points;
    /// <paramref name="shift"/> adds an assumed change in the indicator's unit to the median.</summary>
    public static PredictiveDistribution Distribution(IndicatorProfile indicator, IReadOnlyList<SeriesPoint> points, int count, int year, double shift = 0)
    {
        var scale = ValueScale.For(indicator);
        var line = TrendFacts.FitLine(points, count, scale.Forward);
        var latest = points[count - 1].Value;
        var floor = scale.Kind == ScaleKind.Identity
            ? Math.Max(Math.Abs(latest) * TrendFacts.MinRelativeScatter, TrendFacts.MinAbsoluteScatter)
            : MinTransformedScatter;
        var location = line.At(year);
        if (shift != 0) location = scale.Forward(scale.Inverse(location) + shift);
        return new PredictiveDistribution(scale, location, line.PredictionSe(year, Math.Max(line.ResidualSd, floor)), line.DegreesOfFreedom);
    }

    /// <summary>The projected path at each of <paramref name="years"/>; <paramref name="shift"/> adds an assumed change
    /// (a planning scenario's extra pace) in a year; <paramref name="intervalScale"/> is the calibration factor.</summary>
    public static IReadOnlyList<PathPoint> Path(Series series, IEnumerable<int> years, Func<int, double>? shift = null, IntervalScale? calibration = null) =>
        years.Select(year =>
        {
            var s = shift?.Invoke(year) ?? 0;
            var factor = (calibration ?? IntervalScale.None).At(year - series.Points[^1].Year);
            return new PathPoint(year, Distribution(series.Indicator, series.Points, series.Points.Count, year, s).Widened(factor), s);
        }).ToList();

    private MethodForecast Project(ForecastCase c)
    {
        var f = TrendFacts.From(c.Series.Points);
        var factor = Calibration.At(c.Target.DeadlineYear - f.Latest.Year);
        var distribution = Distribution(c.Series.Indicator, c.Series.Points, c.Series.Points.Count, c.Target.DeadlineYear).Widened(factor);
        var unit = c.Series.Indicator.Unit;
        return AttainmentProbability.Forecast(distribution, factor, c.Target, null,
            (d, _) => $"{ReasonText.Pace(c, f)}；加权趋势推算{c.Target.DeadlineYear}年约{ReasonText.Value(d.Median, unit)}", MethodNames.WeightedTrend);
    }
}
