using DuckDB.NET.Data;

namespace Wcc.Etl.Collection;

/// <summary>The units of <c>dim_unit</c> with their validity years and successors, to name who reports in a given year.</summary>
public sealed class UnitDirectory
{
    private sealed record UnitRow(string Name, string? FullName, bool IsCollective, int? ValidFrom, int? ValidTo, string? Successor);

    /// <summary>Successor chains longer than this are a data error (a cycle); the seeds have chains of one.</summary>
    private const int MaxSuccessorChain = 10;

    private readonly Dictionary<string, UnitRow> units;

    private UnitDirectory(Dictionary<string, UnitRow> units) => this.units = units;

    /// <summary>Reads dim_unit.</summary>
    public static UnitDirectory Read(DuckDBConnection connection)
    {
        var units = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT unit_name, full_name, is_collective, valid_from, valid_to, successor_name FROM dim_unit";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            units[r.GetString(0)] = new UnitRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2),
                r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5));
        }
        return new UnitDirectory(units);
    }

    /// <summary>The unit that reports for <paramref name="name"/> in <paramref name="year"/>: itself, or its successor when it was
    /// abolished before that year; null for collectives, unknown names and units that did not exist yet.</summary>
    public string? ReportingName(string name, int year)
    {
        var current = name;
        for (var i = 0; i < MaxSuccessorChain; i++)
        {
            if (!units.TryGetValue(current, out var unit) || unit.IsCollective) return null;
            if (unit.ValidTo is { } to && to < year)
            {
                if (unit.Successor is null) return null;
                current = unit.Successor;
                continue;
            }
            return unit.ValidFrom is { } from && from > year ? null : current;
        }
        return null;
    }

    /// <summary>The names whose reports <paramref name="name"/> carries in <paramref name="year"/> (itself and its predecessors).</summary>
    public IReadOnlyList<string> ReportedBy(string name, int year) =>
        units.Keys.Where(n => ReportingName(n, year) == name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The full official name, or the short name when the seed has none.</summary>
    public string FullName(string name) => units.TryGetValue(name, out var u) && u.FullName is not null ? u.FullName : name;
}
