using System.Text.Encodings.Web;
using System.Text.Json;
using DuckDB.NET.Data;
using Wcc.Warehouse.Files;

namespace Wcc.Etl.Export;

/// <summary>`wcc export parquet`: every table and view as Parquet (facts partitioned by year, Hive layout) plus manifest.json.</summary>
public static class ParquetExport
{
    /// <summary>Name of the manifest written beside the data.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc export parquet";

    /// <summary>Writes the export into <paramref name="outDir"/>, all or nothing; a non-empty folder is replaced only with <paramref name="overwrite"/>.</summary>
    public static IReadOnlyList<ExportEntry> Run(DuckDBConnection connection, string outDir, bool overwrite)
    {
        var relations = ExportRelations.List(connection);
        var plans = relations.Select(r =>
        {
            var rows = ExportRelations.Count(connection, r);
            // An empty fact has no year to partition on and would leave no file to read back: write it as one file.
            var partitioned = r.PartitionByYear && rows > 0;
            return (Relation: r, Rows: rows, Partitioned: partitioned, Relative: partitioned ? r.Name : r.Name + ".parquet");
        }).ToList();
        return StagedOutputFolder.Write(outDir, overwrite, Command, folder => Write(connection, plans, folder.Staging));
    }

    private static List<ExportEntry> Write(
        DuckDBConnection connection, IReadOnlyList<(ExportRelation Relation, long Rows, bool Partitioned, string Relative)> plans, string outDir)
    {
        var entries = new List<ExportEntry>();
        foreach (var p in plans)
        {
            var target = ExportRelations.PathLiteral(Path.Combine(outDir, p.Relative));
            var options = p.Partitioned ? "FORMAT parquet, PARTITION_BY (year)" : "FORMAT parquet";
            // ORDER BY ALL: the same warehouse gives the same bytes, whatever order a parallel scan returns rows in.
            ExportRelations.Execute(connection, $"COPY (SELECT * FROM {ExportRelations.Identifier(p.Relation.Name)} ORDER BY ALL) TO {target} ({options})");
            entries.Add(new ExportEntry(p.Relation.Name, p.Rows, p.Partitioned ? p.Relative + "/year=*/*.parquet" : p.Relative,
                p.Relation.Columns.Select(c => c.Name).ToList(), p.Partitioned));
        }
        // Each column with its DuckDB type and its COMMENT ON text, so a reader of the files alone knows what they hold.
        var json = JsonSerializer.Serialize(entries.Zip(plans, (e, p) => new
        {
            table = e.Table, rows = e.Rows, path = e.Path, partitioned_by = e.Partitioned ? "year" : null,
            columns = p.Relation.Columns.Select(c => new { name = c.Name, type = c.Type, comment = c.Comment }),
        }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        File.WriteAllText(Path.Combine(outDir, ManifestFile), json);
        return entries;
    }
}
