using System.CommandLine;
using Spectre.Console;
using Wcc.Cli.Jobs;
using Wcc.Etl.Build;
using Wcc.Reports.Pack;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc pack`: the end-of-period evaluation pack (builds the warehouse first when it is missing).</summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var seeds = BuildCommand.SeedsOption();
        var output = new Option<string>(OptionSpelling.Spell(InputOption.Output)) { Description = "folder for the pack (default out/pack)", DefaultValueFactory = _ => "out/pack" };
        var period = new Option<string>(OptionSpelling.Spell(InputOption.Period)) { Description = "the period evaluated", DefaultValueFactory = _ => "2018-2020" };
        var asOf = new Option<int?>(OptionSpelling.Spell(InputOption.AsOfYear)) { Description = "evaluate with data up to this year (default: the latest observation year)" };
        var overwrite = new Option<bool>(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "replace an existing pack in --out" };
        var command = new Command("pack", "write the evaluation pack: index.html, pack.pdf, pack.docx, tables.xlsx, units/*.html")
            { db, seeds, output, period, asOf, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new PackOptions(parse.GetValue(output)!, parse.GetValue(period)!, parse.GetValue(asOf), parse.GetValue(overwrite));
            var build = new BuildOptions(parse.GetValue(seeds)!, () => DateTime.UtcNow);
            (PackResult Result, bool Built) run = default;
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("评估报告", maxValue: 6);
                run = PackJob.Run(parse.GetValue(db)!, build, options, new Progress<PackProgress>(p =>
                {
                    task.Description = p.Description;
                    task.Value = p.Step;
                }));
                task.Value = task.MaxValue;
            });
            var result = run.Result ?? throw new InvalidOperationException("the pack job returned nothing");
            if (run.Built) AnsiConsole.MarkupLine($"已从 seeds/ 构建数据仓库 {Markup.Escape(parse.GetValue(db)!)}");
            if (result.ForecastRefreshReason is { } why)
            {
                AnsiConsole.MarkupLine($"已重新计算{result.AsOfYear}年的预测与回测并存入数据仓库({Markup.Escape(why)});"
                    + "之后再运行 wcc pack 将只读打开数据仓库,直到再次载入数据(或运行 wcc forecast 预先更新)。");
            }
            if (result.PdfProblem is not null)
            {
                // Only a missing browser gets here: a browser that fails is an error, and the previous pack stays.
                AnsiConsole.MarkupLine($"[yellow]未生成 PDF:{Markup.Escape(result.PdfProblem)}。安装 Chromium(bash scripts/setup-os.sh 或 apt-get install chromium)后重新运行 wcc pack --overwrite。[/]");
            }
            var paths = new[] { result.IndexHtml, result.Pdf, result.Document, result.Workbook, Path.GetDirectoryName(result.UnitPages.FirstOrDefault() ?? "") }
                .Where(p => !string.IsNullOrEmpty(p));
            Console.WriteLine($"pack written (as of {result.AsOfYear}{(result.ReadOnly ? ", warehouse opened read-only" : "")}): " + string.Join(" ", paths));
            return 0;
        }));
        return command;
    }
}
