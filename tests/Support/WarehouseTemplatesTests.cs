using System.Text;
using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Support;

/// <summary>The warehouses tests start from are real, current and their own: a copy of a template is what creating (or
/// building) the warehouse again would give, a writer open of it changes nothing, and what one test writes no other sees.</summary>
public class WarehouseTemplatesTests
{
    [Fact]
    public void EmptyCopy_IsWhatANewWarehouseHolds_SchemaCommentsAndRows()
    {
        using var tmp = new TempDirectory();
        var created = tmp.File("created.duckdb");
        WarehouseFile.Open(created, WarehouseAccess.ReadWrite).Dispose();
        var copy = tmp.EmptyWarehouse("copy.duckdb");

        Assert.Equal(Catalogue(created), Catalogue(copy));
        Assert.Equal(WarehouseFingerprint.Of(created), WarehouseFingerprint.Of(copy));
        // The vocabularies are rows of the schema's own: the comparison covers a non-empty table.
        Assert.True(WarehouseFingerprint.Rows(WarehouseFingerprint.Of(copy), "vocab_status") > 0);
    }

    [Fact]
    public void EmptyCopy_WriterOpenFindsItCurrent_AndLeavesTheFileAsItWas()
    {
        using var tmp = new TempDirectory();
        var copy = tmp.EmptyWarehouse();
        var bytes = File.ReadAllBytes(copy);
        using (var connection = WarehouseFile.Open(copy, WarehouseAccess.ReadWrite))
        {
            Assert.True(SchemaMigrator.IsCurrent(connection));
            Assert.Equal(SchemaCatalog.Embedded.DerivedFingerprint, SchemaMigrator.RecordedFingerprint(connection));
        }
        // Nothing to refresh, so nothing was written (a refresh would re-create every view and checkpoint).
        Assert.Equal(bytes, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Copies_AreIndependent_OfEachOtherAndOfTheTemplate()
    {
        using var tmp = new TempDirectory();
        var first = tmp.EmptyWarehouse("first.duckdb");
        using (var connection = WarehouseFile.Open(first, WarehouseAccess.ReadWrite))
        {
            connection.Execute("INSERT INTO dim_area (area_code, area_name, area_level, parent_code) VALUES ('999901', '某市', 'city', NULL)");
            connection.Execute("CREATE OR REPLACE VIEW v_area_ancestry AS SELECT 1 AS stale");
        }
        using var memory = WarehouseTemplates.OpenEmptyInMemory();
        memory.Execute("INSERT INTO dim_area (area_code, area_name, area_level, parent_code) VALUES ('999902', '别市', 'city', NULL)");

        var second = tmp.EmptyWarehouse("second.duckdb");
        using var reader = WarehouseFile.Open(second, WarehouseAccess.ReadOnly);
        Assert.Equal(0L, reader.ScalarLong("SELECT count(*) FROM dim_area"));
        Assert.Equal(0L, reader.ScalarLong("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'v_area_ancestry' AND column_name = 'stale'"));
        using var another = WarehouseTemplates.OpenEmptyInMemory();
        Assert.Equal(0L, another.ScalarLong("SELECT count(*) FROM dim_area"));
    }

    [Fact]
    public void InMemoryCopy_HoldsWhatTheFileCopyHolds_AndIsCurrent()
    {
        using var tmp = new TempDirectory();
        var file = tmp.EmptyWarehouse();
        using var memory = WarehouseTemplates.OpenEmptyInMemory();

        Assert.Equal(":memory:", memory.DataSource);
        Assert.True(SchemaMigrator.IsCurrent(memory));
        Assert.Equal(Catalogue(file), Catalogue(memory));
        // Rows too: every table's count, and the vocabularies' contents.
        using var fileConnection = WarehouseFile.Open(file, WarehouseAccess.ReadOnly);
        Assert.Equal(Rows(fileConnection), Rows(memory));
        Assert.Equal(
            string.Join("\n", Strings(fileConnection, "SELECT CAST(s AS VARCHAR) AS line FROM vocab_status s ORDER BY line")),
            string.Join("\n", Strings(memory, "SELECT CAST(s AS VARCHAR) AS line FROM vocab_status s ORDER BY line")));
    }

    [Fact]
    public void SeedCopy_HoldsWhatASeedBuildAtTheSameClockWrites()
    {
        using var tmp = new TempDirectory();
        var built = tmp.File("built.duckdb");
        using (var connection = WarehouseFile.Open(built, WarehouseAccess.ReadWrite))
        {
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
        }
        var copy = WarehouseTemplates.CopySeed(tmp.File("copy.duckdb"));

        var fingerprint = WarehouseFingerprint.Of(copy);
        Assert.Equal(WarehouseFingerprint.Of(built), fingerprint);
        Assert.True(WarehouseFingerprint.Rows(fingerprint, "fact_observation") > 0);
        Assert.Equal(Catalogue(built), Catalogue(copy));
    }

    /// <summary>Every table, view, column, macro, constraint and sequence with its definition and comment.</summary>
    private static string Catalogue(string path)
    {
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        return Catalogue(connection);
    }

    private static string Catalogue(DuckDBConnection connection)
    {
        string[] queries =
        [
            "SELECT table_name, sql, comment FROM duckdb_tables() WHERE database_name = current_database() ORDER BY ALL",
            "SELECT view_name, sql, comment FROM duckdb_views() WHERE database_name = current_database() AND NOT internal ORDER BY ALL",
            "SELECT table_name, column_name, data_type, column_default, is_nullable, comment FROM duckdb_columns() WHERE database_name = current_database() ORDER BY ALL",
            "SELECT function_name, function_type, macro_definition, comment, parameters::VARCHAR FROM duckdb_functions() WHERE database_name = current_database() AND NOT internal ORDER BY ALL",
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() WHERE database_name = current_database() ORDER BY ALL",
            "SELECT sequence_name, start_value, increment_by, last_value, comment FROM duckdb_sequences() WHERE database_name = current_database() ORDER BY ALL",
            "SELECT index_name, sql FROM duckdb_indexes() WHERE database_name = current_database() ORDER BY ALL",
        ];
        var text = new StringBuilder();
        foreach (var query in queries)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = query;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i))).Append('|');
                text.Append('\n');
            }
            text.Append("--\n");
        }
        return text.ToString();
    }

    /// <summary>"table:rows" for every base table.</summary>
    private static string Rows(DuckDBConnection connection)
    {
        var tables = Strings(connection, "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY table_name");
        // Table names come from the catalogue, not from input.
        return string.Join("\n", tables.Select(t => $"{t}:{connection.ScalarLong($"SELECT count(*) FROM \"{t}\"")}"));
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }
}
