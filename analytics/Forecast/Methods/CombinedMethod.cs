using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>The equal-weight mixture of the other methods' (calibrated) predictive distributions, every component's spread
/// multiplied by the mixture's own rolling-origin factor (<see cref="Calibration"/>): P(met), the projection and the interval
/// are read off that one mixture.</summary>
/// <remarks>Measured before it was added, pooling the three methods' P(met) on the default warehouse scored Brier
/// 0.101 / 0.093 / 0.071 at cutoffs 2016 / 2017 / 2018 against the best single method's 0.105 / 0.091 / 0.075: the
/// methods err in different places. It competes in the backtest like any method; no weights are fitted.</remarks>
/// <remarks>The mixture of calibrated members is wider than each of them (their centres disagree): on the default warehouse its
/// 80% intervals held 0.868 / 0.850 / 0.827 at cutoffs 2016 / 2017 / 2018. So it is calibrated like the members
/// (<see cref="IntervalCalibration.FitCases"/>, recent origins up to the cutoff only): factors below 1 narrow it.</remarks>
public sealed class CombinedMethod(IReadOnlyList<IForecastMethod> members) : IForecastMethod
{
    /// <summary>Wraps each member so that the engine's own run of it and the mixture's share one computation.</summary>
    public static IReadOnlyList<IForecastMethod> Shared(IReadOnlyList<IForecastMethod> methods) => methods.Select(m => new Memoized(m)).ToList();

    /// <inheritdoc />
    public string Name => MethodNames.Combined;

    /// <summary>The methods mixed, in report order.</summary>
    public IReadOnlyList<IForecastMethod> Members { get; } = members;

    /// <summary>The factor by which every component's spread is widened (rolling-origin calibration of the mixture; 1 = none).</summary>
    public IntervalScale Calibration { get; private init; } = IntervalScale.None;

    /// <summary>The same mixture with the interval calibration <paramref name="calibration"/>.</summary>
    public CombinedMethod WithIntervalScale(IntervalScale calibration) => new(Members) { Calibration = calibration };

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases)
    {
        var byMember = Members.Select(m => m.ProjectAll(cases)).ToList();
        var result = new List<MethodForecast>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var parts = byMember.Select(m => m[i]).ToList();
            var factor = Factor(c);
            var mixture = Mix(parts, factor);
            var raw = PredictiveDistribution.Mixture(parts.Select(p => p.Uncalibrated).ToList());
            var unit = c.Series.Indicator.Unit;
            var forecast = AttainmentProbability.Forecast(mixture, factor, c.Target, null,
                (d, p) => $"{string.Join("、", Members.Select(m => MethodNames.ShortChinese(m.Name)))}的预测分布等权组合：达标概率{ReasonText.Number(Math.Round(p * 100))}%，"
                          + $"{c.Target.DeadlineYear}年约{ReasonText.Value(d.Median, unit)}",
                MethodNames.Combined);
            result.Add(forecast with { RawDistribution = raw });
        }
        return result;
    }

    /// <summary>The mixture's predictive distribution for each case, as <see cref="ProjectAll"/> gives it, without reading
    /// anything off it (P(met), status, reason): what the interval calibration scores (<see cref="IntervalCalibration.FitCases"/>).</summary>
    public IReadOnlyList<PredictiveDistribution> Distributions(IReadOnlyList<ForecastCase> cases)
    {
        var byMember = Members.Select(m => m.ProjectAll(cases)).ToList();
        var result = new List<PredictiveDistribution>(cases.Count);
        for (var i = 0; i < cases.Count; i++) result.Add(Mix(byMember.Select(m => m[i]).ToList(), Factor(cases[i])));
        return result;
    }

    private double Factor(ForecastCase c) => Calibration.At(c.Target.DeadlineYear - c.Series.Points[^1].Year);

    private static PredictiveDistribution Mix(IReadOnlyList<MethodForecast> parts, double factor) =>
        PredictiveDistribution.Mixture(parts.Select(p => p.Distribution).ToList()).Widened(factor);

    /// <summary>Remembers a method's last run: the engine passes the same case list to every method, so the mixture reuses the
    /// members' forecasts instead of computing them twice.</summary>
    private sealed class Memoized(IForecastMethod inner) : IForecastMethod
    {
        private IReadOnlyList<ForecastCase>? lastCases;
        private IReadOnlyList<MethodForecast> last = [];

        public string Name => inner.Name;

        public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases)
        {
            if (!ReferenceEquals(cases, lastCases))
            {
                last = inner.ProjectAll(cases);
                lastCases = cases;
            }
            return last;
        }
    }
}
