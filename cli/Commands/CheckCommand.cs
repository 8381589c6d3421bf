using System.CommandLine;
using Spectre.Console;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;

namespace Wcc.Cli.Commands;

/// <summary>`wcc check`: runs the data tests declared beside each model; non-zero exit on any failure.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var command = new Command("check", "run the warehouse's data tests (keys, relationships, accepted values)") { db };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var results = DataTestRunner.RunAll(connection);
            var failed = results.Where(r => !r.Passed).ToList();
            foreach (var f in failed)
            {
                AnsiConsole.MarkupLine($"[red]FAIL[/] {Markup.Escape(f.Model)}: {Markup.Escape(f.Test)} ({f.Failures} row(s))");
            }
            AnsiConsole.MarkupLine($"{results.Count - failed.Count} passed, {failed.Count} failed");
            return failed.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
