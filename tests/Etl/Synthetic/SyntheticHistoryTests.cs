using Wcc.Etl.Synthetic;

namespace Wcc.Tests.Etl.Synthetic;

public class SyntheticHistoryTests
{
    private static readonly AreaProfile[] Areas =
    [
        new("610100", true, false, false),
        new("610102", false, true, false), new("610103", false, true, false), new("610113", false, true, false),
        new("610116", false, false, false), new("610118", false, false, false),
        new("610122", false, false, true), new("610124", false, false, true),
    ];

    private static IndicatorProfile Rate(string code, double target, string direction = "higher", bool bySex = false, string population = "children") =>
        new(code, "rate", bySex, direction, population, 0, 100, [new TargetProfile("610100", bySex ? "T" : "T", direction == "higher" ? ">=" : "<=", target, 2020)]);

    private static readonly IndicatorProfile[] Indicators =
    [
        .. Enumerable.Range(0, 30).Select(i => Rate($"R{i:00}", 80 + i % 10 * 2, bySex: i % 3 == 0)),
        Rate("C_INFANT_MORTALITY", 6, "lower"),
        new("W_TRAINED", "count", true, "higher", "women", 0, null, [new TargetProfile("610100", "F", ">=", 60000, 2020)]),
    ];

    [Fact]
    public void Generate_SameSeed_SameRows()
    {
        var a = new SyntheticHistory(7).Generate(Indicators, Areas);
        var b = new SyntheticHistory(7).Generate(Indicators, Areas);
        Assert.Equal(a.Initial, b.Initial);
        Assert.Equal(a.Revisions, b.Revisions);
        var c = new SyntheticHistory(8).Generate(Indicators, Areas);
        Assert.NotEqual(a.Initial.Select(o => o.Value), c.Initial.Select(o => o.Value));
    }

    [Fact]
    public void Generate_RatesStayWithinBoundsAndCountsAddUp()
    {
        var (initial, _) = new SyntheticHistory(1).Generate(Indicators, Areas);
        Assert.All(initial.Where(o => o.IndicatorCode != "W_TRAINED"), o => Assert.InRange(o.Value, 0, 100));
        var counts = initial.Where(o => o.IndicatorCode == "W_TRAINED").GroupBy(o => (o.AreaCode, o.Year));
        foreach (var g in counts)
        {
            var bySex = g.ToDictionary(o => o.Sex, o => o.Value);
            Assert.Equal(bySex["T"], bySex["F"] + bySex["M"]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_Revisions_KeepACountBySexAddingUp(int seed)
    {
        var (initial, revisions) = new SyntheticHistory(seed).Generate(Indicators, Areas);
        Assert.NotEmpty(revisions);
        var latest = initial.ToDictionary(o => (o.IndicatorCode, o.AreaCode, o.Year, o.Sex));
        foreach (var r in revisions) latest[(r.IndicatorCode, r.AreaCode, r.Year, r.Sex)] = r;
        foreach (var g in latest.Values.Where(o => o.IndicatorCode == "W_TRAINED").GroupBy(o => (o.AreaCode, o.Year)))
        {
            var bySex = g.ToDictionary(o => o.Sex, o => o.Value);
            Assert.Equal(bySex["T"], bySex["F"] + bySex["M"]);
        }
    }

    [Fact]
    public void Generate_IndicatorWithoutTarget_EndsNearItsTypicalLevel()
    {
        // Without a target the natural bounds (0-1000‰) would place neonatal mortality in the hundreds.
        var neonatal = new IndicatorProfile("C_NEONATAL_MORTALITY", "rate", true, "lower", "children", 0, 1000, []);
        var (initial, _) = new SyntheticHistory(5).Generate([neonatal], Areas);
        var typical = SyntheticAnchors.TypicalLevel["C_NEONATAL_MORTALITY"];
        var city = initial.Where(o => o.AreaCode == "610100" && o.Sex == "T").OrderBy(o => o.Year).ToList();
        Assert.InRange(city[^1].Value, typical * 0.7, typical * 1.3);
        Assert.True(city[0].Value > city[^1].Value, "a lower-is-better series without a target still improves");
    }

    [Fact]
    public void Generate_CityTargetsEndWithAMixOfMetAndMissed()
    {
        var (initial, _) = new SyntheticHistory(3).Generate(Indicators, Areas);
        var outcomes = Indicators.Where(i => i.MeasureKind == "rate" && i.Direction == "higher").Select(i =>
        {
            var sex = i.Targets[0].Sex;
            var last = initial.Single(o => o.IndicatorCode == i.Code && o.AreaCode == "610100" && o.Year == 2020 && o.Sex == sex);
            return last.Value >= i.Targets[0].Value;
        }).ToList();
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    [Fact]
    public void Generate_CentralDistrictsAheadOfCountiesOnAverage()
    {
        var (initial, _) = new SyntheticHistory(5).Generate(Indicators, Areas);
        var latest = initial.Where(o => o.Year == 2020 && o.Sex == "T" && o.IndicatorCode.StartsWith('R')).ToList();
        var central = latest.Where(o => Areas.Single(a => a.Code == o.AreaCode).IsCentral).Average(o => o.Value);
        var county = latest.Where(o => Areas.Single(a => a.Code == o.AreaCode).IsCounty).Average(o => o.Value);
        Assert.True(central > county, $"central {central:F1} vs county {county:F1}");
    }

    [Fact]
    public void Generate_HasMissingDistrictYearsAndRevisions()
    {
        var (initial, revisions) = new SyntheticHistory(11).Generate(Indicators, Areas);
        var expectedPerSeries = SyntheticHistory.LastYear - SyntheticHistory.FirstYear + 1;
        var districtSeries = initial.Where(o => o.AreaCode != "610100").GroupBy(o => (o.IndicatorCode, o.AreaCode, o.Sex));
        Assert.Contains(districtSeries, g => g.Count() < expectedPerSeries);
        var citySeries = initial.Where(o => o.AreaCode == "610100").GroupBy(o => (o.IndicatorCode, o.Sex));
        Assert.All(citySeries, g => Assert.Equal(expectedPerSeries, g.Count()));
        Assert.NotEmpty(revisions);
        Assert.All(revisions, r => Assert.Contains(initial, o => o with { Value = 0, Status = null } == r with { Value = 0, Status = null } && o.Status == "provisional"));
    }

    [Fact]
    public void Generate_LowerIsBetterSeriesDecline()
    {
        var (initial, _) = new SyntheticHistory(2).Generate(Indicators, Areas);
        var imr = initial.Where(o => o.IndicatorCode == "C_INFANT_MORTALITY" && o.AreaCode == "610100").OrderBy(o => o.Year).ToList();
        Assert.True(imr[^1].Value < imr[0].Value);
        var anchor = imr.Single(o => o.Year == SyntheticAnchors.AnchorYear).Value;
        Assert.InRange(anchor, SyntheticAnchors.CityValue2017["C_INFANT_MORTALITY"] * 0.8, SyntheticAnchors.CityValue2017["C_INFANT_MORTALITY"] * 1.2);
    }
}
