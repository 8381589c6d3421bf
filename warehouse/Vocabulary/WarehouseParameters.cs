using System.Globalization;

namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// The warehouse's own parameters: the year range it can hold and the focus city its reports show. Defined once, in
/// seeds/vocabulary/parameters.csv (embedded in this assembly), stored in vocab_parameter on every schema refresh: dim_year
/// and v_focus_area read the table, C# reads this class (WarehouseYears, the synthetic history, planning).
/// </summary>
public static class WarehouseParameters
{
    /// <summary>The seed and its table.</summary>
    public static readonly VocabularySeed Seed = new("seeds/vocabulary/parameters.csv", "vocab_parameter", ["parameter_name", "value", "note"]);

    /// <summary>Parameter names, as the seed and vocab_parameter.parameter_name write them.</summary>
    public static class Names
    {
        public const string FirstYear = "first_year";
        public const string LastYear = "last_year";
        public const string FocusAreaCode = "focus_area_code";
    }

    private static readonly Lazy<int> firstYear = new(() => Whole(Names.FirstYear));
    private static readonly Lazy<int> lastYear = new(() => Whole(Names.LastYear));

    /// <summary>Earliest year the warehouse holds (dim_year's first row).</summary>
    public static int FirstYear => firstYear.Value;

    /// <summary>Latest year the warehouse holds (dim_year's last row).</summary>
    public static int LastYear => lastYear.Value;

    /// <summary>Six-digit GB/T 2260 code of the city the reports and the pack show, with its districts and counties.</summary>
    public static string FocusAreaCode => Value(Names.FocusAreaCode);

    /// <summary>The value of parameter <paramref name="name"/> as the seed writes it.</summary>
    public static string Value(string name) =>
        Seed.Rows.FirstOrDefault(r => r[0] == name) is { } row ? Seed.Cell(row, "value") : throw new KeyNotFoundException($"{Seed.SeedPath} has no parameter {name}");

    private static int Whole(string name) =>
        int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new InvalidOperationException($"{Seed.SeedPath}: {name} '{Value(name)}' is not a whole number");
}
