using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Pack.Pdf;

/// <summary>
/// One headless Chromium that prints every PDF of a pack: started once (its start-up, about a second on this machine,
/// used to be paid for each of the pack's 26 prints), driven over the DevTools protocol, and ended on Dispose.
/// Each print opens a fresh page, loads the HTML file, waits for its load event and its fonts, and prints with the
/// settings of Chromium's own `--print-to-pdf --no-pdf-header-footer --generate-pdf-document-outline` (A4 from the
/// page's CSS, backgrounds, tagged PDF, an outline from the headings), so the PDFs are what a command-line print gives.
/// </summary>
/// <remarks>
/// The browser runs under <see cref="BrowserProcess"/>: its own process group, killed on exit, on signals and by the
/// watchdog when wcc is killed. Every print has <see cref="ChromiumPrinter.Timeout"/>. A print that fails or times out
/// ends the browser at once with every process it started (the pack fails on its first failed print, so a half-broken
/// browser is never reused), and the session refuses further prints.
/// </remarks>
public sealed class PrintSession : IDisposable
{
    /// <summary>Pages printed at the same time by <see cref="PrintAll"/>. A tab lays out and prints on one core, and this
    /// machine has two: two small pages print in about the time of one, more only queue for the cores.</summary>
    public const int PagesAtOnce = 2;

    /// <summary>How often start-up looks for the DevToolsActivePort file Chromium writes once it listens.</summary>
    private static readonly TimeSpan PortPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>The name of the file in the profile where Chromium writes its port and browser path.</summary>
    private const string PortFileName = "DevToolsActivePort";

    /// <summary>How much of the PDF one IO.read returns (before base64).</summary>
    private const int PdfChunkBytes = 1024 * 1024;

    private readonly string browser;
    private readonly DirectoryInfo profile;
    private readonly BrowserProcess process;
    private readonly DevToolsConnection devTools;
    private string? failed;
    private bool disposed;

    private PrintSession(string browser, DirectoryInfo profile, BrowserProcess process, DevToolsConnection devTools)
    {
        this.browser = browser;
        this.profile = profile;
        this.process = process;
        this.devTools = devTools;
    }

    /// <summary>The operating system's id of the browser (its process group's id), for tests that check it is gone.</summary>
    public int BrowserProcessId => process.Id;

