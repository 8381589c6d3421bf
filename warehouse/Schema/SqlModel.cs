using System.Text.RegularExpressions;

namespace Wcc.Warehouse.Schema;

/// <summary>One table or view of the warehouse: its SQL file and the declarations in its header.</summary>
/// <remarks>
/// The header is a block of <c>-- key: value</c> comment lines at the top of each file, in the spirit
/// of dbt's schema.yml but kept beside the SQL so the two cannot drift apart:
/// <code>
/// -- model: dim_task
/// -- grain: one row per task of the notice
/// -- key: task_no
/// -- not_null: task_no, chapter_no
/// -- relationship: chapter_no -> dim_chapter.chapter_no
/// -- accepted_values: role in (lead, responsible)
/// -- expression: line_from &lt;= line_to
/// </code>
/// </remarks>
public sealed partial record SqlModel(
    string Name,
    string ResourcePath,
    string Sql,
    string Grain,
    IReadOnlyList<string> Key,
    IReadOnlyList<DataTestDeclaration> Tests,
    bool IsMacro = false)
{
    /// <summary>True for views, which are rebuilt on every migration instead of altered.</summary>
    public bool IsView => Name.StartsWith("v_", StringComparison.Ordinal);

    /// <summary>Tables and views hold rows (and appear in information_schema); table macros (<c>-- kind: macro</c>) do not.</summary>
    public bool HoldsRows => !IsMacro;

    /// <summary>Reads a model from its file text; throws when the header lacks a name or grain.</summary>
    public static SqlModel Parse(string resourcePath, string sql)
    {
        string? name = null, grain = null;
        var isMacro = false;
        var key = new List<string>();
        var tests = new List<DataTestDeclaration>();
        foreach (var raw in sql.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (!line.StartsWith("--", StringComparison.Ordinal)) break;
            var m = HeaderLine().Match(line);
            if (!m.Success) continue;
            var (tag, value) = (m.Groups[1].Value, m.Groups[2].Value.Trim());
            switch (tag)
            {
                case "model": name = value; break;
                case "kind": isMacro = value == "macro"; break;
                case "grain": grain = value; break;
                case "key":
                    key.AddRange(SplitList(value));
                    tests.Add(new DataTestDeclaration(DataTestKind.Unique, SplitList(value), null));
                    tests.Add(new DataTestDeclaration(DataTestKind.NotNull, SplitList(value), null));
                    break;
                case "not_null": tests.Add(new DataTestDeclaration(DataTestKind.NotNull, SplitList(value), null)); break;
                case "unique": tests.Add(new DataTestDeclaration(DataTestKind.Unique, SplitList(value), null)); break;
                case "relationship": tests.Add(new DataTestDeclaration(DataTestKind.Relationship, [], value)); break;
                case "accepted_values": tests.Add(new DataTestDeclaration(DataTestKind.AcceptedValues, [], value)); break;
                case "expression": tests.Add(new DataTestDeclaration(DataTestKind.Expression, [], value)); break;
            }
        }
        if (name is null || grain is null)
        {
            throw new InvalidOperationException($"{resourcePath}: the header must declare `-- model:` and `-- grain:`");
        }
        return new SqlModel(name, resourcePath, sql, grain, key, tests, isMacro);
    }

    internal static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^--\s*([a-z_]+):\s*(.*)$")]
    private static partial Regex HeaderLine();
}

/// <summary>The kinds of data test a model header can declare.</summary>
public enum DataTestKind { NotNull, Unique, Relationship, AcceptedValues, Expression }

/// <summary>A data test as written in a model header.</summary>
/// <param name="Columns">The columns for not_null and unique.</param>
/// <param name="Argument">The rest of the line for relationship, accepted_values and expression.</param>
public sealed record DataTestDeclaration(DataTestKind Kind, IReadOnlyList<string> Columns, string? Argument);
