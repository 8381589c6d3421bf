using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Planning.Draft;
using Wcc.Reports.Planning.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Planning;

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
}
