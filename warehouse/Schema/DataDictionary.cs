using System.Text;
using DuckDB.NET.Data;

namespace Wcc.Warehouse.Schema;

/// <summary>Writes the data dictionary (Markdown) from the model headers and DuckDB's COMMENT ON metadata.</summary>
public static class DataDictionary
{
    /// <summary>One section per table or view: its comment, grain, key and columns with types and comments.</summary>
    public static string ToMarkdown(DuckDBConnection connection)
    {
        var md = new StringBuilder();
        md.AppendLine("# WCC warehouse data dictionary").AppendLine();
        md.AppendLine($"Schema version {SchemaCatalog.CurrentVersion}. Generated from the SQL models in `warehouse/sql/`.").AppendLine();
        foreach (var model in SchemaCatalog.Models)
        {
            md.AppendLine($"## {model.Name}").AppendLine();
            if (model.IsMacro)
            {
                md.AppendLine($"- Table macro, defined in `warehouse/{model.ResourcePath}`").AppendLine($"- Grain: {model.Grain}").AppendLine();
                continue;
            }
            var comment = TableComment(connection, model.Name);
            if (comment.Length > 0) md.AppendLine(comment).AppendLine();
            md.AppendLine($"- {(model.IsView ? "View" : "Table")}, defined in `warehouse/{model.ResourcePath}`");
            md.AppendLine($"- Grain: {model.Grain}");
            if (model.Key.Count > 0) md.AppendLine($"- Key: `{string.Join(", ", model.Key)}`");
            md.AppendLine().AppendLine("| column | type | description |").AppendLine("|---|---|---|");
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT column_name, data_type, coalesce(comment, '') FROM duckdb_columns() WHERE table_name = $name ORDER BY column_index";
            cmd.Parameters.Add(new DuckDBParameter("name", model.Name));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                md.AppendLine($"| {reader.GetString(0)} | {reader.GetString(1)} | {reader.GetString(2).Replace("|", "\\|")} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string TableComment(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT coalesce(comment, '') FROM duckdb_tables() WHERE table_name = $name
            UNION ALL
            SELECT coalesce(comment, '') FROM duckdb_views() WHERE view_name = $name
            """;
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        return cmd.ExecuteScalar() as string ?? "";
    }
}
