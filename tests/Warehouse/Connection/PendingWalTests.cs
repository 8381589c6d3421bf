using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Warehouse.Connection;

public class PendingWalTests
{
    [Fact]
    public void NewWarehouse_SchemaIsCheckpointed_SoReadersCanOpenItEvenIfTheWriterDiesLater()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        using (var writer = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
        {
            // Simulate a writer that dies after committing data but before its shutdown checkpoint.
            writer.Execute("SET wal_autocheckpoint = '10GB'; PRAGMA disable_checkpoint_on_shutdown");
            writer.Execute("INSERT INTO dim_area (area_code, area_name, area_level, parent_code, is_central, origin) VALUES ('999999', '测试区', 'district', '610100', false, 'test')");
        }
        Assert.True(File.Exists(db + ".wal"));
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT area_name FROM dim_area WHERE area_code = '999999'", "--db", db, "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("area_name\n测试区\n", r.Stdout);
    }
}
