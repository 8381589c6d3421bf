using System.CommandLine;
using Spectre.Console;
using Wcc.Reports.Common;
using Wcc.Reports.Coverage;
using Wcc.Reports.Workload;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc report workload|coverage`: writes a report's charts and tables and prints a summary.</summary>
internal static class ReportCommand
{
    private const string DefaultOut = "out/reports";

    public static Command Create()
    {
        var command = new Command("report", "write an analysis report (charts, CSVs, captions)");
        command.Subcommands.Add(Workload());
        command.Subcommands.Add(Coverage());
        return command;
    }

    private static Option<string> Out(string name) => new("--out")
    {
        Description = $"output folder (default {DefaultOut}/{name})",
        DefaultValueFactory = _ => Path.Combine(DefaultOut, name),
    };

    private static Option<bool> Overwrite() => new("--overwrite") { Description = "write into an --out folder that already holds files" };

    private static Command Workload()
    {
        var db = CommonOptions.Db();
        var output = Out("workload");
        var overwrite = Overwrite();
        var lead = new Option<double?>("--lead-weight") { Description = "weight of a led task (default mart_parameter.lead_weight = 2)" };
        var responsible = new Option<double?>("--responsible-weight") { Description = "weight of a co-responsible task (default mart_parameter.responsible_weight = 1)" };
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
