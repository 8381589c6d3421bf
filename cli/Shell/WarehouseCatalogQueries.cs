namespace Wcc.Cli.Shell;

/// <summary>The queries behind `.tables` and `.schema`: what the warehouse holds, read from DuckDB's catalogue.</summary>
internal static class WarehouseCatalogQueries
{
    public const string Tables = """
        SELECT name, kind FROM (
            SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'
            UNION ALL
            SELECT view_name, 'view' FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'
            UNION ALL
            SELECT DISTINCT function_name, CASE function_type WHEN 'table_macro' THEN 'table macro' ELSE 'macro' END
            FROM duckdb_functions() WHERE NOT internal AND schema_name = 'main' AND function_type IN ('macro', 'table_macro')
        ) ORDER BY kind, name
        """;

    public const string Everything = """
        WITH objects AS (
            SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'
            UNION ALL
            SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'
            UNION ALL
            SELECT DISTINCT function_name, CASE function_type WHEN 'table_macro' THEN 'table macro' ELSE 'macro' END, comment
            FROM duckdb_functions() WHERE NOT internal AND schema_name = 'main' AND function_type IN ('macro', 'table_macro')
        ),
        columns AS (
            SELECT table_name AS name, string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS columns
            FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main' GROUP BY table_name
        )
        SELECT o.name, o.kind, coalesce(o.comment, '') AS comment, coalesce(c.columns, '') AS columns
        FROM objects o LEFT JOIN columns c USING (name)
        ORDER BY o.kind, o.name
        """;

    /// <summary>Columns of one table or view, named by the <c>$name</c> parameter.</summary>
    public const string Columns = """
        SELECT column_name AS column, data_type AS type, coalesce(comment, '') AS comment
        FROM duckdb_columns() WHERE table_name = $name ORDER BY column_index
        """;
}
