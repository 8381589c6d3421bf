using System.Diagnostics;
using System.Text.Json;
using Wcc.Reports.Pack;
using Wcc.Reports.Pack.Pdf;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reports.Pack.Pdf;

/// <summary>One Chromium prints several PDFs, and it is gone after Dispose and after a failed print.</summary>
[Trait("Category", "Slow")]
public class PrintSessionTests
{
    /// <summary>How long a killed browser's processes may take to be reaped.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Fact]
    public void SeveralPrints_OneBrowser_EachPdfReadsWithItsPagesAndOutline()
    {
        using var tmp = new TempDirectory();
        using var session = Start();
        var browser = session.BrowserProcessId;
        var pages = new[] { 1, 3, 2 };
        for (var i = 0; i < pages.Length; i++)
        {
            var html = Page(tmp, $"p{i}.html", pages[i]);
            var pdf = tmp.File($"p{i}.pdf");
            session.Print(html, pdf);
            Assert.Equal(pages[i], ChromiumPrinterTests.PdfPages(pdf));
            Assert.Equal(Enumerable.Range(1, pages[i]).Select(n => $"第{n}节"), OutlineTitles(pdf));
            Assert.Equal((595, 842), PageSizePoints(pdf));
            Assert.True(Alive(browser), $"the browser ended after print {i + 1}");
        }
        // The prints did not end the browser: the same process printed them all and still runs for the next.
        Assert.True(Alive(browser), "the session's browser ended between prints");
        Assert.Equal(browser, session.BrowserProcessId);
    }

    [Fact]
    public void PrintAll_SeveralPagesAtOnce_EachPdfHasItsOwnPages()
    {
        using var tmp = new TempDirectory();
        using var session = Start();
        var pages = Enumerable.Range(1, 5).Select(n => (Html: Page(tmp, $"u{n}.html", n), Pdf: tmp.File($"u{n}.pdf"), Pages: n)).ToList();
        session.PrintAll([.. pages.Select(p => (p.Html, p.Pdf))]);
        foreach (var p in pages)
        {
            Assert.Equal(p.Pages, ChromiumPrinterTests.PdfPages(p.Pdf));
            Assert.Equal(Enumerable.Range(1, p.Pages).Select(n => $"第{n}节"), OutlineTitles(p.Pdf));
        }
        Assert.True(Alive(session.BrowserProcessId));
    }

    [Fact]
    public void PrintAll_OneMissingPage_ReportsThatPage_AndStopsTheBrowser()
    {
        using var tmp = new TempDirectory();
        using var session = Start();
        var missing = tmp.File("u3.html");
        var prints = Enumerable.Range(1, 6).Select(n => (n == 3 ? missing : Page(tmp, $"u{n}.html", 1), tmp.File($"u{n}.pdf"))).ToList();
        var error = Assert.Throws<WccException>(() => session.PrintAll(prints));
        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.True(WaitFor(() => ProcessesInGroup(session.BrowserProcessId).Count == 0, Grace), "the browser outlived the failed print");
        Assert.Throws<InvalidOperationException>(() => session.Print(Page(tmp, "ok.html", 1), tmp.File("ok.pdf")));
    }

    [Fact]
    public void Dispose_EndsTheBrowserWithItsChildren_AndRemovesItsProfile()
    {
        using var tmp = new TempDirectory();
        var session = Start();
        session.Print(Page(tmp, "a.html", 1), tmp.File("a.pdf"));
        var browser = session.BrowserProcessId;
        var group = ProcessesInGroup(browser);
        Assert.True(group.Count > 1, "Chromium runs with helper processes (zygote, renderer) in its group");
        var profile = ProfileOf(browser);
        session.Dispose();

        Assert.True(WaitFor(() => ProcessesInGroup(browser).Count == 0, Grace), "a process of the browser's group outlived Dispose");
        Assert.False(Directory.Exists(profile), $"the profile {profile} was not removed");
        Assert.Throws<ObjectDisposedException>(() => session.Print(tmp.File("a.html"), tmp.File("b.pdf")));
    }

    [Fact]
    public void MissingPage_ClearError_BrowserStopped_SessionRefusesMore()
    {
        using var tmp = new TempDirectory();
        using var session = Start();
        var missing = tmp.File("no-such-page.html");
        var error = Assert.Throws<WccException>(() => session.Print(missing, tmp.File("x.pdf")));
        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.False(File.Exists(tmp.File("x.pdf")));
        Assert.True(WaitFor(() => ProcessesInGroup(session.BrowserProcessId).Count == 0, Grace), "the browser outlived the failed print");
        Assert.Throws<InvalidOperationException>(() => session.Print(Page(tmp, "ok.html", 1), tmp.File("ok.pdf")));
    }

