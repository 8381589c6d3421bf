using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>Target assessment on real seed series: pace assumptions and suggested targets.</summary>
public class PlanProjectionsTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private PlanContext Context() => PlanContext.Read(warehouse.Connection, 2025, 2020);

    private static PlanTarget Target(string indicator, string sex, Comparator comparator, double value, double? extra = null) =>
        new(new SeriesKey(indicator, PlanContext.CityAreaCode, sex), comparator, value, 2025, null, extra is null ? null : 2022, extra, null);

    [Fact]
    public void Assess_FasterPace_RaisesTheProbability()
    {
        var context = Context();
        var slow = PlanProjections.Assess(context, "s", Target("W_EMP_TRAINED", "F", Comparator.AtLeast, 75000));
        var fast = PlanProjections.Assess(context, "s", Target("W_EMP_TRAINED", "F", Comparator.AtLeast, 75000, extra: 1500));

        Assert.Equal(slow.PMetBaseline, fast.PMetBaseline);
        Assert.True(fast.PMetScenario > slow.PMetScenario + 0.1, $"{fast.PMetScenario} vs {slow.PMetScenario}");
        Assert.Equal(slow.PMetBaseline, slow.PMetScenario);
    }

    [Fact]
    public void Assess_HigherIsBetter_SuggestedTargetsOrdered90Below70Below50()
    {
        var a = PlanProjections.Assess(Context(), "s", Target("W_EMP_TRAINED", "F", Comparator.AtLeast, 75000));
        Assert.True(a.SuggestedP90 < a.SuggestedP70 && a.SuggestedP70 < a.SuggestedP50, $"{a.SuggestedP90} {a.SuggestedP70} {a.SuggestedP50}");
        Assert.Equal(a.ProjectedScenario, a.SuggestedP50);
    }

    [Fact]
    public void Assess_LowerIsBetter_SuggestedOrderFlips_AndNeverGoesBelowTheBestArea()
    {
        var context = Context();
        var a = PlanProjections.Assess(context, "s", Target("W_MATERNAL_MORTALITY", "F", Comparator.AtMost, 10));
        Assert.True(a.SuggestedP90 > a.SuggestedP70 && a.SuggestedP70 >= a.SuggestedP50, $"{a.SuggestedP90} {a.SuggestedP70} {a.SuggestedP50}");
        var best = context.Data.Series.Values.Where(s => s.Key.IndicatorCode == "W_MATERNAL_MORTALITY" && s.Points.Count > 0).Min(s => s.Points[^1].Value);
        Assert.Equal(best, a.LimitFloor);
        Assert.True(a.SuggestedP50 >= best, $"{a.SuggestedP50} is below what the best area reached ({best})");
    }

    [Fact]
    public void Assess_InfantMortality_SuggestionsStayAboveZero_AndAWideMarginIsFlaggedWithATighterLevel()
    {
        // The 2018-2020 ceiling of 10‰ against 1.35‰ observed in 2020.
        var a = PlanProjections.Assess(Context(), "s", Target("C_INFANT_MORTALITY", "T", Comparator.AtMost, 10));
        Assert.True(a.SuggestedP50 > 0 && a.LimitFloor > 0, $"{a.SuggestedP50} / floor {a.LimitFloor}");
        Assert.True(a.MetByWideMargin);
        Assert.NotNull(a.TighterTarget);
        Assert.InRange(a.TighterTarget!.Value, a.LimitFloor!.Value, a.LatestValue!.Value * 2);
        Assert.True(a.TighterTarget < 10);
        var tight = PlanProjections.Assess(Context(), "s", Target("C_INFANT_MORTALITY", "T", Comparator.AtMost, a.LatestValue!.Value * 1.1));
        Assert.False(tight.MetByWideMargin);
        Assert.Null(tight.TighterTarget);
    }

    [Fact]
    public void Assess_Share_SuggestionsStayBelowAMeasurableCeiling()
    {
        var a = PlanProjections.Assess(Context(), "s", Target("C_KG_GER", "T", Comparator.AtLeast, 99));
        Assert.Equal(100 - TargetLimits.MeasurableCeilingMargin, a.LimitCeiling);
        Assert.True(a.SuggestedP50 <= a.LimitCeiling && a.SuggestedP90 <= a.SuggestedP50, $"{a.SuggestedP90} {a.SuggestedP50}");
    }

    [Fact]
    public void Baseline_CarriesEveryPreviousTarget_ToTheHorizon()
    {
        var context = Context();
        var baseline = PlanScenario.BaselineFor(context);
        var previous = context.Data.Targets.Where(t => !t.IsShared).Select(t => (t.IndicatorCode, t.AreaCode, t.Sex)).Distinct().ToList();
        Assert.Equal(previous.Count, baseline.Targets.Count);
        Assert.All(baseline.Targets, t => Assert.Equal(2025, t.Deadline));
        Assert.All(previous, p => Assert.Contains(baseline.Targets, t => (t.Series.IndicatorCode, t.Series.AreaCode, t.Series.Sex) == p));
    }

    [Fact]
    public void Assess_RequiredPace_IsTheGapOverTheYearsLeft()
    {
        var a = PlanProjections.Assess(Context(), "s", Target("W_EMP_TRAINED", "F", Comparator.AtLeast, 75000));
        Assert.Equal((75000 - a.LatestValue!.Value) / (2025 - a.LatestYear!.Value), a.RequiredPace!.Value, 9);
        Assert.Equal(a.RequiredPace - a.HistoricalPace, a.PaceGap);
    }
}
