using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>A method's forecast for one case with at least two observations and a deadline still ahead.</summary>
/// <param name="Distribution">The predictive distribution (interval calibration applied): projection, interval and P(met) are read off it.</param>
/// <param name="IntervalScale">The factor the backtest-calibrated interval applied to the raw spread (1 = uncalibrated).</param>
public sealed record MethodForecast(PredictiveDistribution Distribution, double IntervalScale, double PMet, ForecastStatus Status, string Reason, string MethodUsed)
{
    /// <summary>The distribution before interval calibration when it is not the calibrated one narrowed back (a mixture's).</summary>
    public PredictiveDistribution? RawDistribution { get; init; }

    /// <summary>The distribution before the rolling-origin interval calibration.</summary>
    public PredictiveDistribution Uncalibrated => RawDistribution ?? Distribution.Widened(1 / IntervalScale);

    /// <summary>Projected value at the deadline: the distribution's median.</summary>
    public double Projected => Distribution.Median;

    /// <summary>Lower end of the 80% interval.</summary>
    public double Lower => Distribution.Lower;

    /// <summary>Upper end of the 80% interval.</summary>
    public double Upper => Distribution.Upper;
}

/// <summary>A forecasting method. The engine handles the shared edge cases (no data, past deadlines) before calling it.</summary>
public interface IForecastMethod
{
    /// <summary>The method name stored in fact_forecast.method.</summary>
    string Name { get; }

    /// <summary>Forecasts each case (every case has at least two points, all within the as-of year).</summary>
    IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases);
}

/// <summary>Turns a predictive distribution into P(target met) and a probability into a status, the same way for every method.</summary>
public static class AttainmentProbability
{
    /// <summary>At or above this probability a target is on track (the vocabulary's threshold).</summary>
    public static double OnTrackProbability => StatusVocabulary.OnTrackProbability;

    /// <summary>Below this probability a target is off track; in between it needs acceleration (the vocabulary's threshold).</summary>
    public static double OffTrackProbability => StatusVocabulary.OffTrackProbability;

    /// <summary>Builds a method's forecast from its distribution: P(met) is read off the distribution, never computed apart.</summary>
    public static MethodForecast Forecast(PredictiveDistribution distribution, double intervalScale, TargetSpec target,
        Func<double, ForecastStatus>? status, Func<PredictiveDistribution, double, string> reason, string methodUsed)
    {
        var p = distribution.PMet(target);
        return new MethodForecast(distribution, intervalScale, p, (status ?? StatusOf)(p), reason(distribution, p), methodUsed);
    }

    /// <summary>Status from a probability (for methods without a rule of their own).</summary>
    public static ForecastStatus StatusOf(double pMet) =>
        pMet >= OnTrackProbability ? ForecastStatus.OnTrack
        : pMet >= OffTrackProbability ? ForecastStatus.NeedsAcceleration
        : ForecastStatus.OffTrack;
}
