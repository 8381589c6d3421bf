using System.CommandLine;
using Spectre.Console;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc build`: (re)builds the warehouse from seeds/; running it twice gives the same warehouse.</summary>
internal static class BuildCommand
{
    public static Option<string> SeedsOption() => new(OptionSpelling.Spell(InputOption.SeedsFolder))
    {
        Description = "folder with the notice and reference CSVs (default: seeds)",
        DefaultValueFactory = _ => "seeds",
    };

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var seeds = SeedsOption();
        var init = new Option<bool>("--init")
        {
            Description = "also build into a DuckDB file that already holds other tables (refused otherwise)",
        };
        var command = new Command("build", "build the warehouse from the seeds folder") { db, seeds, init };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(db)!;
            var options = new BuildOptions(parse.GetValue(seeds)!, () => DateTime.UtcNow);
            using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite, initialiseForeign: parse.GetValue(init));
            var steps = WarehouseBuild.Steps(options);
            var results = AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("构建数据仓库", maxValue: Math.Max(1, steps.Count));
                return WarehouseBuild.Run(connection, options, (i, step) =>
                {
                    task.Description = step.Description;
                    task.Value = i;
                });
            });
            var table = new Table().AddColumns("job", "rows in", "loaded", "rejected");
            foreach (var (step, counts) in results)
            {
                table.AddRow(step.Job, counts.In.ToString(), counts.Loaded.ToString(), counts.Rejected.ToString());
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"warehouse built: [green]{Markup.Escape(path)}[/]");
            return 0;
        }));
        return command;
    }
}
