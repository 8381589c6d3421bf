using System.Diagnostics;
using System.Text.Json;

namespace Wcc.Tests.Support;

/// <summary>
/// DuckDB's Node.js client (<c>@duckdb/node-api</c>, pinned in tests/clients/node/package-lock.json), used as a second,
/// independent DuckDB client of the warehouse file. Installs itself with <c>npm ci</c> on first use, so a fresh clone
/// needs nothing but Node.js and npm (scripts/setup-os.sh installs them when missing).
/// </summary>
public static class NodeDuckDbClient
{
    /// <summary>The folder with package.json, the lock file and the script the tests run.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "clients", "node");

    /// <summary>Why the client cannot run here (node or npm not on PATH), or null when it can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    private static readonly Lock InstallLock = new();

    /// <summary>Runs <c>node read-views.mjs WAREHOUSE</c> and returns its JSON report.</summary>
    public static JsonDocument ReadViews(string warehouse)
    {
        EnsureInstalled();
        var (exit, stdout, stderr) = Run("node", Folder, "read-views.mjs", warehouse);
        Assert.True(exit == 0, $"node read-views.mjs failed ({exit}):\n{stderr}");
        return JsonDocument.Parse(stdout);
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "@duckdb", "node-api", "package.json"))) return;
            // npm ci installs exactly what the committed lock file pins, and never rewrites it.
            var (exit, stdout, stderr) = Run("npm", Folder, "ci", "--no-audit", "--no-fund");
            Assert.True(exit == 0, $"`npm ci` in {Folder} failed ({exit}); the package registry must be reachable:\n{stdout}\n{stderr}");
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindMissing()
    {
        var missing = new[] { "node", "npm" }.Where(p => !OnPath(p)).ToList();
        return missing.Count == 0 ? null : $"{string.Join(" and ", missing)} not found on PATH (scripts/setup-os.sh installs Node.js)";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}

/// <summary>A fact that is skipped, with the reason, only when Node.js or npm is not installed.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (NodeDuckDbClient.MissingReason is { } reason) Skip = reason;
    }
}
