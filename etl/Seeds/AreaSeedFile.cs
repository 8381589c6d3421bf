using System.Text.RegularExpressions;

namespace Wcc.Etl.Seeds;

/// <summary>One administrative area of an areas file.</summary>
public sealed record AreaRecord(string AreaCode, string AreaName, string AreaLevel, string? ParentCode, bool? IsCentral);

/// <summary>The rules of an areas file (seeds/areas.csv or a researcher's): CSV rows to checked <see cref="AreaRecord"/>s.</summary>
public static partial class AreaSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header = ["area_code", "area_name", "area_level", "parent_code", "is_central"];

    /// <summary>Accepted values of area_level (as dim_area declares them).</summary>
    public static readonly IReadOnlyList<string> Levels = ["country", "province", "city", "district", "county"];

    private const string TopLevel = "country";

    /// <summary>Reads and checks the file; refuses it whole at the first bad row.</summary>
    /// <param name="declaredElsewhere">Area codes already in the warehouse from another origin: valid parents, but not to be declared again.</param>
    public static IReadOnlyList<AreaRecord> Read(string path, IReadOnlySet<string> declaredElsewhere) =>
        Check(SeedCsv.Read(path, Header), declaredElsewhere);

    /// <summary>Checks already-read rows (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<AreaRecord> Check(IReadOnlyList<SeedRow> rows, IReadOnlySet<string> declaredElsewhere)
    {
        var records = new List<AreaRecord>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = Code(row, "area_code")!;
            if (lines.TryGetValue(code, out var first)) throw row.Fail($"area_code {code} is a duplicate of line {first}");
            if (declaredElsewhere.Contains(code)) throw row.Fail($"area_code {code} is already declared by another load");
            lines[code] = row.LineNo;

            var level = row.OneOf("area_level", Levels);
            var parent = Code(row, "parent_code");
            if (parent is null && level != TopLevel) throw row.Fail($"parent_code is empty (only a {TopLevel} has no parent)");
            if (parent == code) throw row.Fail($"parent_code {parent} is the area itself");
            records.Add(new AreaRecord(code, row.Required("area_name"), level, parent, row.OptionalBool("is_central")));
        }

        // Parents are checked after the whole file is read so that rows may come in any order.
        var byCode = records.Zip(rows).ToDictionary(p => p.First.AreaCode, p => p.Second);
        foreach (var (record, row) in records.Zip(rows))
        {
            if (record.ParentCode is { } p && !byCode.ContainsKey(p) && !declaredElsewhere.Contains(p))
            {
                throw row.Fail($"parent_code {p} is not an area of this file or of the warehouse");
            }
        }
        RefuseCycles(records, rows);
        return records;
    }

    /// <summary>Refuses a parent chain that comes back to an area it has passed (a -> b -> a): reports, rollups and
    /// the target scope walk parents upwards and would never reach the top.</summary>
    private static void RefuseCycles(IReadOnlyList<AreaRecord> records, IReadOnlyList<SeedRow> rows)
    {
        var parents = records.ToDictionary(r => r.AreaCode, r => r.ParentCode, StringComparer.Ordinal);
        foreach (var (record, row) in records.Zip(rows))
        {
            var chain = new List<string> { record.AreaCode };
            for (var code = record.ParentCode; code is not null && parents.TryGetValue(code, out var next); code = next)
            {
                if (chain.Contains(code))
                {
                    if (code != record.AreaCode) break; // the cycle is reported at the first row that lies on it
                    throw row.Fail($"parent_code makes a cycle: {string.Join(" -> ", chain)} -> {code}");
                }
                chain.Add(code);
            }
        }
    }

    private static string? Code(SeedRow row, string column)
    {
        var code = row.Optional(column);
        return code is null || CodePattern().IsMatch(code)
            ? code
            : throw row.Fail($"{column} '{code}' is not a six-digit GB/T 2260 code");
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex CodePattern();
}
