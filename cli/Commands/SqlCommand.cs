using System.CommandLine;
using Wcc.Cli.Output;
using Wcc.Cli.Shell;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc sql [QUERY]`: a query or script, a piped script, or the interactive shell; always read-only.</summary>
internal static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "SQL to run (several statements separated by `;`); omit for the shell or a piped script", Arity = ArgumentArity.ZeroOrOne };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format(OutputFormat.Table);
        var allowRead = new Option<string[]>("--allow-read")
        {
            Description = "let queries read files (read_csv, read_parquet …) under this folder; may be repeated",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("sql", "query the warehouse (read-only)") { query, db, format, allowRead };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var directories = parse.GetValue(allowRead) ?? [];
            foreach (var dir in directories)
            {
                if (!Directory.Exists(dir)) throw new WccException($"--allow-read {dir}: no such folder", "give an existing folder whose files queries may read", exitCode: 2);
            }
            var path = parse.GetValue(db)!;
            // Fail on a missing or locked warehouse before reading a script or starting the shell.
            WarehouseFile.Open(path, WarehouseAccess.ReadOnly).Dispose();

            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
            var writer = ResultWriter.For(parse.GetValue(format), stdout, Console.Error);
            var session = new SqlSession(path, directories, writer, stdout);
            try
            {
                var sql = parse.GetValue(query);
                if (sql is not null) SqlScriptRunner.Run(session, new StringReader(sql));
                else if (SqlShell.IsSupported) return new SqlShell(session).Run();
                else SqlScriptRunner.Run(session, Console.In);
                return 0;
            }
            finally
            {
                stdout.Flush();
            }
        }));
        return command;
    }
}
