using System.Diagnostics;
using Wcc.Reports.Pack.Pdf;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Reports.Pack;

/// <summary>Prints an HTML file to PDF (A4) with Debian's headless Chromium.</summary>
public static class ChromiumPrinter
{
    /// <summary>How long the browser may take to start, to print one page (<see cref="PrintSession"/>) or to take a
    /// screenshot before it is stopped with its whole process group.</summary>
    /// <remarks>The default pack (99 pages) prints in about ten seconds on a busy machine; a print past two minutes is a
    /// page too large to print, and waiting longer only hides that.
    /// WCC_CHROMIUM_TIMEOUT (seconds) changes it for a slower machine, and lets tests reach it without waiting two minutes.</remarks>
    public static TimeSpan Timeout =>
        int.TryParse(Environment.GetEnvironmentVariable("WCC_CHROMIUM_TIMEOUT"), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout;

    /// <summary>The timeout when WCC_CHROMIUM_TIMEOUT is not set.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How many of Chromium's last stderr lines a failure message quotes.</summary>
    private const int StderrTailLines = 6;

    /// <summary>What every Chromium failure can promise: the pack prints into a staging folder (see StagedOutputFolder).</summary>
    internal const string NothingReplaced = "nothing was replaced (the previous output is unchanged)";

    /// <summary>Why a pack has no PDF on a machine without a browser.</summary>
    private const string NotInstalled = "Chromium is not installed";

    /// <summary>Poppler's PDF reader: a PDF it cannot read is not a PDF we hand out.</summary>
    private const string PdfInfo = "/usr/bin/pdfinfo";

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

    /// <summary>
    /// Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> with a browser of its own and checks the PDF.
    /// Returns null on success, or why there is no PDF when Chromium is not installed. To print several pages, start
    /// one <see cref="PrintSession"/> (<see cref="StartSession"/>): the browser's start-up is then paid once.
    /// </summary>
    /// <exception cref="WccException">Chromium is installed but failed, timed out or wrote a PDF that does not read.</exception>
    public static string? PrintToPdf(string htmlPath, string pdfPath)
    {
        using var session = StartSession(out var problem);
        session?.Print(htmlPath, pdfPath);
        return problem;
    }

    /// <summary>Starts the one browser that prints a run's PDFs, or returns null with why not (Chromium is not installed).</summary>
    /// <exception cref="WccException">Chromium is installed but does not start.</exception>
    public static PrintSession? StartSession(out string? problem)
    {
        var browser = Find();
        problem = browser is null ? NotInstalled : null;
        return browser is null ? null : PrintSession.Start(browser);
    }

    /// <summary>Checks a PDF the browser wrote: header and %%EOF (<see cref="OutputFileCheck"/>), then that pdfinfo reads it.</summary>
    internal static void CheckPdf(string browser, string pdfPath)
    {
        if (OutputFileCheck.Problem(pdfPath) is { } problem)
        {
            throw new WccException($"Chromium ({browser}) wrote {pdfPath}, but the file {problem}", $"{NothingReplaced}; check free disk space, then run again");
        }
        if (File.Exists(PdfInfo))
        {
            var (exit, _, stderr) = Exec(PdfInfo, [pdfPath]);
            if (exit != 0) throw new WccException($"Chromium ({browser}) wrote {pdfPath}, but pdfinfo cannot read it: {Tail(stderr)}", $"{NothingReplaced}; check free disk space, then run again");
        }
    }

    /// <summary>True when <see cref="DestinationPages"/> can read a PDF's pages back (poppler's pdfinfo is installed).</summary>
    public static bool CanReadPages => File.Exists(PdfInfo);

    /// <summary>The page (from 1) of every named destination of a PDF Chromium printed, or null without pdfinfo.</summary>
    /// <remarks>Chromium makes every element an internal link points to (<c>href="#id"</c>) a named destination: the
    /// contents list's links give each section's printed page exactly, without searching the text.</remarks>
    public static IReadOnlyDictionary<string, int>? DestinationPages(string pdfPath)
    {
        if (!File.Exists(PdfInfo)) return null;
        var (exit, stdout, stderr) = Exec(PdfInfo, ["-dests", pdfPath]);
        if (exit != 0) throw new WccException($"pdfinfo cannot read the destinations of {pdfPath}: {Tail(stderr)}", $"{NothingReplaced}; run again");
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            // "   2 [ XYZ    6  778 null      ] \"summary\""
            var match = System.Text.RegularExpressions.Regex.Match(line, "^\\s*(\\d+)\\s+\\[.*\\]\\s+\"(.*)\"\\s*$");
            if (match.Success) pages.TryAdd(match.Groups[2].Value, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return pages;
    }

    /// <summary>Takes a PNG screenshot of a page at the given window size; returns null on success, or why not when Chromium is not installed.</summary>
    public static string? Screenshot(string htmlPath, string pngPath, int width = 1240, int height = 1754)
    {
        var browser = Find();
        if (browser is null) return NotInstalled;
        Run(browser, [$"--window-size={width},{height}", $"--screenshot={Path.GetFullPath(pngPath)}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri], pngPath);
        return null;
    }

    /// <summary>Loads a page and returns the DOM after scripts ran (used by tests to read what the browser saw).</summary>
    public static string DumpDom(string htmlPath)
    {
        var browser = Find() ?? throw new InvalidOperationException("Chromium is not installed");
        var (exit, stdout, stderr) = Browse(browser, ["--dump-dom", "--virtual-time-budget=5000", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri]);
        return exit == 0 ? stdout : throw new InvalidOperationException($"chromium exited {exit}: {stderr}");
    }

    /// <summary>Runs the browser and insists that it wrote <paramref name="expectedOutput"/>.</summary>
    private static void Run(string browser, IEnumerable<string> arguments, string expectedOutput)
    {
        if (File.Exists(expectedOutput)) File.Delete(expectedOutput);
        var (exit, _, stderr) = Browse(browser, arguments);
        if (exit == 0 && File.Exists(expectedOutput) && new FileInfo(expectedOutput).Length > 0) return;
        throw new WccException($"Chromium ({browser}) is installed but failed to write {expectedOutput} (exit code {exit}): {Tail(stderr)}",
            $"{NothingReplaced}; if it fails again, try the browser by hand: chromium --headless --no-sandbox --print-to-pdf=x.pdf PAGE.html");
    }

    /// <summary>The last meaningful lines of a process's stderr, for a message.</summary>
    internal static string Tail(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output on stderr)" : string.Join(" | ", lines.TakeLast(StderrTailLines));
    }

    private static (int Exit, string Stdout, string Stderr) Browse(string browser, IEnumerable<string> arguments)
    {
        // The PID in the profile's name lets a person (and the tests) tell which wcc a browser belongs to.
        var profile = Directory.CreateTempSubdirectory($"wcc-chromium-{Environment.ProcessId}-");
        try
        {
            using var process = BrowserProcess.Start(browser, BaseArguments(profile.FullName).Concat(arguments), profile.FullName);
            var timeout = Timeout;
            return process.Wait(timeout) ?? throw new WccException(
                $"Chromium ({browser}) did not finish within {timeout.TotalSeconds:0} s and was stopped, with every process it started",
                $"the page is probably too large to print; {NothingReplaced}; on a slow machine set WCC_CHROMIUM_TIMEOUT=SECONDS");
        }
        finally
        {
            PrintSession.DeleteProfile(profile);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Exec(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new WccException($"{program} did not finish within {Timeout.TotalSeconds:0} s", "run the command again");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