    /// <summary>Starts <paramref name="browser"/> headless, listening for DevTools on a free local port.</summary>
    /// <exception cref="WccException">The browser exits before it listens, or does not listen within the timeout.</exception>
    public static PrintSession Start(string browser)
    {
        // The PID in the profile's name lets a person (and the tests) tell which wcc a browser belongs to.
        var profile = Directory.CreateTempSubdirectory($"wcc-chromium-{Environment.ProcessId}-");
        BrowserProcess? process = null;
        try
        {
            // Port 0: the browser picks a free port and writes it to the profile; nothing else on the machine is assumed free.
            process = BrowserProcess.Start(browser, [.. ChromiumPrinter.BaseArguments(profile.FullName), "--remote-debugging-port=0", "about:blank"], profile.FullName);
            var timeout = ChromiumPrinter.Timeout;
            using var deadline = new CancellationTokenSource(timeout);
            var endpoint = WaitForEndpoint(browser, process, profile.FullName, timeout, deadline.Token);
            DevToolsConnection devTools;
            try
            {
                devTools = DevToolsConnection.ConnectAsync(endpoint, deadline.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw TimedOut(browser, timeout, "while starting");
            }
            catch (System.Net.WebSockets.WebSocketException ex)
            {
                throw Failed(browser, process, $"could not be reached on its DevTools port ({ex.Message})");
            }
            return new PrintSession(browser, profile, process, devTools);
        }
        catch
        {
            process?.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> and checks the PDF (header, %%EOF, pdfinfo reads it).</summary>
    /// <exception cref="WccException">The page is missing, or the browser failed, timed out or wrote a PDF that does not read;
    /// the browser is then stopped and the session takes no more prints.</exception>
    public void Print(string htmlPath, string pdfPath) => Print(htmlPath, pdfPath, draft: false);

    /// <summary>Prints a draft, a PDF only read back for its layout (the page each section lands on), never handed out:
    /// the same paper, margins and page breaks, without the tags and the outline, which place nothing on a page and take
    /// about a third of the time of printing the 99-page pack.</summary>
    /// <exception cref="WccException">As <see cref="Print(string, string)"/>.</exception>
    public void PrintDraft(string htmlPath, string pdfPath) => Print(htmlPath, pdfPath, draft: true);

    /// <summary>Prints several pages, <see cref="PagesAtOnce"/> at a time, each in its own tab of the one browser.</summary>
    /// <exception cref="WccException">The first print that failed (the browser is then stopped, and the pages still
    /// printing fail with it); as <see cref="Print(string, string)"/>.</exception>
    public void PrintAll(IReadOnlyList<(string HtmlPath, string PdfPath)> pages)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (failed is not null) throw new InvalidOperationException($"this Chromium session already failed ({failed}); start a new one");
        var next = -1;
        Exception? first = null;
        var gate = new object();
        void PrintNext()
        {
            for (var i = Interlocked.Increment(ref next); i < pages.Count; i = Interlocked.Increment(ref next))
            {
                lock (gate)
                {
                    if (first is not null) return;
                }
                try
                {
                    PrintPage(pages[i].HtmlPath, pages[i].PdfPath, draft: false);
                }
                catch (Exception ex)
                {
                    // Recorded before the browser is stopped, so the cause wins over the failures the stop causes.
                    lock (gate) first ??= ex;
                    process.Kill();
                    return;
                }
            }
        }
        var tabs = Enumerable.Range(0, Math.Min(PagesAtOnce, pages.Count))
            .Select(_ => Task.Factory.StartNew(PrintNext, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(tabs);
        if (first is null) return;
        failed = first.Message;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    private void Print(string htmlPath, string pdfPath, bool draft)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (failed is not null) throw new InvalidOperationException($"this Chromium session already failed ({failed}); start a new one");
        try
        {
            PrintPage(htmlPath, pdfPath, draft);
        }
        catch (Exception ex)
        {
            failed = ex.Message;
            process.Kill();
            throw;
        }
    }

    /// <summary>Ends the browser with every process it started and removes its profile.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        devTools.Dispose();
        process.Dispose();
        DeleteProfile(profile);
    }

    private void PrintPage(string htmlPath, string pdfPath, bool draft)
    {
        var page = Path.GetFullPath(htmlPath);
        if (!File.Exists(page))
        {
            throw new WccException($"cannot print {htmlPath} to PDF: the page does not exist", "nothing was replaced (the previous output is unchanged); run again");
        }
        if (File.Exists(pdfPath)) File.Delete(pdfPath);
        var timeout = ChromiumPrinter.Timeout;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            PrintPageAsync(new Uri(page).AbsoluteUri, pdfPath, PrintSettings(draft), deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw TimedOut(browser, timeout, $"printing {htmlPath}");
        }
        catch (DevToolsException ex)
        {
            throw Failed(browser, process, $"failed to print {htmlPath} to {pdfPath}: {ex.Message}");
        }
        ChromiumPrinter.CheckPdf(browser, pdfPath);
    }

    private async Task PrintPageAsync(string url, string pdfPath, JsonObject settings, CancellationToken cancel)
    {
        var targetId = (await devTools.CallAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancel).ConfigureAwait(false))
            .GetProperty("targetId").GetString()!;
        string? sessionId = null;
        try
        {
            sessionId = (await devTools.CallAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, cancel).ConfigureAwait(false))
                .GetProperty("sessionId").GetString()!;
            await devTools.CallAsync("Page.enable", null, sessionId, cancel).ConfigureAwait(false);
            await devTools.CallAsync("Page.setLifecycleEventsEnabled", new JsonObject { ["enabled"] = true }, sessionId, cancel).ConfigureAwait(false);
            var navigation = await devTools.CallAsync("Page.navigate", new JsonObject { ["url"] = url }, sessionId, cancel).ConfigureAwait(false);
            if (navigation.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } why)
            {
                throw new DevToolsException($"the page did not load ({why})");
            }
            // The load event of this navigation (its loader), as the command-line print waits for it: images and styles are in.
            var loader = navigation.GetProperty("loaderId").GetString();
            await devTools.WaitForEventAsync(sessionId, "Page.lifecycleEvent",
                e => e.GetProperty("name").GetString() == "load" && e.GetProperty("loaderId").GetString() == loader, cancel).ConfigureAwait(false);
            // Web fonts (none today; the CJK font is a system font) would otherwise print in a fallback face.
            await devTools.CallAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.fonts.ready.then(() => true)", ["awaitPromise"] = true, ["returnByValue"] = true }, sessionId, cancel).ConfigureAwait(false);
            var printed = await devTools.CallAsync("Page.printToPDF", settings, sessionId, cancel).ConfigureAwait(false);
            await SaveStreamAsync(printed.GetProperty("stream").GetString()!, pdfPath, sessionId, cancel).ConfigureAwait(false);
        }
        finally
        {
            if (sessionId is not null) devTools.Forget(sessionId);
        }
        // Not awaited: tearing down a large page takes the browser a second or more, and nothing waits on it; the next
        // print opens its own tab, and Dispose ends the browser with whatever is left.
        devTools.Post("Target.closeTarget", new JsonObject { ["targetId"] = targetId }, null);
    }

