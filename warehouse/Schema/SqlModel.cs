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
/// -- depends_on: v_other_view
/// </code>
/// <c>depends_on</c> is needed only for a dependency the SQL does not name (the names a model's SQL mentions are found
/// by <see cref="SchemaModels"/>, which orders the models by both).
/// </remarks>
public sealed partial record SqlModel(
    string Name,
    string ResourcePath,
    string Sql,
    string Grain,
    IReadOnlyList<string> Key,
    IReadOnlyList<DataTestDeclaration> Tests,
    ModelKind Kind,
    IReadOnlyList<string> DeclaredDependencies)
{
    /// <summary>True for views, which are re-created from their file on every writer open instead of altered.</summary>
    public bool IsView => Kind == ModelKind.View;

    /// <summary>True for table macros, re-created like views.</summary>
    public bool IsMacro => Kind == ModelKind.Macro;

    /// <summary>True for tables: created once, changed only by a numbered migration.</summary>
    public bool IsTable => Kind == ModelKind.Table;

    /// <summary>Tables and views hold rows (and appear in information_schema); table macros do not.</summary>
    public bool HoldsRows => !IsMacro;

    /// <summary>Reads a model from its file text; throws when the header lacks a name or grain.</summary>
    public static SqlModel Parse(string resourcePath, string sql)
    {
        string? name = null, grain = null;
        var key = new List<string>();
        var tests = new List<DataTestDeclaration>();
        var dependencies = new List<string>();
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
                case "depends_on": dependencies.AddRange(SplitList(value)); break;
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
        var create = CreateStatement().Match(sql);
        if (!create.Success || !string.Equals(create.Groups[2].Value, name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{resourcePath}: the file must create its model {name} (CREATE TABLE, CREATE OR REPLACE VIEW or MACRO {name})");
        }
        var kind = create.Groups[1].Value.ToUpperInvariant() switch
        {
            "VIEW" => ModelKind.View,
            "MACRO" => ModelKind.Macro,
            _ => ModelKind.Table,
        };
        if (kind != ModelKind.Table && !OrReplace().IsMatch(create.Value))
        {
            throw new InvalidOperationException($"{resourcePath}: a view or macro is re-created on every writer open, so it must say CREATE OR REPLACE");
        }
        return new SqlModel(name, resourcePath, sql, grain, key, tests, kind, dependencies);
    }

    internal static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^--\s*([a-z_]+):\s*(.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+|TEMPORARY\s+)?(TABLE|VIEW|MACRO)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CreateStatement();

    [GeneratedRegex(@"^\s*CREATE\s+OR\s+REPLACE\s", RegexOptions.IgnoreCase)]
    private static partial Regex OrReplace();
}

/// <summary>What a model file creates; it decides when the file is applied (see <see cref="SchemaMigrator"/>).</summary>
public enum ModelKind
{
    /// <summary>Holds loaded rows: created when missing, changed only by a numbered migration.</summary>
    Table,

    /// <summary>Derived from tables: re-created from its file on every writer open.</summary>
    View,

    /// <summary>A table macro: re-created from its file on every writer open, like a view.</summary>
    Macro,
}

/// <summary>The kinds of data test a model header can declare.</summary>
public enum DataTestKind { NotNull, Unique, Relationship, AcceptedValues, Expression }

/// <summary>A data test as written in a model header.</summary>
/// <param name="Columns">The columns for not_null and unique.</param>
/// <param name="Argument">The rest of the line for relationship, accepted_values and expression.</param>
public sealed record DataTestDeclaration(DataTestKind Kind, IReadOnlyList<string> Columns, string? Argument);
