using System.Text;
using RadLine;
using Spectre.Console;
using Wcc.Cli.Commands;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Shell;

/// <summary>
/// The interactive `wcc sql` shell on RadLine (Spectre's line editor): line editing, Up/Down history recall kept across
/// sessions, Ctrl-R history search, Ctrl-C stops the running query and keeps the shell, Ctrl-D leaves.
/// </summary>
internal sealed class SqlShell(SqlSession session)
{
    /// <summary>History is kept across sessions in the user's home, like the DuckDB CLI's.</summary>
    private static readonly string HistoryPath =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".wcc_sql_history");

    /// <summary>Entries kept in the history file.</summary>
    private const int HistoryLimit = 1000;

    /// <summary>What the Ctrl-D binding submits on an empty line, so the loop can tell it from an empty Enter.</summary>
    internal const string EndOfInput = "\u0004";

    private readonly List<string> history = LoadHistory();
    private readonly ShellPrompt prompt = new();

    /// <summary>True when standard input is a terminal RadLine can drive.</summary>
    public static bool IsSupported => !Console.IsInputRedirected && LineEditor.IsSupported(AnsiConsole.Console);

    public int Run()
    {
        var editor = new LineEditor { MultiLine = false, Prompt = prompt };
        foreach (var entry in history) editor.History.Add(entry);
        // RadLine recalls history with Ctrl+Up/Down (plain Up/Down move between lines of a multi-line buffer); statements
        // here are entered a line at a time, so plain Up/Down recall history as in every other SQL shell.
        editor.KeyBindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow);
        editor.KeyBindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow);
        editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand());
        editor.KeyBindings.Add(ConsoleKey.C, ConsoleModifiers.Control, () => new ClearLineCommand());
        editor.KeyBindings.Add(ConsoleKey.R, ConsoleModifiers.Control, () => new HistorySearchCommand(history));

        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl-C stops the query, never the shell.
            e.Cancel = true;
            session.Cancel();
        };

        AnsiConsole.MarkupLine("[grey]wcc sql: the warehouse is open read-only. End statements with `;`. `.help` lists commands; Ctrl-D leaves.[/]");
        var buffer = new StringBuilder();
        while (true)
        {
            prompt.Continuation = buffer.Length > 0;
            var line = editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
            if (line is null || line == EndOfInput) break;
            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                Remember(line.Trim(), editor);
                if (!Guard(() => session.Dot(line, history))) break;
                continue;
            }
            if (buffer.Length == 0 && string.IsNullOrWhiteSpace(line)) continue;
            buffer.Append(line).Append('\n');
            var text = buffer.ToString();
            if (!SqlStatementSplitter.IsComplete(text)) continue;
            buffer.Clear();
            Remember(text.Trim(), editor);
            // RadLine reads keys with Ctrl-C as input; while a query runs it must reach CancelKeyPress instead.
            Console.TreatControlCAsInput = false;
            Guard(() => { session.Run(text); return true; });
        }
        return 0;
    }

    /// <summary>Shows an error and keeps the shell; returns the action's answer, true after an error.</summary>
    private static bool Guard(Func<bool> action)
    {
        try
        {
            return action();
        }
        catch (WccException ex)
        {
            CommandRunner.PrintError(ex.Message, Remedies.Hint(ex));
            return true;
        }
    }

    private void Remember(string entry, LineEditor editor)
    {
        history.Add(entry);
        editor.History.Add(entry);
        try
        {
            File.AppendAllText(HistoryPath, entry.ReplaceLineEndings(" ") + "\n");
        }
        catch (IOException)
        {
            // History is a convenience; an unwritable home directory must not break the shell.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static List<string> LoadHistory()
    {
        try
        {
            return File.Exists(HistoryPath) ? File.ReadLines(HistoryPath).Where(l => l.Length > 0).TakeLast(HistoryLimit).ToList() : [];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>"wcc> " for a new statement, "  -> " while a statement continues on further lines.</summary>
    private sealed class ShellPrompt : ILineEditorPrompt
    {
        public bool Continuation { get; set; }

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) =>
            (new Markup(Continuation ? "  ->" : "wcc>"), 1);
    }

    /// <summary>Ctrl-D: leave the shell on an empty line (like psql and the DuckDB CLI); otherwise delete forward.</summary>
    private sealed class EndOfInputCommand : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            if (context.Buffer.Length == 0)
            {
                context.Buffer.Insert(EndOfInput);
                context.Submit(SubmitAction.Submit);
            }
            else
            {
                context.Execute(new DeleteCommand());
            }
        }
    }

    /// <summary>Ctrl-C while typing: drop the line being typed.</summary>
    private sealed class ClearLineCommand : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            context.Buffer.Clear(0, context.Buffer.Length);
            context.Buffer.Move(0);
        }
    }

    /// <summary>Ctrl-R: replace the line with the latest earlier statement containing what is typed; again for older ones.</summary>
    private sealed class HistorySearchCommand(IReadOnlyList<string> history) : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            var query = context.GetState("search.query", () => context.Buffer.Content);
            var from = context.GetState("search.from", () => history.Count);
            for (var i = from - 1; i >= 0; i--)
            {
                if (!history[i].Contains(query, StringComparison.OrdinalIgnoreCase)) continue;
                context.SetState("search.query", query);
                context.SetState("search.from", i);
                context.Buffer.Clear(0, context.Buffer.Length);
                context.Buffer.Move(0);
                context.Buffer.Insert(history[i].ReplaceLineEndings(" "));
                context.Buffer.Move(context.Buffer.Length);
                return;
            }
        }
    }
}