    [Fact]
    public void BrowserKilledBetweenPrints_NextPrintFailsSayingSo_NothingLeft()
    {
        using var tmp = new TempDirectory();
        using var session = Start();
        session.Print(Page(tmp, "a.html", 1), tmp.File("a.pdf"));
        Process.GetProcessById(session.BrowserProcessId).Kill();
        var error = Assert.Throws<WccException>(() => session.Print(Page(tmp, "b.html", 1), tmp.File("b.pdf")));
        Assert.Contains("failed to print", error.Message);
        Assert.Contains("b.html", error.Message);
        Assert.True(WaitFor(() => ProcessesInGroup(session.BrowserProcessId).Count == 0, Grace), "a helper of the killed browser was left running");
    }

    [Fact]
    public void BrowserThatExitsAtStart_IsAnErrorWithItsExitCodeAndStderr_AndNoProfileLeft()
    {
        using var tmp = new TempDirectory();
        var broken = tmp.File("broken-chromium");
        File.WriteAllText(broken, "#!/bin/sh\necho 'FATAL: no display for you' >&2\nexit 7\n");
        Assert.Equal(0, Run("chmod", "+x", broken).Exit);
        var profilesBefore = Profiles();
        var error = Assert.Throws<WccException>(() => PrintSession.Start(broken));
        Assert.Contains("failed to start", error.Message);
        Assert.Contains("exit code 7", error.Message);
        Assert.Contains("FATAL: no display for you", error.Message);
        Assert.True(WaitFor(() => Profiles().Except(profilesBefore).Any() is false, Grace), "the failed browser's profile was left in the temp folder");
    }

    private static PrintSession Start()
    {
        var browser = ChromiumPrinter.Find();
        Assert.True(browser is not null, "chromium must be installed (scripts/setup-os.sh)");
        return PrintSession.Start(browser);
    }

    /// <summary>A Chinese A4 page of <paramref name="sections"/> pages, each under an h2 heading (the outline's entries).</summary>
    private static string Page(TempDirectory tmp, string name, int sections)
    {
        var path = tmp.File(name);
        var body = string.Concat(Enumerable.Range(1, sections).Select(n => $"<h2 style='break-before:page'>第{n}节</h2><p>妇女儿童发展第{n}页</p>"));
        File.WriteAllText(path, $"<!doctype html><html lang=zh-CN><meta charset=utf-8><title>t</title><style>@page{{size:A4}} h2:first-child{{break-before:auto}}</style><body>{body}</body></html>");
        return path;
    }

    private static List<string> OutlineTitles(string pdf)
    {
        var (exit, json) = Run("qpdf", "--json", "--json-key=outlines", pdf);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json);
        var titles = new List<string>();
        void Walk(JsonElement items)
        {
            foreach (var item in items.EnumerateArray())
            {
                titles.Add(item.GetProperty("title").GetString()!);
                Walk(item.GetProperty("kids"));
            }
        }
        Walk(doc.RootElement.GetProperty("outlines"));
        return titles;
    }

    private static (int Width, int Height) PageSizePoints(string pdf)
    {
        var (_, info) = Run("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Page size:", StringComparison.Ordinal));
        var parts = line["Page size:".Length..].Trim().Split(' ');
        return ((int)Math.Round(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)),
            (int)Math.Round(double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static (int Exit, string Stdout) Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result);
    }

    /// <summary>Chromium profiles of this test process in the temp folder.</summary>
    private static HashSet<string> Profiles() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), $"wcc-chromium-{Environment.ProcessId}-*")];

    /// <summary>Running browser processes (pid, profile) started by this test process, read from /proc.</summary>
    private static List<(int Pid, string Profile)> BrowserProcesses()
    {
        var marker = $"--user-data-dir={Path.GetTempPath().TrimEnd('/')}/wcc-chromium-{Environment.ProcessId}-";
        var found = new List<(int, string)>();
        foreach (var (pid, cmdline) in AllCommandLines())
        {
            var arg = cmdline.Split('\0').FirstOrDefault(a => a.StartsWith(marker, StringComparison.Ordinal));
            if (arg is not null && Alive(pid)) found.Add((pid, arg["--user-data-dir=".Length..]));
        }
        return found;
    }

    private static string ProfileOf(int browserPid) =>
        BrowserProcesses().Single(p => p.Pid == browserPid).Profile;

    /// <summary>Live processes whose process group is <paramref name="group"/> (field 5 of /proc/PID/stat).</summary>
    private static List<int> ProcessesInGroup(int group)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[2] == group.ToString(System.Globalization.CultureInfo.InvariantCulture)) found.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    private static IEnumerable<(int Pid, string Cmdline)> AllCommandLines()
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            yield return (pid, cmdline);
        }
    }

    /// <summary>True while <paramref name="pid"/> runs (a zombie waiting to be reaped is not running).</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(100);
        }
        return condition();
    }
}