    /// <summary>What Chromium's command-line print sends (headless command handler): the paper and margins come from the
    /// page's @page rule (A4, its margins and running notice), no browser header and footer, a tagged PDF with an outline
    /// built from the headings. The PDF comes back as a stream, read in chunks, so a large pack is never one huge message.</summary>
    private static JsonObject PrintSettings(bool draft) => new()
    {
        ["displayHeaderFooter"] = false,
        ["printBackground"] = true,
        ["preferCSSPageSize"] = true,
        ["generateTaggedPDF"] = !draft,
        ["generateDocumentOutline"] = !draft,
        ["transferMode"] = "ReturnAsStream",
    };

    private async Task SaveStreamAsync(string stream, string pdfPath, string sessionId, CancellationToken cancel)
    {
        await using (var file = new FileStream(pdfPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: false))
        {
            while (true)
            {
                var chunk = await devTools.CallAsync("IO.read", new JsonObject { ["handle"] = stream, ["size"] = PdfChunkBytes }, sessionId, cancel).ConfigureAwait(false);
                var data = chunk.GetProperty("data").GetString() ?? "";
                var bytes = chunk.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean()
                    ? Convert.FromBase64String(data)
                    : System.Text.Encoding.UTF8.GetBytes(data);
                file.Write(bytes);
                if (chunk.TryGetProperty("eof", out var eof) && eof.GetBoolean()) break;
            }
            file.Flush(flushToDisk: false);
        }
        await devTools.CallAsync("IO.close", new JsonObject { ["handle"] = stream }, sessionId, cancel).ConfigureAwait(false);
    }

    /// <summary>Waits for DevToolsActivePort ("PORT\n/devtools/browser/ID"); fails as soon as the browser ends without it.</summary>
    private static Uri WaitForEndpoint(string browser, BrowserProcess process, string profile, TimeSpan timeout, CancellationToken cancel)
    {
        var portFile = Path.Combine(profile, PortFileName);
        while (true)
        {
            if (File.Exists(portFile))
            {
                var lines = File.ReadAllLines(portFile);
                // Chromium writes the file whole, but a read may land between its two lines.
                if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && lines[1].StartsWith('/'))
                {
                    return new Uri($"ws://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{lines[1].Trim()}");
                }
            }
            if (process.HasExited) throw Failed(browser, process, "failed to start");
            if (cancel.IsCancellationRequested)
            {
                process.Kill();
                throw TimedOut(browser, timeout, "while starting");
            }
            Thread.Sleep(PortPoll);
        }
    }

    private static WccException TimedOut(string browser, TimeSpan timeout, string doing) => new(
        $"Chromium ({browser}) did not finish within {timeout.TotalSeconds:0} s ({doing}) and was stopped, with every process it started",
        $"the page is probably too large to print; {ChromiumPrinter.NothingReplaced}; on a slow machine set WCC_CHROMIUM_TIMEOUT=SECONDS");

    private static WccException Failed(string browser, BrowserProcess process, string what)
    {
        // The browser's own words are on its stderr; a browser that died has an exit code worth quoting.
        var exit = process.ExitCode is { } code ? $"exit code {code}" : "it was still running and was stopped";
        if (!process.HasExited) process.Kill();
        return new WccException($"Chromium ({browser}) is installed but {what} ({exit}): {ChromiumPrinter.Tail(process.Stderr)}",
            $"{ChromiumPrinter.NothingReplaced}; if it fails again, try the browser by hand: chromium --headless --no-sandbox --print-to-pdf=x.pdf PAGE.html");
    }

    /// <summary>Removes a browser's profile. Right after the group is killed a helper may still finish a write into it,
    /// so a failed removal is tried again a few times (a profile left behind was seen on this busy machine).</summary>
    internal static void DeleteProfile(DirectoryInfo profile)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                profile.Refresh();
                if (profile.Exists) profile.Delete(recursive: true);
                return;
            }
            catch (IOException) when (attempt < ProfileRemovalAttempts)
            {
                Thread.Sleep(ProfileRemovalPause);
            }
            catch (IOException)
            {
                // Still held: the watchdog's own removal and the OS's temp cleanup remain.
                return;
            }
        }
    }

    private const int ProfileRemovalAttempts = 10;

    private static readonly TimeSpan ProfileRemovalPause = TimeSpan.FromMilliseconds(100);
}
