using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Support;

/// <summary>Warehouses made once per test process and handed to each test as an independent copy.</summary>
/// <remarks>
/// Creating a warehouse runs every table, view and macro file (about 0.8 s of CPU, more under load) and a seed build adds
/// the loads; hundreds of tests each doing that were most of `scripts/test --fast`. A copy of the closed, checkpointed file
/// is byte for byte what creating it again would give, costs a few milliseconds, and its writer open skips the refresh
/// because the view and macro fingerprint it records is this build's (<see cref="SchemaMigrator.EnsureCurrent(DuckDBConnection)"/>).
/// The templates themselves are never handed out, so no test can change what another one starts from.
/// </remarks>
public static class WarehouseTemplates
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("wcc-test-templates-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans /tmp eventually.
            }
        };
        return folder;
    });

    private static readonly Lazy<string> Empty = new(() => Create("empty.duckdb", _ => { }));

    private static readonly Lazy<string> Seed = new(() => Create("seed.duckdb",
        connection => WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock))));

    /// <summary>A new folder beside the templates, deleted when the test process ends: for other process-wide templates
    /// (e.g. a warehouse with a collection round sent, and its forms).</summary>
    public static string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Folder.Value, name)).FullName;

    /// <summary>Writes a copy of the empty current-schema warehouse to <paramref name="destination"/>; returns it.</summary>
    public static string CopyEmpty(string destination) => CopyTo(Empty.Value, destination);

    /// <summary>Writes a copy of the warehouse built from seeds/ at <see cref="SeedWarehouseFixture.Clock"/> to <paramref name="destination"/>; returns it.</summary>
    public static string CopySeed(string destination) => CopyTo(Seed.Value, destination);

    /// <summary>An in-memory warehouse holding what a new one holds (as <c>WarehouseFile.Open(":memory:", ReadWrite)</c>
    /// gives), copied from the empty template; the connection is the caller's to dispose.</summary>
    public static DuckDBConnection OpenEmptyInMemory()
    {
        var connection = new DuckDBConnection(WarehouseFile.ConnectionString(":memory:", WarehouseAccess.ReadWrite));
        try
        {
            connection.Open();
            // COPY FROM DATABASE copies every table with its rows, view, macro, sequence and comment.
            connection.Execute($"ATTACH '{Empty.Value.Replace("'", "''")}' AS template (READ_ONLY)");
            connection.Execute("COPY FROM DATABASE template TO memory");
            connection.Execute("DETACH template");
            // A writer open would do the same: a no-op when the copy is current, a full refresh if it were not.
            SchemaMigrator.EnsureCurrent(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string CopyTo(string template, string destination)
    {
        File.Copy(template, destination);
        return destination;
    }

    private static string Create(string name, Action<DuckDBConnection> fill)
    {
        var path = Path.Combine(Folder.Value, name);
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            fill(connection);
            connection.Execute("CHECKPOINT");
        }
        // A copy of the file alone must be the whole warehouse.
        if (File.Exists(path + ".wal")) throw new InvalidOperationException($"template {path} left a write-ahead log after its checkpoint");
        return path;
    }
}
