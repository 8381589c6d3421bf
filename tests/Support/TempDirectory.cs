namespace Wcc.Tests.Support;

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("wcc-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A new, empty warehouse (schema only) in this folder; returns its path.</summary>
    public string EmptyWarehouse(string name = "w.duckdb")
    {
        var path = File(name);
        Wcc.Warehouse.Connection.WarehouseFile.Open(path, Wcc.Warehouse.Connection.WarehouseAccess.ReadWrite).Dispose();
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed mid-test may still hold a file; the OS cleans /tmp eventually.
        }
    }
}
