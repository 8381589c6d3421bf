using System.Security.Cryptography;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Reliability;

/// <summary>
/// `wcc sql` cannot harm the warehouse: a corpus of hostile statements, each refused with a clear message, with the
/// warehouse file and its pending WAL byte-for-byte unchanged and no file written anywhere.
/// </summary>
public class SqlSandboxTests
{
    /// <summary>{db} the warehouse, {wal} its WAL, {out} a file that must never appear, {dir} a folder, {csv} a file outside the warehouse.</summary>
    public static TheoryData<string> HostileStatements() => new()
    {
        "COPY (SELECT 'x') TO '{db}' (FORMAT csv, USE_TMP_FILE false)",
        "COPY (SELECT 'x') TO '{wal}' (FORMAT csv, USE_TMP_FILE false)",
        "COPY dim_sex TO '{out}' (FORMAT parquet)",
        "COPY dim_sex FROM '{csv}'",
        "EXPORT DATABASE '{dir}'",
        "IMPORT DATABASE '{dir}'",
        "ATTACH '{out}' AS other",
        "ATTACH '{db}' AS again",
        "DETACH w",
        "INSTALL sqlite",
        "LOAD sqlite",
        "LOAD '{out}'",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "SET allowed_directories = ['/']",
        "PRAGMA profiling_output = '{out}'",
        "SET profiling_output = '{out}'",
        "CALL checkpoint()",
        "CHECKPOINT",
        "VACUUM",
        "SELECT * FROM read_csv('{csv}')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT 1; DROP TABLE dim_sex; SELECT 3",
        "SELECT 1;\nCOPY (SELECT 1) TO '{out}';",
        "SELECT ';' AS s; COPY (SELECT 1) TO '{out}'",
        "SELECT 1 /* ; */; COPY (SELECT 1) TO '{out}'",
        "SELECT $$;$$ AS s; COPY (SELECT 1) TO '{out}'",
        "CREATE TEMP TABLE t AS SELECT 1",
        "INSERT INTO dim_sex VALUES ('X', 'x', 'x')",
        "BEGIN; DELETE FROM dim_sex; COMMIT",
        "SELECT * FROM query('COPY (SELECT 1) TO ''{out}''')",
        "PIVOT dim_sex ON sex USING count(*)",
        "SET VARIABLE x = 1",
        "USE memory",
        "CREATE MACRO m() AS 1",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}'",
        "SELECT * FROM sqlite_scan('{csv}', 't')",
    };

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(HostileStatements))]
    public void HostileStatement_IsRefused_WarehouseAndWalUnchanged(string template)
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        var wal = db + ".wal";
        WarehouseWithPendingWal(db);
        Assert.True(File.Exists(wal), "precondition: the warehouse has a pending WAL");
        var csv = tmp.File("outside.csv");
        File.WriteAllText(csv, "a\n1\n");
        var outFile = tmp.File("leak.out");
        var dir = tmp.File("export");
        var before = (Hash(db), Hash(wal));

        var sql = template.Replace("{db}", db).Replace("{wal}", wal).Replace("{out}", outFile).Replace("{dir}", dir).Replace("{csv}", csv);
        var r = WccProcess.Run(tmp.Path, "sql", sql, "--db", db);

        Assert.NotEqual(0, r.ExitCode);
        Assert.StartsWith("error: statement ", r.Stderr);
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.DoesNotContain("External component", r.Stderr);
        Assert.False(File.Exists(outFile), "wcc sql wrote a file");
        Assert.False(Directory.Exists(dir), "wcc sql exported the database");
        Assert.Equal(before, (Hash(db), Hash(wal)));
        // Nothing of a refused script runs, not even the harmless statement before the hostile one.
        if (sql.StartsWith("SELECT 1;", StringComparison.Ordinal)) Assert.DoesNotContain("│ 1 ", r.Stdout);
    }

    [Fact]
    public void AllowRead_OpensOnlyThatFolderForReading()
    {
        using var tmp = new TempDirectory();
        var db = tmp.EmptyWarehouse();
        var mine = Directory.CreateDirectory(tmp.File("mine")).FullName;
        File.WriteAllText(Path.Combine(mine, "rates.csv"), "district,rate\n新城区,97.5\n");
        var sibling = Directory.CreateDirectory(tmp.File("mine-not")).FullName;
        File.WriteAllText(Path.Combine(sibling, "x.csv"), "a\n1\n");

        var read = WccProcess.Run(tmp.Path, "sql", $"SELECT district, rate FROM read_csv('{mine}/rates.csv')", "--db", db, "--allow-read", mine, "--format", "csv");
        Assert.True(read.ExitCode == 0, read.Stderr);
        Assert.Equal(["district,rate", "新城区,97.5"], read.Stdout.Trim().Split('\n'));

        var outside = WccProcess.Run(tmp.Path, "sql", $"SELECT * FROM read_csv('{sibling}/x.csv')", "--db", db, "--allow-read", mine);
        Assert.NotEqual(0, outside.ExitCode);
        Assert.Contains("Permission Error", outside.Stderr);

        var write = WccProcess.Run(tmp.Path, "sql", $"COPY (SELECT 1) TO '{mine}/out.csv'", "--db", db, "--allow-read", mine);
        Assert.NotEqual(0, write.ExitCode);
        Assert.False(File.Exists(Path.Combine(mine, "out.csv")));

        var missing = WccProcess.Run(tmp.Path, "sql", "SELECT 1", "--db", db, "--allow-read", tmp.File("nope"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Stderr);
    }

    [Fact]
    public void NonDuckDbFile_IsRefusedWithoutReachingForAnExtension()
    {
        using var tmp = new TempDirectory();
        var fake = tmp.File("survey.sqlite");
        // The SQLite header DuckDB recognises and would hand to its sqlite extension (downloaded, if autoloading were on).
        var bytes = new byte[4096];
        "SQLite format 3\0"u8.CopyTo(bytes);
        File.WriteAllBytes(fake, bytes);
        foreach (var args in new[] { new[] { "sql", "SELECT 1", "--db", fake }, ["check", "--db", fake], ["build", "--db", fake] })
        {
            var r = WccProcess.Run(tmp.Path, args);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("error:", r.Stderr);
            Assert.False(r.HasStackTrace, r.Stderr);
        }
        Assert.Equal(bytes, File.ReadAllBytes(fake));
    }

    private static void WarehouseWithPendingWal(string db)
    {
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite);
        // Committed but not checkpointed: the change lives only in the WAL, which a COPY onto it would destroy.
        connection.Execute("CHECKPOINT; SET wal_autocheckpoint = '10GB'; PRAGMA disable_checkpoint_on_shutdown");
        connection.Execute("INSERT INTO dim_area (area_code, area_name, area_level, parent_code, is_central, origin) VALUES ('999999', '测试区', 'district', '610100', false, 'test')");
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
