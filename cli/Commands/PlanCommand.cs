using System.CommandLine;
using Spectre.Console;
using Wcc.Analytics.Planning;
using Wcc.Reports.Planning;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc plan`: next-cycle targets and division of work under the baseline and each scenario file.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var horizon = new Option<int>(OptionSpelling.Spell(InputOption.Horizon)) { Description = "last year of the plan period", DefaultValueFactory = _ => 2025 };
        var scenario = new Option<string[]>(OptionSpelling.Spell(InputOption.ScenarioFile)) { Description = "scenario file (.json/.jsonc, repeatable); see docs/scenario-format.md", AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<int?>(OptionSpelling.Spell(InputOption.AsOfYear)) { Description = "use observations up to this year (default: the latest observation year)" };
        var output = new Option<string>(OptionSpelling.Spell(InputOption.Output)) { Description = "output folder (default out/plan)", DefaultValueFactory = _ => "out/plan" };
        var overwrite = new Option<bool>(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "replace an earlier plan in --out" };
        var command = new Command("plan", "model next-cycle targets and the division of work (stored in plan_* tables)") { db, horizon, scenario, asOf, output, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.Update);
            var result = PlanningRun.Execute(connection, new PlanOptions(parse.GetValue(horizon), parse.GetValue(scenario) ?? [], parse.GetValue(output)!, parse.GetValue(asOf), parse.GetValue(overwrite)),
                PlanReport.CheckReady, PlanReport.Render);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("情景", "任务", "目标", "写入文本");
            foreach (var s in result.Scenarios)
            {
                table.AddRow(Markup.Escape(s.Scenario.Name), s.Division.Tasks.Count.ToString(), s.Assessments.Count.ToString(),
                    s.Division.WrittenTargets.Count(w => w.PlanTaskNo is not null).ToString());
            }
            AnsiConsole.Write(table);
            foreach (var line in result.Rendering.Summary) AnsiConsole.MarkupLine(Markup.Escape(line));
            AnsiConsole.MarkupLine($"已写入 {result.Rendering.Files.Count} 个文件到 {Markup.Escape(parse.GetValue(output)!)}");
            return 0;
        }));
        return command;
    }
}
