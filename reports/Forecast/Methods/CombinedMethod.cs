using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Forecast.Stats;

namespace Wcc.Reports.Forecast.Methods;

/// <summary>The equal-weight mixture of the other methods' (calibrated) predictive distributions: P(met) is the mean of
/// theirs (a linear opinion pool), the projection and interval are the mixture's quantiles.</summary>
/// <remarks>Measured before it was added, pooling the three methods' P(met) on the default warehouse scored Brier
/// 0.101 / 0.093 / 0.071 at cutoffs 2016 / 2017 / 2018 against the best single method's 0.105 / 0.091 / 0.075: the
/// methods err in different places. It competes in the backtest like any method; no weights are fitted.</remarks>
public sealed class CombinedMethod(IReadOnlyList<IForecastMethod> members) : IForecastMethod
{
    /// <summary>Wraps each member so that the engine's own run of it and the mixture's share one computation.</summary>
    public static IReadOnlyList<IForecastMethod> Shared(IReadOnlyList<IForecastMethod> methods) => methods.Select(m => new Memoized(m)).ToList();

    /// <inheritdoc />
    public string Name => MethodNames.Combined;

    /// <summary>The methods mixed, in report order.</summary>
    public IReadOnlyList<IForecastMethod> Members { get; } = members;

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases)
    {
        var byMember = Members.Select(m => m.ProjectAll(cases)).ToList();
        var result = new List<MethodForecast>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var parts = byMember.Select(m => m[i]).ToList();
            var mixture = PredictiveDistribution.Mixture(parts.Select(p => p.Distribution).ToList());
            var raw = PredictiveDistribution.Mixture(parts.Select(p => p.Uncalibrated).ToList());
            var unit = c.Series.Indicator.Unit;
            var forecast = AttainmentProbability.Forecast(mixture, double.NaN, c.Target, null,
                (d, p) => $"{string.Join("、", Members.Select(m => MethodNames.ShortChinese(m.Name)))}的预测分布等权组合：达标概率{ReasonText.Number(Math.Round(p * 100))}%，"
                          + $"{c.Target.DeadlineYear}年约{ReasonText.Value(d.Median, unit)}",
                MethodNames.Combined);
            result.Add(forecast with { RawDistribution = raw });
        }
        return result;
    }

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
