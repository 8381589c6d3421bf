using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Wcc.Warehouse.Files;

namespace Wcc.Reports.Pack;

/// <summary>
/// Runs headless Chromium so that it cannot outlive wcc: in a process group of its own (Chromium forks a zygote,
/// renderers, a GPU and a network process), killed as a group on timeout, on Ctrl-C/SIGTERM/SIGHUP and at exit, and
/// watched by a small `sh` that kills the group when wcc dies in a way it cannot handle (SIGKILL).
/// </summary>
/// <remarks>
/// Why a watchdog and not PR_SET_PDEATHSIG (`setpriv --pdeathsig KILL`): the parent-death signal only reaches the
/// direct child, not Chromium's own children, and on the kernel of this project's machines it was measured not to be
/// delivered at all. The watchdog reads a pipe whose only writer is wcc; the kernel closes it however wcc ends, and
/// the read returning end-of-file without the word "done" means wcc is gone.
/// </remarks>
internal sealed class BrowserProcess : IDisposable
{
    private const string Shell = "/bin/sh";
    private const string SessionLauncher = "/usr/bin/setsid";

    /// <summary>The watchdog: ignores the terminal's signals (wcc decides), waits for "done" or end-of-file, then kills the group and removes the profile.</summary>
    private const string WatchdogScript = """
        trap '' INT TERM HUP
        if read -r line && [ "$line" = done ]; then exit 0; fi
        kill -s KILL -- "-$1" 2>/dev/null
        sleep 1
        rm -rf -- "$2"
        """;

    /// <summary>Process groups alive right now, killed by the exit and signal handlers.</summary>
    private static readonly ConcurrentDictionary<int, byte> LiveGroups = new();

    private static readonly Lazy<IReadOnlyList<PosixSignalRegistration>> Handlers = new(InstallHandlers);

    /// <summary>Most of Chromium's stderr kept (its end): a browser that prints for minutes must not grow wcc's memory,
    /// and a failure message quotes only the last lines.</summary>
    private const int StderrKeptChars = 64 * 1024;

    /// <summary>How long reading the browser's output may go on after it exited (a child may hold the pipe open).</summary>
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(10);

    private readonly Process browser;
    private readonly Process? watchdog;
    private readonly Task<string> stdout;
    private readonly StringBuilder stderrTail = new();
    private readonly Task stderr;

    private BrowserProcess(Process browser, Process? watchdog)
    {
        this.browser = browser;
        this.watchdog = watchdog;
        stdout = browser.StandardOutput.ReadToEndAsync();
        stderr = KeepStderrAsync(browser.StandardError);
    }

    /// <summary>The browser's process id, which is also its process group's id.</summary>
    public int Id => browser.Id;

    /// <summary>True once the browser process itself has ended.</summary>
    public bool HasExited => browser.HasExited;

    /// <summary>The browser's exit code, or null while it runs.</summary>
    public int? ExitCode => browser.HasExited ? browser.ExitCode : null;

    /// <summary>What the browser wrote on stderr so far (its last <see cref="StderrKeptChars"/> characters).</summary>
    public string Stderr
    {
        get
        {
            if (browser.HasExited) stderr.Wait(OutputDrain);
            lock (stderrTail) return stderrTail.ToString();
        }
    }

    /// <summary>Starts <paramref name="executable"/> as the leader of a new process group (setsid), with its watchdog.</summary>
    public static BrowserProcess Start(string executable, IEnumerable<string> arguments, string profileDirectory)
    {
        _ = Handlers.Value;
        var ownGroup = File.Exists(SessionLauncher);
        var start = new ProcessStartInfo(ownGroup ? SessionLauncher : executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Not a group leader when forked by .NET, so setsid execs in place: Chromium's PID is its group's ID.
        if (ownGroup)
        {
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(executable);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var browser = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        if (ownGroup) LiveGroups[browser.Id] = 0;
        Process? watchdog = null;
        if (ownGroup && File.Exists(Shell))
        {
            var watch = new ProcessStartInfo(Shell) { RedirectStandardInput = true, UseShellExecute = false };
            foreach (var a in new[] { "-c", WatchdogScript, "wcc-chromium-watchdog", browser.Id.ToString(), profileDirectory }) watch.ArgumentList.Add(a);
            watchdog = Process.Start(watch);
        }
        return new BrowserProcess(browser, watchdog);
    }

    /// <summary>Waits for the browser; on timeout kills its whole group and returns null, else its exit code and output.</summary>
    public (int Exit, string Stdout, string Stderr)? Wait(TimeSpan timeout)
    {
        if (!browser.WaitForExit(timeout))
        {
            KillGroup();
            browser.WaitForExit();
            return null;
        }
        browser.WaitForExit();
        stdout.Wait(OutputDrain);
        return (browser.ExitCode, stdout.IsCompletedSuccessfully ? stdout.Result : "", Stderr);
    }

    /// <summary>Kills the browser with its whole group now and waits until it is gone (a long-lived browser's end).</summary>
    public void Kill()
    {
        KillGroup();
        browser.WaitForExit(OutputDrain);
    }

    /// <summary>Kills what is left of the group (helpers that outlived the browser) and releases the watchdog.</summary>
    public void Dispose()
    {
        KillGroup();
        browser.WaitForExit(OutputDrain);
        if (watchdog is not null)
        {
            try
            {
                watchdog.StandardInput.WriteLine("done");
                watchdog.StandardInput.Close();
                watchdog.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (IOException)
            {
                // The watchdog already ended; nothing is left for it to do.
            }
            watchdog.Dispose();
        }
        browser.Dispose();
    }

    private async Task KeepStderrAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        try
        {
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (stderrTail)
                {
                    stderrTail.Append(buffer, 0, read);
                    if (stderrTail.Length > StderrKeptChars) stderrTail.Remove(0, stderrTail.Length - StderrKeptChars);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke with the process; what was read is what there is.
        }
    }

    private void KillGroup()
    {
        if (LiveGroups.TryRemove(browser.Id, out _)) Posix.KillGroup(browser.Id, Posix.SignalKill);
        else if (!browser.HasExited) browser.Kill(entireProcessTree: true);
    }

    private static IReadOnlyList<PosixSignalRegistration> InstallHandlers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        // Not cancelled: after the browsers are gone, the signal does what it would have done anyway (end wcc).
        return [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, _ => KillAll()))];
    }

    private static void KillAll()
    {
        foreach (var group in LiveGroups.Keys)
        {
            if (LiveGroups.TryRemove(group, out _)) Posix.KillGroup(group, Posix.SignalKill);
        }
    }
}
