using Wcc.Cli.Commands;
using Wcc.Cli.Output;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Shell;

/// <summary>
/// Runs researchers' statements and dot-commands, for a one-off query, a piped script and the interactive shell alike.
/// </summary>
/// <remarks>
/// The warehouse is opened for each statement and closed after it, so a reader never holds the file between queries
/// and a load or build waits at most for the query that is running.
/// </remarks>
internal sealed class SqlSession(string databasePath, IReadOnlyList<string> readableDirectories, ResultWriter writer, TextWriter output)
{
    private int statementsRun;
    private ResearchConnection? running;

    /// <summary>Statements run so far in this session, for numbering across a script's chunks.</summary>
    public int StatementsRun => statementsRun;

    /// <summary>Runs every statement of <paramref name="text"/> in order; the first error stops with a <see cref="WccException"/> naming the statement.</summary>
    /// <param name="firstLine">The line of the script on which <paramref name="text"/> begins, for messages.</param>
    public void Run(string text, int firstLine = 1)
    {
        var statements = Number(text, firstLine, statementsRun);
        Screen(statements);
        foreach (var statement in statements)
        {
            statementsRun = statement.Number;
            RunOne(statement);
        }
    }

    /// <summary>Refuses the whole script if any of its statements is not a query, before anything runs.</summary>
    public void Screen(IEnumerable<(string Text, int FirstLine)> chunks)
    {
        var numbered = 0;
        var statements = new List<SqlStatementText>();
        foreach (var (text, firstLine) in chunks)
        {
            var chunk = Number(text, firstLine, statementsRun + numbered);
            numbered += chunk.Count;
            statements.AddRange(chunk);
        }
        Screen(statements);
    }

    private void Screen(IReadOnlyList<SqlStatementText> statements)
    {
        if (statements.Count == 0) return;
        using var screen = ResearchConnection.Open(databasePath, readableDirectories);
        foreach (var statement in statements) screen.Screen(statement);
    }

    private static List<SqlStatementText> Number(string text, int firstLine, int before) =>
        SqlStatementSplitter.Split(text)
            .Select(piece => piece with { Number = before + piece.Number, Line = firstLine + piece.Line - 1 })
            .ToList();

    private void RunOne(SqlStatementText statement, IReadOnlyDictionary<string, object>? parameters = null)
    {
        using var connection = ResearchConnection.Open(databasePath, readableDirectories);
        running = connection;
        try
        {
            connection.Run(statement, writer, parameters);
        }
        finally
        {
            running = null;
            writer.Flush();
        }
    }

    /// <summary>Stops the running statement, if any (Ctrl-C).</summary>
    public bool Cancel()
    {
        var current = running;
        if (current is null) return false;
        current.Cancel();
        return true;
    }

    /// <summary>Runs a dot-command; returns false for <c>.quit</c>.</summary>
    public bool Dot(string line, IReadOnlyList<string> history)
    {
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (parts[0])
        {
            case ".quit" or ".exit":
                return false;
            case ".tables":
                RunInternal(WarehouseCatalogQueries.Tables);
                break;
            case ".schema" when parts.Length == 1:
                RunInternal(WarehouseCatalogQueries.Everything);
                break;
            case ".schema":
                RunInternal(WarehouseCatalogQueries.Columns, new Dictionary<string, object> { ["name"] = parts[1] });
                break;
            case ".history":
                var filter = parts.Length == 2 ? parts[1] : null;
                for (var i = 0; i < history.Count; i++)
                {
                    if (filter is null || history[i].Contains(filter, StringComparison.OrdinalIgnoreCase))
                    {
                        output.WriteLine($"{i + 1,4}  {ControlText.Escape(history[i].ReplaceLineEndings(" "))}");
                    }
                }
                break;
            case ".help":
                output.WriteLine("""
                    .tables          tables, views and macros
                    .schema          everything in the warehouse, with its comment and columns
                    .schema NAME     columns, types and comments of one table or view
                    .history [TEXT]  statements run before (containing TEXT); Up/Down recall them, Ctrl-R searches
                    .help            this text
                    .quit            leave the shell (or Ctrl-D)
                    Statements may span lines and end with `;`. Ctrl-C stops a running query.
                    The warehouse is read-only here: only queries run (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE).
                    """);
                break;
            default:
                throw new WccException($"unknown shell command {parts[0]}", "`.help` lists the commands");
        }
        return true;
    }

    /// <summary>Our own catalogue queries go through the same gate as the researcher's: there is one way in.</summary>
    private void RunInternal(string sql, IReadOnlyDictionary<string, object>? parameters = null) =>
        RunOne(new SqlStatementText(0, sql, 1), parameters);
}
