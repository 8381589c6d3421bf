namespace Wcc.Tests.Support;

/// <summary>A warehouse built once per test class by the real `wcc build` process, closed; each test copies it, so two `wcc` processes never share a file.</summary>
/// <remarks>Unlike <see cref="SeedWarehouseFixture"/> it holds no connection open, so `wcc` processes can open the copies read-write.</remarks>
public sealed class BuiltWarehouseFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    public BuiltWarehouseFixture()
    {
        Path = directory.File("built.duckdb");
        var build = WccProcess.Run(RepoPaths.Root, "build", "--db", Path);
        if (build.ExitCode != 0) throw new InvalidOperationException("wcc build failed: " + build.Stderr);
    }

    public string Path { get; }

    /// <summary>A private copy of the warehouse in <paramref name="folder"/>.</summary>
    public string CopyTo(string folder, string name = "w.duckdb")
    {
        var copy = System.IO.Path.Combine(folder, name);
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => directory.Dispose();
}
