using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Export;

/// <summary>A table or view to export, with its columns as duckdb_columns() lists them: DuckDB type and COMMENT ON text (null when none).</summary>
public sealed record ExportRelation(string Name, bool IsView, IReadOnlyList<(string Name, string Type, string? Comment)> Columns)
{
    /// <summary>Facts with a year column are written partitioned by year.</summary>
    public bool PartitionByYear => Name.StartsWith("fact_", StringComparison.Ordinal) && Columns.Any(c => c.Name == "year");
}

/// <summary>One exported relation, as recorded in manifest.json.</summary>
public sealed record ExportEntry(string Table, long Rows, string Path, IReadOnlyList<string> Columns, bool Partitioned);

/// <summary>Shared plumbing of the exports: which relations exist, identifier and path quoting.</summary>
public static class ExportRelations
{
    /// <summary>Every table and view of the main schema, by name (names come from the catalogue, never from users).</summary>
    public static IReadOnlyList<ExportRelation> List(DuckDBConnection connection)
    {
        var columns = new Dictionary<string, List<(string, string, string?)>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
                WHERE schema_name = 'main' AND database_name = current_database() ORDER BY table_name, column_index
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!columns.TryGetValue(r.GetString(0), out var list)) columns[r.GetString(0)] = list = [];
                list.Add((r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
        }
        var relations = new List<ExportRelation>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT table_name, table_type = 'VIEW' FROM information_schema.tables
                WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read()) relations.Add(new ExportRelation(r.GetString(0), r.GetBoolean(1), columns.GetValueOrDefault(r.GetString(0)) ?? []));
        }
        return relations;
    }

    /// <summary>Quotes an identifier for SQL ("a""b").</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A path as a SQL string literal. DuckDB's COPY ... TO cannot take the path as a bound parameter, so it is spliced:
    /// the path is made absolute, refused if it holds control characters, and its single quotes are doubled.
    /// </summary>
    public static string PathLiteral(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.Any(char.IsControl)) throw new WccException($"output path contains control characters: {path}", "choose a plain folder name");
        return "'" + full.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Row count of a relation.</summary>
    public static long Count(DuckDBConnection connection, ExportRelation relation)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {Identifier(relation.Name)}";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Runs one statement.</summary>
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
