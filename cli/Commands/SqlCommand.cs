using System.CommandLine;
using Wcc.Cli.Output;
using Wcc.Cli.Shell;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Commands;

/// <summary>`wcc sql [QUERY]`: one query, or the interactive shell; always read-only.</summary>
internal static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "SQL to run; omit for the interactive shell", Arity = ArgumentArity.ZeroOrOne };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format(OutputFormat.Table);
        var command = new Command("sql", "query the warehouse (read-only)") { query, db, format };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            QueryRunner.RestrictToWarehouse(connection);
            var sql = parse.GetValue(query);
            if (sql is null) return new SqlShell(connection, parse.GetValue(format), Console.In, Console.Out).Run();
            ResultPrinter.Print(QueryRunner.Execute(connection, sql), parse.GetValue(format), Console.Out);
            return 0;
        }));
        return command;
    }
}
