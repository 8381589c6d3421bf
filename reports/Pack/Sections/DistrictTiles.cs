using System.Reflection;
using CsvHelper;

namespace Wcc.Reports.Pack.Sections;

/// <summary>Where each district of the focus city sits on the tile-grid map (Pack/Assets/district_tiles.csv, with its source).</summary>
public static class DistrictTiles
{
    /// <summary>The asset, named by its path under reports/.</summary>
    public const string Resource = "Pack/Assets/district_tiles.csv";

    /// <summary>One tile: the area's code and name, its grid row (0 = north) and column (0 = west).</summary>
    public sealed record Tile(string AreaCode, string AreaName, int Row, int Column);

    private static readonly Lazy<IReadOnlyList<Tile>> Loaded = new(Load);

    /// <summary>The tiles of the asset, in file order.</summary>
    public static IReadOnlyList<Tile> All => Loaded.Value;

    private static IReadOnlyList<Tile> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded");
        using var text = new StreamReader(stream);
        // The file opens with '#' comment lines (the source of the arrangement); CSV starts at the header.
        var csv = string.Join('\n', text.ReadToEnd().Split('\n').Where(l => !l.StartsWith('#')));
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { Separator = ',', HasHeader = true, SkipEmptyLines = true, MalformedData = CsvMalformedDataHandling.Throw });
        var tiles = new List<Tile>();
        while (reader.Read())
        {
            tiles.Add(new Tile(reader.GetString(0)!.Trim(), reader.GetString(1)!.Trim(),
                int.Parse(reader.GetString(2)!, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(reader.GetString(3)!, System.Globalization.CultureInfo.InvariantCulture)));
        }
        var clash = tiles.GroupBy(t => (t.Row, t.Column)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new InvalidOperationException($"{Resource}: {string.Join(", ", clash.Select(t => t.AreaName))} share one tile");
        return tiles;
    }
}
