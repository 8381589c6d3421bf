using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Draft;
using Wcc.Analytics.Planning.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>Target sentences of the draft notice: a district's target names its district.</summary>
public class DraftPhraseTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private static PlanTarget Target(string area, double value) =>
        new(new SeriesKey("C_COMP_RETENTION", area, "T"), Comparator.AtLeast, value, 2024, null, null, null, null);

    [Fact]
    public void DistrictTarget_KeepsItsDistrictInTheDraft_CityTargetReadsCityWide()
    {
        var context = PlanContext.Read(warehouse.Connection, 2025, 2020);
        var district = Target("610122", 97);
        var city = Target(PlanContext.CityAreaCode, 96);
        var scenario = PlanScenario.Baseline with { Id = "district", Targets = [district, city] };
        var division = DivisionPlanner.Plan(context, scenario);

        Assert.Equal("到2024年，蓝田县九年义务教育巩固率达到97%以上。", division.WrittenTargets.Single(w => w.Series == district.Series).Phrase);
        Assert.Equal("到2024年，九年义务教育巩固率达到96%以上。", division.WrittenTargets.Single(w => w.Series == city.Series).Phrase);
        // The parser reads the draft back to the same tasks and targets.
        DraftNotice.Verify(DraftNotice.Render(context, scenario, division), division, "district.txt");
    }

    [Fact]
    public void Baseline_CarriedTargets_AreWrittenOnce_AndReadBack()
    {
        var context = PlanContext.Read(warehouse.Connection, 2025, 2020);
        var baseline = PlanScenario.BaselineFor(context);
        var division = DivisionPlanner.Plan(context, baseline);
        Assert.Equal(baseline.Targets.Count, division.WrittenTargets.Count);
        // 保持城乡幼儿园毛入园率在98%以上 already stands in task 16's text: the carried ≥98 is not added a second time.
        var kindergarten = division.WrittenTargets.Single(w => w.Series.IndicatorCode == "C_KG_GER");
        Assert.EndsWith("保持城乡幼儿园毛入园率在98%以上。", kindergarten.Phrase);
        var task = division.Tasks.Single(t => t.PlanTaskNo == kindergarten.PlanTaskNo);
        Assert.Single(task.Targets, x => x.Value == 98);
        Assert.True(division.WrittenTargets.Count(w => w.Phrase is not null) >= baseline.Targets.Count - 2);
        DraftNotice.Verify(DraftNotice.Render(context, baseline, division), division, "baseline.txt");
    }
}
