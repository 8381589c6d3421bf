using System.Globalization;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Etl.Seeds;

/// <summary>One data row of a reference CSV with typed, checked access to its fields; every failure names file, line and column.</summary>
public sealed class SeedRow(string file, long lineNo, IReadOnlyList<string> header, IReadOnlyList<string> fields)
{
    /// <summary>File name used in messages (units.csv).</summary>
    public string File { get; } = file;

    /// <summary>Physical line of the row in the file (1 = header).</summary>
    public long LineNo { get; } = lineNo;

    /// <summary>Builds a refusal that names this row: "units.csv line 7: …".</summary>
    public WccException Fail(string what) => Error(File, LineNo, what);

    /// <summary>The refusal every seed rule throws: file, line, what is wrong, and that the whole file was refused.</summary>
    public static WccException Error(string file, long lineNo, string what) =>
        new($"{file} line {lineNo}: {what}",
            $"fix the seed file {file} and run again (reference data is hand-reviewed: one bad row refuses the whole file)");

    /// <summary>True when the file has <paramref name="column"/> (an optional trailing column may be absent from older files).</summary>
    public bool Has(string column) => header.Contains(column);

    /// <summary>The trimmed text of <paramref name="column"/>, or null when empty or when the file lacks an optional trailing column.</summary>
    public string? Optional(string column)
    {
        if (!Has(column)) return null;
        var value = fields[Index(column)];
        return value.Length == 0 ? null : value;
    }

    /// <summary>The trimmed text of <paramref name="column"/>; refuses an empty field.</summary>
    public string Required(string column) => Optional(column) ?? throw Fail($"{column} is empty");

    /// <summary>A required value that must be one of <paramref name="accepted"/>.</summary>
    public string OneOf(string column, IReadOnlyCollection<string> accepted)
    {
        var value = Required(column);
        return accepted.Contains(value)
            ? value
            : throw Fail($"{column} '{value}' is not one of {string.Join(", ", accepted)}");
    }

    /// <summary>true or false, written exactly so (hand-reviewed files do not guess yes/1/是).</summary>
    public bool? OptionalBool(string column) => Optional(column) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw Fail($"{column} '{other}' is not true or false"),
    };

    /// <summary>A required true or false.</summary>
    public bool Bool(string column) => OptionalBool(column) ?? throw Fail($"{column} is empty (true or false)");

    /// <summary>An optional whole number.</summary>
    public int? OptionalInt(string column)
    {
        var text = Optional(column);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail($"{column} '{text}' is not a whole number");
    }

    /// <summary>A required whole number.</summary>
    public int Int(string column) => OptionalInt(column) ?? throw Fail($"{column} is empty");

    /// <summary>An optional year the warehouse can hold (<see cref="WarehouseYears"/>); others are typing mistakes, not plan years.</summary>
    public int? OptionalYear(string column)
    {
        var year = OptionalInt(column);
        return year is null || WarehouseYears.Contains(year.Value)
            ? year
            : throw Fail($"{column} {year} is not a year between {WarehouseYears.First} and {WarehouseYears.Last}");
    }

    /// <summary>An optional finite number written with a '.' decimal point, within the magnitude observations may have
    /// (bounds and targets are compared with observations, so the same limit keeps those comparisons finite).</summary>
    public double? OptionalNumber(string column)
    {
        var text = Optional(column);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Fail($"{column} '{text}' is not a number");
        }
        return Math.Abs(value) <= Wcc.Warehouse.Schema.WarehouseNumbers.MaxMagnitude
            ? value + 0.0 // -0 is stored as 0
            : throw Fail($"{column} {text} is beyond ±{Wcc.Warehouse.Schema.WarehouseNumbers.MaxMagnitude:0e0}, the largest magnitude the warehouse accepts");
    }

    /// <summary>A required number.</summary>
    public double Number(string column) => OptionalNumber(column) ?? throw Fail($"{column} is empty");

    /// <summary>The ';'-separated items of <paramref name="column"/>, trimmed; refuses an empty item (a stray ';').</summary>
    public IReadOnlyList<string> List(string column)
    {
        var text = Optional(column);
        if (text is null) return [];
        var items = text.Split(';').Select(s => s.Trim()).ToList();
        return items.Any(s => s.Length == 0) ? throw Fail($"{column} '{text}' has an empty item between ';'") : items;
    }

    private int Index(string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column) return i;
        }
        throw new InvalidOperationException($"{File}: no column {column} in the declared header");
    }
}
