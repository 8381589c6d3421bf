using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Tests.Analytics.Forecast;

public class ForecastMethodsTests
{
    private static readonly IndicatorProfile Rate = new("COV", true, 0, 100, "%", "rate");
    private static readonly IndicatorProfile Mortality = new("MORT", false, 0, null, "‰", "rate");

    /// <summary>No bounds: the identity scale, on which the hand computations below are made.</summary>
    private static readonly IndicatorProfile Plain = new("IDX", true, null, null, "", "ratio");

    private static ForecastCase Case(IndicatorProfile indicator, string comparator, double target, int deadline, params (int Year, double Value)[] points) =>
        new(new Series(new SeriesKey(indicator.Code, "610100", "F"), indicator, points.Select(p => new SeriesPoint(p.Year, p.Value))),
            new TargetSpec(TargetSpec.ParseComparator(comparator), target, deadline, "610100", null));

    private static ForecastResult Run(IForecastMethod method, ForecastCase c, int asOf) => ForecastEngine.Run([c], asOf, [method]).Single();

    [Fact]
    public void UnsdCagr_HandComputed_ExpectedValueAndRatio()
    {
        // CAGR 2010→2015 = (50/40)^(1/5) − 1; five more years at that rate give 50·1.25 = 62.5.
        var c = Case(Rate, ">=", 70, 2020, (2010, 40), (2015, 50));
        var f = TrendFacts.From(c.Series.Points);
        Assert.Equal(Math.Pow(1.25, 0.2) - 1, f.Cagr!.Value, 12);
        var (expected, ratio, _) = UnsdCagrMethod.Extrapolate(c, f);
        Assert.Equal(62.5, expected, 9);
        Assert.Equal((62.5 - 40) / (70 - 40), ratio!.Value, 9); // 0.75: fair progress
        Assert.Equal(ForecastStatus.NeedsAcceleration, Run(new UnsdCagrMethod(), c, 2015).Status);
    }

    [Fact]
    public void UnsdCagr_RatioThresholds_GiveOnTrackAndStagnation()
    {
        Assert.Equal(ForecastStatus.OnTrack, Run(new UnsdCagrMethod(), Case(Rate, ">=", 60, 2020, (2010, 40), (2015, 50)), 2015).Status); // ratio 1.125
        var regress = Run(new UnsdCagrMethod(), Case(Rate, ">=", 70, 2020, (2010, 50), (2015, 49)), 2015);
        Assert.Equal(ForecastStatus.OffTrack, regress.Status);
        Assert.True(regress.PMet < 0.05);
    }

    [Fact]
    public void UnsdCagr_Probability_IsNormalOfRatioExcessOverScatter()
    {
        // Two points: scatter is the 1% floor of the latest value, widened by √(1 + h/span) = √2 (identity scale).
        var c = Case(Plain, ">=", 60, 2020, (2010, 40), (2015, 50));
        var sd = 0.01 * 50 * Math.Sqrt(2);
        var expectedP = Distributions.NormalCdf((1.125 - 1) * (60 - 40) / sd);
        Assert.Equal(expectedP, Run(new UnsdCagrMethod(), c, 2015).PMet!.Value, 9);
    }

    [Fact]
    public void WeightedTrend_HandComputed_SlopeFavoursRecentYears()
    {
        // Weights 0.5^(age/3): 2018 → 0.5, 2019 → 0.62996, 2021 → 1. Weighted means: year 2019.70424, value 12.
        // Slope = Σw(x−x̄)(y−ȳ)/Σw(x−x̄)² = 0.871171; at 2025: 12 + 0.871171·(2025 − 2019.70424) = 16.61351.
        var c = Case(Plain, ">=", 20, 2025, (2018, 10), (2019, 12), (2021, 13));
        var f = TrendFacts.From(c.Series.Points);
        Assert.Equal(0.8711706, f.Line.Slope, 6);
        Assert.Equal(2019.7042384, f.Line.Centre, 6);
        var r = Run(new WeightedTrendMethod(), c, 2021);
        Assert.Equal(16.6135118, r.ProjectedValue!.Value, 5);
        Assert.True(r.Lower < r.ProjectedValue && r.ProjectedValue < r.Upper);
    }

