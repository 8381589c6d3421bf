using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Planning.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Planning;

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
    public void Assess_LowerIsBetter_SuggestedOrderFlips()
    {
        var a = PlanProjections.Assess(Context(), "s", Target("W_MATERNAL_MORTALITY", "F", Comparator.AtMost, 10));
        Assert.True(a.SuggestedP90 > a.SuggestedP70 && a.SuggestedP70 > a.SuggestedP50, $"{a.SuggestedP90} {a.SuggestedP70} {a.SuggestedP50}");
    }

    [Fact]
    public void Assess_RequiredPace_IsTheGapOverTheYearsLeft()
    {
        var a = PlanProjections.Assess(Context(), "s", Target("W_EMP_TRAINED", "F", Comparator.AtLeast, 75000));
        Assert.Equal((75000 - a.LatestValue!.Value) / (2025 - a.LatestYear!.Value), a.RequiredPace!.Value, 9);
        Assert.Equal(a.RequiredPace - a.HistoricalPace, a.PaceGap);
    }
}
