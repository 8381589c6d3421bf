using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Forecast.Stats;

namespace Wcc.Reports.Forecast.Methods;

/// <summary>One year of a projected path: clamped value and 80% interval, the prediction SE and df behind them, and the assumed shift included.</summary>
public sealed record PathPoint(int Year, double Projected, double Lower, double Upper, double Se, int Df, double Shift);

/// <summary>ESCAP/UNECE-style time-weighted linear trend: recent years count more (half-life <see cref="TrendFacts.HalfLifeYears"/>).</summary>
/// <remarks>
/// The projection is the weighted least-squares line at the deadline. Its 80% interval is ± t(0.90, n−2) × the
/// prediction standard error (weighted residual SD, floored, inflated by the leverage of the deadline year).
/// P(met) is the Student-t probability that the deadline value lies on the target's side.
/// </remarks>
public sealed class WeightedTrendMethod : IForecastMethod
{
    /// <inheritdoc />
    public string Name => MethodNames.WeightedTrend;

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases) => cases.Select(Project).ToList();

    /// <summary>Projection, prediction SE and degrees of freedom at the deadline.</summary>
    public static (double Projected, double Se, int Df) Predict(ForecastCase c, TrendFacts f) =>
        Predict(c.Series.Indicator, f, c.Target.DeadlineYear);

    /// <summary>Projection, prediction SE and degrees of freedom at <paramref name="year"/>.</summary>
    public static (double Projected, double Se, int Df) Predict(IndicatorProfile indicator, TrendFacts f, int year)
    {
        var projected = indicator.Clamp(f.Line.At(year));
        return (projected, f.Line.PredictionSe(year, f.WeightedScatter), f.Line.DegreesOfFreedom);
    }

    /// <summary>The projected path at each of <paramref name="years"/>: value and 80% interval, clamped to the indicator bounds;
    /// <paramref name="shift"/> adds an assumed change (a planning scenario's extra pace) to the trend in a year.</summary>
    public static IReadOnlyList<PathPoint> Path(IndicatorProfile indicator, TrendFacts f, IEnumerable<int> years, Func<int, double>? shift = null)
    {
        var q = Distributions.StudentTQuantile(0.9, f.Line.DegreesOfFreedom);
        var result = new List<PathPoint>();
        foreach (var year in years)
        {
            var s = shift?.Invoke(year) ?? 0;
            var centre = f.Line.At(year) + s;
            var se = f.Line.PredictionSe(year, f.WeightedScatter);
            result.Add(new PathPoint(year, indicator.Clamp(centre), indicator.Clamp(centre - q * se), indicator.Clamp(centre + q * se), se, f.Line.DegreesOfFreedom, s));
        }
        return result;
    }

    /// <summary>P(met) under the Student-t predictive distribution.</summary>
    public static double PMet(TargetSpec target, double projected, double se, int df) =>
        AttainmentProbability.Of(target, projected, se, z => Distributions.StudentTCdf(z, df));

    private static MethodForecast Project(ForecastCase c)
    {
        var f = TrendFacts.From(c.Series.Points);
        var (projected, se, df) = Predict(c, f);
        var q = Distributions.StudentTQuantile(0.9, df);
        var indicator = c.Series.Indicator;
        var p = PMet(c.Target, projected, se, df);
        var reason = $"{ReasonText.Pace(c, f)}；加权趋势推算{c.Target.DeadlineYear}年约{ReasonText.Value(projected, indicator.Unit)}";
        return new MethodForecast(projected, indicator.Clamp(projected - q * se), indicator.Clamp(projected + q * se), p,
            AttainmentProbability.StatusOf(p), reason, MethodNames.WeightedTrend);
    }
}
