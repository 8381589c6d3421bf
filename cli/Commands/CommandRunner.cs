using DuckDB.NET.Data;
using Spectre.Console;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>Runs a command body and turns every failure into one clear message and an exit code, never a stack trace.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (WccException ex)
        {
            PrintError(ex.Message, Remedies.Hint(ex));
            return ex.ExitCode;
        }
        catch (DuckDBException ex)
        {
            PrintError($"DuckDB: {ex.Message.Trim()}", null);
            return 1;
        }
        catch (IOException ex)
        {
            PrintError(ex.Message, "check the path and its permissions");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            PrintError(ex.Message, "check the path and its permissions");
            return 2;
        }
        catch (Exception ex)
        {
            // A bug of ours: still no stack trace for the user, but enough to file an issue.
            PrintError($"internal error ({ex.GetType().Name}): {ex.Message}", "please report this with the command you ran");
            return 70;
        }
    }

    /// <summary>Prints an error and its hint, with the options the lower layers name (<see cref="InputOption"/>) spelled.</summary>
    public static void PrintError(string message, string? hint)
    {
        message = OptionSpelling.Render(message);
        hint = hint is null ? null : OptionSpelling.Render(hint);
        if (Console.IsErrorRedirected)
        {
            // Logs and scripts get whole lines (a terminal's 80-column wrapping would split paths and names).
            Console.Error.WriteLine($"error: {message}");
            if (hint is not null) Console.Error.WriteLine($"hint: {hint}");
            return;
        }
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        if (hint is not null) err.MarkupLine($"[grey]hint:[/] {Markup.Escape(hint)}");
    }
}
