using System.Diagnostics;

namespace Wcc.Reports.Pack;

/// <summary>Prints an HTML file to PDF (A4) with Debian's headless Chromium.</summary>
public static class ChromiumPrinter
{
    /// <summary>How long one print may take before it is abandoned.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser binary, or null when none is installed.</summary>
    /// <remarks>WCC_CHROMIUM names another binary; when it names none that exists, the pack behaves as without Chromium.</remarks>
    public static string? Find() =>
        Environment.GetEnvironmentVariable("WCC_CHROMIUM") is { Length: > 0 } fromEnv
            ? (File.Exists(fromEnv) ? fromEnv : null)
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>The flags every headless run needs on this network-less machine (no first-run, no background traffic).</summary>
    public static IEnumerable<string> BaseArguments(string userDataDir) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        $"--user-data-dir={userDataDir}",
    ];

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; returns null on success, else why it failed.</summary>
    public static string? PrintToPdf(string htmlPath, string pdfPath)
    {
        var browser = Find();
        if (browser is null) return "Chromium is not installed";
        return Run(browser, [$"--no-pdf-header-footer", $"--print-to-pdf={Path.GetFullPath(pdfPath)}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri], pdfPath);
    }

    /// <summary>Takes a PNG screenshot of a page at the given window size; returns null on success.</summary>
    public static string? Screenshot(string htmlPath, string pngPath, int width = 1240, int height = 1754)
    {
        var browser = Find();
        if (browser is null) return "Chromium is not installed";
        return Run(browser, [$"--window-size={width},{height}", $"--screenshot={Path.GetFullPath(pngPath)}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri], pngPath);
    }

    /// <summary>Loads a page and returns the DOM after scripts ran (used by tests to read what the browser saw).</summary>
    public static string DumpDom(string htmlPath)
    {
        var browser = Find() ?? throw new InvalidOperationException("Chromium is not installed");
        var (exit, stdout, stderr) = Exec(browser, ["--dump-dom", "--virtual-time-budget=5000", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri]);
        return exit == 0 ? stdout : throw new InvalidOperationException($"chromium exited {exit}: {stderr}");
    }

    private static string? Run(string browser, IEnumerable<string> arguments, string expectedOutput)
    {
        if (File.Exists(expectedOutput)) File.Delete(expectedOutput);
        var (exit, _, stderr) = Exec(browser, arguments);
        if (exit == 0 && File.Exists(expectedOutput) && new FileInfo(expectedOutput).Length > 0) return null;
        var detail = stderr.Split('\n').FirstOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal)) ?? $"exit code {exit}";
        return $"Chromium did not write {expectedOutput} ({detail.Trim()})";
    }

    private static (int Exit, string Stdout, string Stderr) Exec(string browser, IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("wcc-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in BaseArguments(profile.FullName).Concat(arguments)) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Chromium");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", "timed out");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { /* Chromium may still hold a lock file briefly. */ }
        }
    }
}
