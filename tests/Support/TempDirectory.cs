namespace Wcc.Tests.Support;

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("wcc-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A new, empty warehouse (schema only) in this folder; returns its path.</summary>
    /// <remarks>A copy of the process's empty template (<see cref="WarehouseTemplates"/>): the same file a writer open of a
    /// new path leaves, without running every schema file again.</remarks>
    public string EmptyWarehouse(string name = "w.duckdb") => WarehouseTemplates.CopyEmpty(File(name));

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