    [Fact]
    public void WeightedTrend_ExactLine_SlopeIsTheLine()
    {
        var f = TrendFacts.From([new(2010, 2), new(2012, 6), new(2013, 8), new(2017, 16)]);
        Assert.Equal(2.0, f.Line.Slope, 10);
        Assert.Equal(f.ScatterFloor, f.WeightedScatter); // residuals are zero: the floor applies
    }

    [Fact]
    public void StudentT_KnownQuantiles()
    {
        Assert.Equal(3.0777, Distributions.StudentTQuantile(0.9, 1), 3);
        Assert.Equal(1.5332, Distributions.StudentTQuantile(0.9, 4), 3);
        Assert.Equal(0.975, Distributions.StudentTCdf(2.2281, 10), 4);
        Assert.Equal(0.5, Distributions.NormalCdf(0), 7);
    }

    [Fact]
    public void FewerThanTwoPoints_IsInsufficientData_NotAGuess()
    {
        foreach (var method in new IForecastMethod[] { new UnsdCagrMethod(), new WeightedTrendMethod() })
        {
            var one = Run(method, Case(Rate, ">=", 90, 2025, (2019, 80)), 2020);
            Assert.Equal(ForecastStatus.InsufficientData, one.Status);
            Assert.Null(one.ProjectedValue);
            Assert.Null(one.PMet);
            Assert.Contains("仅有1个观测年份", one.Reason);
            Assert.Equal(ForecastStatus.InsufficientData, Run(method, Case(Rate, ">=", 90, 2025), 2020).Status);
        }
    }

    [Fact]
    public void LatestAlreadyMeetsTarget_IsMet()
    {
        var r = Run(new WeightedTrendMethod(), Case(Rate, ">=", 90, 2025, (2016, 85), (2018, 89), (2020, 92)), 2020);
        Assert.Equal(ForecastStatus.Met, r.Status);
        Assert.StartsWith("2020年最新值92%已达到目标≥90%", r.Reason);
    }

    [Fact]
    public void LowerIsBetter_FallingMortality_IsOnTrackWithPaceInReason()
    {
        var c = Case(Mortality, "<=", 6.5, 2025, (2014, 10), (2016, 9.2), (2018, 8.4), (2020, 7.6));
        foreach (var method in new IForecastMethod[] { new UnsdCagrMethod(), new WeightedTrendMethod() })
        {
            var r = Run(method, c, 2020);
            Assert.Equal(ForecastStatus.OnTrack, r.Status);
            Assert.True(r.PMet > 0.7, $"{method.Name}: {r.PMet}");
            Assert.Contains("需年均降低0.22个千分点，近年年均降低0.4个千分点", r.Reason);
        }
    }

    [Fact]
    public void RisingRate_ProjectionAndIntervalClampedToBounds()
    {
        var c = Case(Rate, ">=", 99, 2030, (2014, 80), (2016, 88), (2018, 95), (2020, 98));
        foreach (var method in new IForecastMethod[] { new UnsdCagrMethod(), new WeightedTrendMethod() })
        {
            var r = Run(method, c, 2020);
            Assert.True(r.ProjectedValue <= 100 && r.Upper <= 100 && r.Lower >= 0, method.Name);
            Assert.Equal(100, r.Upper!.Value);
        }
    }

