using System.Text;
using DuckDB.NET.Data;
using Spectre.Console;
using Wcc.Cli.Commands;
using Wcc.Cli.Output;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Shell;

/// <summary>The interactive `wcc sql` shell: multi-line statements ending in `;`, history, dot-commands.</summary>
internal sealed class SqlShell(DuckDBConnection connection, OutputFormat format, TextReader input, TextWriter output)
{
    private readonly List<string> history = [];

    /// <summary>History is kept across sessions in the user's home, like the DuckDB CLI's.</summary>
    private static readonly string HistoryPath =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".wcc_sql_history");

    public int Run()
    {
        output.WriteLine("wcc sql: the warehouse is open read-only. End statements with `;`. `.help` lists commands.");
        var buffer = new StringBuilder();
        while (true)
        {
            output.Write(buffer.Length == 0 ? "wcc> " : "  -> ");
            var line = input.ReadLine();
            if (line is null) break;
            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                if (!DotCommand(line.Trim())) break;
                continue;
            }
            buffer.AppendLine(line);
            if (!line.TrimEnd().EndsWith(';')) continue;
            var sql = buffer.ToString().Trim();
            buffer.Clear();
            Remember(sql);
            Execute(sql);
        }
        return 0;
    }

    private void Execute(string sql)
    {
        try
        {
            ResultPrinter.Print(QueryRunner.Execute(connection, sql), format, output);
        }
        catch (WccException ex)
        {
            CommandRunner.PrintError(ex.Message, ex.Hint);
        }
    }

    /// <returns>False when the shell should exit.</returns>
    private bool DotCommand(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (parts[0])
        {
            case ".quit" or ".exit":
                return false;
            case ".tables":
                Execute("SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_type, table_name");
                break;
            case ".schema" when parts.Length == 2:
                ShowSchema(parts[1]);
                break;
            case ".history":
                for (var i = 0; i < history.Count; i++) output.WriteLine($"{i + 1,4}  {history[i].ReplaceLineEndings(" ")}");
                break;
            case ".help":
                output.WriteLine("""
                    .tables          list tables and views
                    .schema NAME     columns, types and comments of a table or view
                    .history         statements run in this session
                    .help            this text
                    .quit            leave the shell (or Ctrl-D)
                    Statements may span lines and end with `;`. The warehouse is read-only here.
                    """);
                break;
            default:
                CommandRunner.PrintError($"unknown shell command {parts[0]}", "`.help` lists the commands");
                break;
        }
        return true;
    }

    private void ShowSchema(string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT column_name, data_type, coalesce(comment, '') AS comment
            FROM duckdb_columns() WHERE table_name = $name ORDER BY column_index
            """;
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        using var reader = cmd.ExecuteReader();
        var table = new Table().AddColumns("column", "type", "comment");
        var any = false;
        while (reader.Read())
        {
            any = true;
            table.AddRow(Markup.Escape(reader.GetString(0)), Markup.Escape(reader.GetString(1)), Markup.Escape(reader.GetString(2)));
        }
        if (any) AnsiConsole.Write(table);
        else CommandRunner.PrintError($"no table or view named {name}", "`.tables` lists them");
    }

    private void Remember(string sql)
    {
        history.Add(sql);
        try
        {
            File.AppendAllText(HistoryPath, sql.ReplaceLineEndings(" ") + "\n");
        }
        catch (IOException)
        {
            // History is a convenience; an unwritable home directory must not break the shell.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
