using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Warehouse.Schema;

namespace Wcc.Warehouse.Quality;

/// <summary>Result of one declared data test: how many rows break it.</summary>
public sealed record DataTestResult(string Model, string Test, long Failures)
{
    /// <summary>True when no row breaks the test.</summary>
    public bool Passed => Failures == 0;
}

/// <summary>Runs the data tests declared in model headers (dbt-style) against a warehouse.</summary>
/// <remarks>
/// Column and table names come from our own embedded SQL files, never from user data, so they are
/// spliced as identifiers; accepted values are bound as parameters.
/// </remarks>
public static partial class DataTestRunner
{
    /// <summary>Runs every test of every model, in catalogue order.</summary>
    public static IReadOnlyList<DataTestResult> RunAll(DuckDBConnection connection) =>
        SchemaCatalog.Models.Where(m => m.HoldsRows).SelectMany(m => Run(connection, m)).ToList();

    /// <summary>Runs the tests declared by one model.</summary>
    public static IEnumerable<DataTestResult> Run(DuckDBConnection connection, SqlModel model)
    {
        foreach (var test in model.Tests)
        {
            using var cmd = connection.CreateCommand();
            var label = Describe(test);
            cmd.CommandText = test.Kind switch
            {
                DataTestKind.NotNull => $"SELECT count(*) FROM {model.Name} WHERE {string.Join(" OR ", test.Columns.Select(c => $"{Identifier(c)} IS NULL"))}",
                DataTestKind.Unique => $"SELECT count(*) FROM (SELECT {Columns(test.Columns)} FROM {model.Name} GROUP BY ALL HAVING count(*) > 1)",
                DataTestKind.Relationship => RelationshipSql(model.Name, test.Argument!),
                DataTestKind.AcceptedValues => AcceptedValuesSql(model.Name, test.Argument!, cmd),
                DataTestKind.Expression => $"SELECT count(*) FROM {model.Name} WHERE NOT coalesce(({test.Argument}), true)",
                _ => throw new InvalidOperationException(test.Kind.ToString()),
            };
            yield return new DataTestResult(model.Name, label, Convert.ToInt64(cmd.ExecuteScalar()));
        }
    }

    private static string Describe(DataTestDeclaration test) => test.Kind switch
    {
        DataTestKind.NotNull => $"not_null({string.Join(", ", test.Columns)})",
        DataTestKind.Unique => $"unique({string.Join(", ", test.Columns)})",
        DataTestKind.Relationship => $"relationship({test.Argument})",
        DataTestKind.AcceptedValues => $"accepted_values({test.Argument})",
        _ => $"expression({test.Argument})",
    };

    private static string RelationshipSql(string model, string argument)
    {
        // "unit_name -> dim_unit.unit_name", or a composite key "notice_id, task_no -> dim_task.notice_id, task_no"
        var m = RelationshipPattern().Match(argument);
        if (!m.Success) throw new InvalidOperationException($"{model}: bad relationship `{argument}`");
        var columns = SqlModel.SplitList(m.Groups[1].Value).Select(Identifier).ToList();
        var table = Identifier(m.Groups[2].Value);
        var parentColumns = SqlModel.SplitList(m.Groups[3].Value).Select(Identifier).ToList();
        if (columns.Count != parentColumns.Count) throw new InvalidOperationException($"{model}: relationship `{argument}` pairs {columns.Count} columns with {parentColumns.Count}");
        // A row with any key column null names no parent (an optional reference), as for a single column.
        var present = string.Join(" AND ", columns.Select(c => $"c.{c} IS NOT NULL"));
        var matches = string.Join(" AND ", columns.Zip(parentColumns, (c, p) => $"p.{p} = c.{c}"));
        return $"SELECT count(*) FROM {model} c WHERE {present} AND NOT EXISTS (SELECT 1 FROM {table} p WHERE {matches})";
    }

    private static string AcceptedValuesSql(string model, string argument, DuckDBCommand cmd)
    {
        // "role in (lead, responsible)"
        var m = AcceptedValuesPattern().Match(argument);
        if (!m.Success) throw new InvalidOperationException($"{model}: bad accepted_values `{argument}`");
        var values = SqlModel.SplitList(m.Groups[2].Value);
        var names = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            names.Add($"$v{i}");
            cmd.Parameters.Add(new DuckDBParameter($"v{i}", values[i]));
        }
        var column = Identifier(m.Groups[1].Value);
        return $"SELECT count(*) FROM {model} WHERE {column} IS NOT NULL AND CAST({column} AS VARCHAR) NOT IN ({string.Join(", ", names)})";
    }

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Identifier));

    private static string Identifier(string name) =>
        IdentifierPattern().IsMatch(name) ? name : throw new InvalidOperationException($"not an identifier: {name}");

    [GeneratedRegex(@"^\s*(\w+(?:\s*,\s*\w+)*)\s*->\s*(\w+)\.(\w+(?:\s*,\s*\w+)*)\s*$")]
    private static partial Regex RelationshipPattern();

    [GeneratedRegex(@"^\s*(\w+)\s+in\s*\((.*)\)\s*$")]
    private static partial Regex AcceptedValuesPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
