using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reliability;

/// <summary>The built warehouse the output tests copy, built once for the three classes of <see cref="OutputAtomicityTests"/>,
/// <see cref="OutputRefusalTests"/> and <see cref="OutputFailureTests"/> (which therefore run one after another, as before).</summary>
[CollectionDefinition(Name)]
public sealed class BuiltWarehouseOutputs : ICollectionFixture<BuiltWarehouseFixture>
{
    public const string Name = "built warehouse outputs";
}

/// <summary>What the output tests look at: a folder's bytes, the browsers a wcc left, a process's end.</summary>
internal static class OutputProbe
{
    /// <summary>How long a killed wcc's browsers may take to disappear (the watchdog kills the group at once; crash handlers notice within seconds).</summary>
    internal static readonly TimeSpan BrowserGrace = TimeSpan.FromSeconds(10);

    /// <summary>How long a test waits for a pack to reach its Chromium step.</summary>
    internal static readonly TimeSpan PrintStepTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Every file under a folder (hidden ones included) with its SHA-256.</summary>
    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Processes whose command line names a Chromium profile of the wcc with this PID (each browser process carries it).</summary>
    internal static List<string> BrowsersOf(int wccPid)
    {
        var marker = $"wcc-chromium-{wccPid}-";
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal) && !cmdline.Contains("wcc-chromium-watchdog", StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {cmdline[..Math.Min(80, cmdline.Length)]}");
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    /// <summary>A message as one line: the console wraps long lines at spaces.</summary>
    internal static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>True while <paramref name="pid"/> runs (a zombie waiting to be reaped is not running).</summary>
    internal static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(100);
        }
        return condition();
    }

    /// <summary>Reads a file another process holds a flock on (a plain read is not blocked by an advisory lock, but .NET's open would be).</summary>
    internal static string ReadShared(string path)
    {
        var r = Run("cat", path);
        return r.Exit == 0 ? r.Stdout : "";
    }

    internal static (int Exit, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