    [Fact]
    public void EqualComparator_MetWithinTolerance()
    {
        var t = new TargetSpec(Comparator.Equal, 105, 2025, "610100", null);
        Assert.True(t.IsMet(105 * (1 + TargetSpec.EqualRelativeTolerance)));
        Assert.False(t.IsMet(105 * (1 + 2 * TargetSpec.EqualRelativeTolerance)));
        // A flat series sitting on the level: met. One moving away fast: off track.
        var flat = Run(new WeightedTrendMethod(), Case(Rate with { UpperBound = null }, "=", 105, 2025, (2016, 105.2), (2018, 104.9), (2020, 105.1)), 2020);
        Assert.Equal(ForecastStatus.Met, flat.Status);
        var away = Run(new WeightedTrendMethod(), Case(Rate with { UpperBound = null }, "=", 105, 2025, (2016, 108), (2018, 111), (2020, 114)), 2020);
        Assert.Equal(ForecastStatus.OffTrack, away.Status);
        Assert.True(away.PMet < 0.05);
    }

    [Fact]
    public void PastDeadline_UsesObservedValueAtOrNearTheDeadline()
    {
        var exact = Run(new UnsdCagrMethod(), Case(Rate, ">=", 90, 2020, (2016, 85), (2020, 88), (2022, 93)), 2022);
        Assert.Equal((88.0, 0.0, ForecastStatus.OffTrack, ForecastEngine.ObservedMethod), (exact.ProjectedValue!.Value, exact.PMet!.Value, exact.Status, exact.MethodUsed));
        var near = Run(new UnsdCagrMethod(), Case(Rate, ">=", 90, 2020, (2016, 85), (2019, 91), (2021, 89)), 2022);
        Assert.Equal(91, near.ProjectedValue); // 2019 and 2021 are both one year away: the earlier was known at the deadline
        Assert.Equal(ForecastStatus.Met, near.Status);
        Assert.Contains("截止年2020年无数据，2019年实际值91%", near.Reason);
        var far = Run(new WeightedTrendMethod(), Case(Rate, ">=", 90, 2020, (2012, 80), (2014, 82), (2022, 95)), 2022);
        Assert.NotEqual(ForecastEngine.ObservedMethod, far.MethodUsed); // no value within a year: forecast from the trend
    }

    [Fact]
    public void IrregularYearsWithGaps_AreHandled()
    {
        var r = Run(new WeightedTrendMethod(), Case(Rate, ">=", 90, 2025, (2009, 60), (2013, 66), (2014, 67), (2019, 75)), 2020);
        Assert.NotNull(r.PMet);
        Assert.InRange(r.ProjectedValue!.Value, 75, 90);
    }

    [Fact]
    public void Engine_RefusesDataAfterTheAsOfYear()
    {
        var c = Case(Rate, ">=", 90, 2025, (2016, 80), (2021, 85));
        Assert.Throws<InvalidOperationException>(() => ForecastEngine.Run([c], 2020, [new WeightedTrendMethod()]));
        Assert.Throws<InvalidOperationException>(() => MlMethod.Train([c], 2020));
    }

    [Fact]
    public void Ml_TooFewExamples_FallsBackAndSaysSo()
    {
        var c = Case(Rate, ">=", 90, 2025, (2014, 80), (2016, 82), (2018, 85), (2020, 86));
        var ml = MlMethod.Train([c], 2020);
        Assert.NotNull(ml.Summary.FallbackReason);
        var r = Run(ml, c, 2020);
        Assert.Equal(MethodNames.MlFallback, r.MethodUsed);
        Assert.Contains("改用校准后的加权趋势", r.Reason);
    }

    [Fact]
    public void Platt_OneClass_IsIdentity_TwoClasses_Calibrates()
    {
        Assert.Equal(0.3, PlattCalibration.Fit([(0.3, true), (0.8, true)]).Apply(0.3), 9);
        var overconfident = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? 0.99 : 0.01, i % 4 != 3)).ToList();
        var fitted = PlattCalibration.Fit(overconfident);
        Assert.InRange(fitted.Apply(0.01), 0.2, 0.8); // half of the 0.01 forecasts came true
    }
}
