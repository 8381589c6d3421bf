namespace Wcc.Tests.Support;

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("wcc-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

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
