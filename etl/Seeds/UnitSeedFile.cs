using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>One unit of units.csv: a name as the notice writes it, its spellings and its fate in the 2019 reform.</summary>
public sealed record UnitRecord(
    string UnitName, string? FullName, string Kind, IReadOnlyList<string> Aliases,
    int? ValidFrom, int? ValidTo, string? SuccessorName, string? Note)
{
    /// <summary>Collectives (各区县妇儿工委) are many bodies; reports keep them apart from single departments.</summary>
    public bool IsCollective => Kind == UnitSeedFile.CollectiveKind;
}

/// <summary>The rules of units.csv: CSV rows to checked <see cref="UnitRecord"/>s.</summary>
public static class UnitSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["unit_name", "full_name", "kind", "aliases", "valid_from", "valid_to", "successor_name", "note"];

    /// <summary>Kind of the units that stand for many bodies (defined in <see cref="UnitKinds"/>).</summary>
    public const string CollectiveKind = UnitKinds.Collective;

    /// <summary>Kinds a seed may declare (defined in <see cref="UnitKinds"/>).</summary>
    public static IReadOnlyList<string> Kinds => UnitKinds.All;

    /// <summary>Reads and checks the file; refuses it whole at the first bad row.</summary>
    public static IReadOnlyList<UnitRecord> Read(string path) => Check(SeedCsv.Read(path, Header));

    /// <summary>Checks already-read rows (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<UnitRecord> Check(IReadOnlyList<SeedRow> rows)
    {
        var records = new List<UnitRecord>();
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = row.Required("unit_name");
            if (names.TryGetValue(name, out var first)) throw row.Fail($"unit_name {name} is a duplicate of line {first}");
            names[name] = row.LineNo;

            var (from, to) = (row.OptionalYear("valid_from"), row.OptionalYear("valid_to"));
            if (from > to) throw row.Fail($"valid_from {from} is after valid_to {to}");
            var successor = row.Optional("successor_name");
            if (successor == name) throw row.Fail($"successor_name {successor} is the unit itself");
            if (successor is not null && to is null) throw row.Fail($"successor_name {successor} is set but valid_to is empty (the year the old name ended)");

            records.Add(new UnitRecord(name, row.Optional("full_name"), row.OneOf("kind", Kinds), row.List("aliases"),
                from, to, successor, row.Optional("note")));
        }

        CheckAliases(records, rows, names);
        CheckSuccessors(records, rows);
        return records;
    }

    private static void CheckAliases(IReadOnlyList<UnitRecord> records, IReadOnlyList<SeedRow> rows, Dictionary<string, long> names)
    {
        // An alias must lead to exactly one unit, or name resolution in the notice would be a guess.
        var aliasLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (record, row) in records.Zip(rows))
        {
            foreach (var alias in record.Aliases)
            {
                if (names.TryGetValue(alias, out var unitLine)) throw row.Fail($"alias {alias} is the unit_name of line {unitLine}");
                if (aliasLines.TryGetValue(alias, out var first)) throw row.Fail($"alias {alias} is also an alias on line {first}");
                aliasLines[alias] = row.LineNo;
            }
        }
    }

    private static void CheckSuccessors(IReadOnlyList<UnitRecord> records, IReadOnlyList<SeedRow> rows)
    {
        var byName = records.ToDictionary(r => r.UnitName, StringComparer.Ordinal);
        foreach (var (record, row) in records.Zip(rows))
        {
            if (record.SuccessorName is not { } s) continue;
            if (!byName.TryGetValue(s, out var successor)) throw row.Fail($"successor_name {s} is not a unit_name of this file (add it as a row)");
            if (successor.ValidFrom <= record.ValidTo)
            {
                throw row.Fail($"successor {s} starts in {successor.ValidFrom}, not after valid_to {record.ValidTo}");
            }

            // Following successors must end; a cycle would send a rename lookup round for ever.
            var seen = new HashSet<string>(StringComparer.Ordinal) { record.UnitName };
            for (var next = successor; next is not null; next = next.SuccessorName is { } n ? byName.GetValueOrDefault(n) : null)
            {
                if (!seen.Add(next.UnitName)) throw row.Fail($"successor_name chain from {record.UnitName} runs in a circle through {next.UnitName}");
            }
        }
    }
}
