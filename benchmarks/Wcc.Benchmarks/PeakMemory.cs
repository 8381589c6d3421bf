using System.Diagnostics;

namespace Wcc.Benchmarks;

/// <summary>Peak resident memory of this process, resettable on Linux so a figure belongs to one phase of a benchmark.</summary>
public static class PeakMemory
{
    /// <summary>Resets the high-water mark (Linux: clear_refs 5); returns false where that is not possible.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM from /proc/self/status, else the runtime's peak working set.</summary>
    public static long Bytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Bytes as GiB with two decimals.</summary>
    public static string Gib(long bytes) => $"{bytes / 1024.0 / 1024 / 1024:0.00} GiB";
}
