using System.Diagnostics;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Shell;

/// <summary>
/// The interactive shell driven through a real terminal (tmux): history recall with Up, Ctrl-C stops a running query
/// and keeps the shell, Ctrl-D leaves with exit 0.
/// </summary>
public class SqlShellTerminalTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Shell_RecallsHistory_CtrlCCancelsQuery_CtrlDLeaves()
    {
        using var tmp = new TempDirectory();
        var db = tmp.EmptyWarehouse();
        var session = $"wcc-{Guid.NewGuid():N}";
        var wcc = Path.Combine(AppContext.BaseDirectory, "wcc.dll");
        var script = $"cd '{tmp.Path}' && HOME='{tmp.Path}' NO_COLOR=1 dotnet '{wcc}' sql --db '{db}'; echo EXITED $?; sleep 600";
        Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "50", "bash", "-c", script);
        try
        {
            WaitFor(session, "wcc>");
            Type(session, "SELECT 40 + 2 AS answer;");
            WaitFor(session, "1 row(s)");
            Tmux("send-keys", "-t", session, "Up");
            Tmux("send-keys", "-t", session, "Enter");
            WaitFor(session, screen => Count(screen, "│ 42 ") == 2);
            // Ctrl-R: the latest statement containing what is typed.
            Tmux("send-keys", "-t", session, "-l", "40 +");
            Tmux("send-keys", "-t", session, "C-r");
            Tmux("send-keys", "-t", session, "Enter");
            WaitFor(session, screen => Count(screen, "│ 42 ") == 3);

            Type(session, "SELECT count(*) FROM range(100000000000) a;");
            Thread.Sleep(1500);
            Tmux("send-keys", "-t", session, "C-c");
            WaitFor(session, "was cancelled (Ctrl-C)");
            Type(session, "SELECT 7 AS still_here;");
            WaitFor(session, "still_here");

            Tmux("send-keys", "-t", session, "C-d");
            WaitFor(session, "EXITED 0");
            Assert.Contains("SELECT 40 + 2 AS answer;", File.ReadAllText(Path.Combine(tmp.Path, ".wcc_sql_history")));
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }
    }

    private static void Type(string session, string text)
    {
        // tmux reads a trailing ';' as its own command separator: escape it.
        Tmux("send-keys", "-t", session, "-l", text.EndsWith(';') ? text[..^1] + "\\;" : text);
        Tmux("send-keys", "-t", session, "Enter");
    }

    private static void WaitFor(string session, string text) => WaitFor(session, screen => screen.Contains(text, StringComparison.Ordinal));

    private static void WaitFor(string session, Func<string, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            screen = Tmux("capture-pane", "-p", "-t", session, "-S", "-200");
            if (condition(screen)) return;
            Thread.Sleep(200);
        }
        Assert.Fail($"the shell did not get there; screen:\n{screen}");
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
