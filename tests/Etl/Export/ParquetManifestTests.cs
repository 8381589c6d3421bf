using System.Text.Json;
using DuckDB.NET.Data;
using Wcc.Etl.Export;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Export;

/// <summary>The Parquet export's manifest.json describes every exported relation's columns as the warehouse defines them.</summary>
public class ParquetManifestTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void Manifest_ListsEveryRelationsColumns_WithDuckDbTypesAndComments()
    {
        using var tmp = new TempDirectory();
        var outDir = tmp.File("parquet");
        ParquetExport.Run(warehouse.Connection, outDir, overwrite: false);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, ParquetExport.ManifestFile)));
        var listed = manifest.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("table").GetString()!,
            e => e.GetProperty("columns").EnumerateArray()
                .Select(c => Line(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!, NullableString(c.GetProperty("comment"))))
                .ToList());

        var catalogue = Catalogue();
        Assert.Equal(catalogue.Keys.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (relation, columns) in catalogue) Assert.Equal(columns, listed[relation]);
        // Not vacuous: the warehouse has typed and commented columns to list.
        Assert.Contains("value DOUBLE", string.Join("\n", listed["v_observation"]));
        Assert.Contains(listed.Values.SelectMany(c => c), c => !c.EndsWith(" -- ", StringComparison.Ordinal));
    }

    /// <summary>Every table and view of the main schema with its columns in order, as duckdb_columns() reports them.</summary>
    private Dictionary<string, List<string>> Catalogue()
    {
        var result = new Dictionary<string, List<string>>();
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT c.table_name, c.column_name, c.data_type, c.comment FROM duckdb_columns() c
            WHERE c.schema_name = 'main' AND c.database_name = current_database() AND NOT c.internal
            ORDER BY c.table_name, c.column_index
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!result.TryGetValue(r.GetString(0), out var list)) result[r.GetString(0)] = list = [];
            list.Add(Line(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }
        return result;
    }

    private static string Line(string name, string type, string? comment) => $"{name} {type} -- {comment}";

    private static string? NullableString(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
}
