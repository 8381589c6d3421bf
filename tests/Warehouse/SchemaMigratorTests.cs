using DuckDB.NET.Data;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

public class SchemaMigratorTests
{
    [Fact]
    public void Open_NewFile_CreatesEveryModelAndRecordsVersion()
    {
        using var tmp = new TempDirectory();
        using var connection = WarehouseFile.Open(tmp.File("w.duckdb"), WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'";
        Assert.Equal(SchemaCatalog.Models.Count, Convert.ToInt32(cmd.ExecuteScalar()));
        Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
    }

    [Fact]
    public void Open_Twice_IsIdempotent()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM dim_sex";
        Assert.Equal(3, Convert.ToInt32(cmd.ExecuteScalar()));
    }

    [Fact]
    public void OpenReadOnly_MissingFile_SaysToBuild()
    {
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => WarehouseFile.Open(tmp.File("none.duckdb"), WarehouseAccess.ReadOnly));
        Assert.Contains("wcc build", ex.Hint);
    }

    [Fact]
    public void OpenReadOnly_OlderVersion_SaysHowToMigrate()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "UPDATE meta_schema_version SET version = 0";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<WccException>(() => WarehouseFile.Open(path, WarehouseAccess.ReadOnly));
        Assert.Contains("migrate", ex.Hint);
    }

    [Fact]
    public void OpenReadOnly_RefusesWrites()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM dim_sex";
        Assert.ThrowsAny<DuckDBException>(() => cmd.ExecuteNonQuery());
    }

    [Fact]
    public void EveryModel_DeclaresGrainAndHasAComment()
    {
        using var connection = WarehouseFile.Open(":memory:", WarehouseAccess.ReadWrite);
        foreach (var model in SchemaCatalog.Models)
        {
            Assert.False(string.IsNullOrWhiteSpace(model.Grain), model.Name);
            Assert.Contains($"## {model.Name}", DataDictionary.ToMarkdown(connection));
        }
    }
}
