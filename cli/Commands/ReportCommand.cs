using System.CommandLine;
using Spectre.Console;
using Wcc.Reports.Common;
using Wcc.Reports.Compare;
using Wcc.Reports.Coverage;
using Wcc.Reports.Workload;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc report workload|coverage|compare`: writes a report's charts and tables and prints a summary.</summary>
internal static class ReportCommand
{
    private const string DefaultOut = "out/reports";

    public static Command Create()
    {
        var command = new Command("report", "write an analysis report (charts, CSVs, captions)");
        command.Subcommands.Add(Workload());
        command.Subcommands.Add(Coverage());
        command.Subcommands.Add(Compare());
        return command;
    }

    private static Option<string> Out(string name) => new(OptionSpelling.Spell(InputOption.Output))
    {
        Description = $"output folder (default {DefaultOut}/{name})",
        DefaultValueFactory = _ => Path.Combine(DefaultOut, name),
    };

    private static Option<bool> Overwrite() => new(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "write into an --out folder that already holds files" };

    private static Command Workload()
    {
        var db = CommonOptions.Db();
        var output = Out("workload");
        var overwrite = Overwrite();
        var lead = new Option<double?>(OptionSpelling.Spell(InputOption.LeadWeight)) { Description = "weight of a led task (default mart_parameter.lead_weight = 2)" };
        var responsible = new Option<double?>(OptionSpelling.Spell(InputOption.ResponsibleWeight)) { Description = "weight of a co-responsible task (default mart_parameter.responsible_weight = 1)" };
        var command = new Command("workload", "unit workload, concentration and delivery") { db, output, lead, responsible, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var result = WorkloadReport.Run(connection, new WorkloadOptions(parse.GetValue(output)!, parse.GetValue(lead), parse.GetValue(responsible), parse.GetValue(overwrite)));
            Print(result, "unit_workload", ["unit_name", "is_collective", "tasks_led", "tasks_responsible", "workload_index", "share_of_total"]);
            Print(result, "workload_concentration", ["department_count", "hhi", "gini", "half_load_unit_count", "half_load_units"]);
            PrintFiles(result);
            return 0;
        }));
        return command;
    }

    private static Command Coverage()
    {
        var db = CommonOptions.Db();
        var output = Out("coverage");
        var overwrite = Overwrite();
        var command = new Command("coverage", "task x unit coverage and indicator attainment heatmaps") { db, output, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var result = CoverageReport.Run(connection, new CoverageOptions(parse.GetValue(output)!, parse.GetValue(overwrite)));
            var summary = new Table().AddColumns("表", "行数");
            foreach (var table in result.Tables) summary.AddRow(Markup.Escape(table.Source), table.Data.Rows.Count.ToString());
            AnsiConsole.Write(summary);
            PrintFiles(result);
            return 0;
        }));
        return command;
    }

    private static Command Compare()
    {
        var db = CommonOptions.Db();
        var output = Out("compare");
        var overwrite = Overwrite();
        var from = new Option<string>(OptionSpelling.Spell(InputOption.CompareFrom)) { Description = "id of the earlier notice (dim_notice.notice_id, as dim_notice lists them)", Required = true };
        var to = new Option<string>(OptionSpelling.Spell(InputOption.CompareTo)) { Description = "id of the later notice", Required = true };
        var command = new Command("compare", "two notices compared: tasks kept, added, dropped, reassigned; targets; workload shift") { db, from, to, output, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var result = CompareRun.Execute(connection, new CompareOptions(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(output)!, parse.GetValue(overwrite)));
            var c = result.Comparison;
            var summary = new Table().Title(Markup.Escape($"{c.From.Id} → {c.To.Id}")).AddColumns("", "数");
            summary.AddRow(TaskChange.Label(TaskChange.Kept), (c.Matched.Count - c.Reassigned.Count).ToString());
            summary.AddRow(TaskChange.Label(TaskChange.Reassigned), c.Reassigned.Count.ToString());
            summary.AddRow("新增任务", c.Added.Count.ToString());
            summary.AddRow("删除任务", c.Dropped.Count.ToString());
            foreach (var change in new[] { TargetChange.Raised, TargetChange.Lowered, TargetChange.CarriedOver, TargetChange.New, TargetChange.Dropped })
            {
                summary.AddRow("目标" + TargetChange.Label(change), c.CountTargets(change).ToString());
            }
            AnsiConsole.Write(summary);
            PrintFiles(result.Output);
            return 0;
        }));
        return command;
    }

    private static void Print(ReportOutput result, string tableName, string[] columns)
    {
        var source = result.Table(tableName);
        var table = new Table().Title(Markup.Escape(source.Source));
        foreach (var c in columns) table.AddColumn(Markup.Escape(c));
        foreach (var row in source.Data.Rows)
        {
            table.AddRow(columns.Select(c => Markup.Escape(CsvExport.Format(row[source.Column(c)] is double d ? Math.Round(d, 4) : row[source.Column(c)]))).ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static void PrintFiles(ReportOutput result)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Title)}[/]: {result.Files.Count} file(s)");
        foreach (var file in result.Files) AnsiConsole.MarkupLine($"  [green]{Markup.Escape(file)}[/]");
    }
}
