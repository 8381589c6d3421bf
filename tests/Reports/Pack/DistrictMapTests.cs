using Wcc.Reports.Pack.Sections;

namespace Wcc.Tests.Reports.Pack;

public class DistrictMapTests
{
    /// <summary>The districts and counties of Xi'an (parent 610100) as seeds/areas.csv lists them.</summary>
    private static List<(string Code, string Name)> SeedDistricts()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "seeds", "areas.csv"))) root = Path.GetDirectoryName(root)!;
        return File.ReadAllLines(Path.Combine(root, "seeds", "areas.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length > 3 && f[3] == "610100")
            .Select(f => (f[0], f[1])).ToList();
    }

    [Fact]
    public void Tiles_CoverEveryDistrictOfTheAreasSeed_OnceEach_WithItsName()
    {
        var districts = SeedDistricts();
        Assert.Equal(13, districts.Count);
        var tiles = DistrictTiles.All;
        Assert.Equal(districts.Count, tiles.Count);
        foreach (var (code, name) in districts) Assert.Equal(name, tiles.Single(t => t.AreaCode == code).AreaName);
        Assert.Equal(tiles.Count, tiles.Select(t => (t.Row, t.Column)).Distinct().Count());
    }

    [Fact]
    public void Map_DrawsATileForEveryDistrict_ColouredByItsPrevailingVerdict_AndPlacesUnknownAreasBelow()
    {
        var districts = SeedDistricts().Select((d, i) => new DistrictMapSection.District(d.Code, d.Name,
            i % 2 == 0 ? new Dictionary<string, int> { ["已达成"] = 5, ["难以达成"] = 2 } : new Dictionary<string, int> { ["已达成"] = 1, ["难以达成"] = 3 }))
            .Append(new DistrictMapSection.District("610199", "<新区>", new Dictionary<string, int> { ["数据不足"] = 2 }))
            .ToList();
        var svg = DistrictMapSection.Map(districts);
        Assert.Equal(districts.Count, System.Text.RegularExpressions.Regex.Matches(svg, "<g class=\"tile ").Count);
        foreach (var d in districts.Take(13)) Assert.Contains($">{d.AreaName}</text>", svg);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(svg, "<g class=\"tile met\">").Count);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(svg, "<g class=\"tile off\">").Count);
        // a district without a tile position is still drawn (below the map), and its name is escaped
        Assert.Contains("&lt;新区&gt;", svg);
        Assert.Contains("<g class=\"tile nodata\">", svg);
    }

    [Fact]
    public void Prevailing_TiesGoToTheWorseVerdict_NoDataOnlyWhenNothingIsJudged()
    {
        Assert.Equal("难以达成", new DistrictMapSection.District("1", "a", new Dictionary<string, int> { ["已达成"] = 2, ["难以达成"] = 2 }).Prevailing);
        Assert.Equal("已达成", new DistrictMapSection.District("1", "a", new Dictionary<string, int> { ["已达成"] = 2, ["数据不足"] = 9 }).Prevailing);
        Assert.Equal("未达标", new DistrictMapSection.District("1", "a", new Dictionary<string, int> { ["已达标"] = 1, ["未达标"] = 3 }).Prevailing);
    }
}
