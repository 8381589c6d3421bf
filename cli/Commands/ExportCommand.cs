using System.CommandLine;
using Spectre.Console;
using Wcc.Etl.Export;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc export parquet|csv --out DIR [--overwrite]`: every table and view, for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "export every table and view (parquet or csv)");
        command.Subcommands.Add(Format("parquet", "Parquet files, facts partitioned by year, plus manifest.json", ParquetExport.Run));
        command.Subcommands.Add(Format("csv", "UTF-8 CSV files with a byte-order mark (Excel shows Chinese)", CsvExport.Run));
        return command;
    }

    private static Command Format(string name, string description, Func<DuckDB.NET.Data.DuckDBConnection, string, bool, IReadOnlyList<ExportEntry>> export)
    {
        var db = CommonOptions.Db();
        var output = new Option<string>(OptionSpelling.Spell(InputOption.Output)) { Description = "output folder", Required = true };
        var overwrite = new Option<bool>(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "replace an existing export in that folder" };
        var command = new Command(name, description) { db, output, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var entries = export(connection, parse.GetValue(output)!, parse.GetValue(overwrite));
            var table = new Table().AddColumns("table", "rows", "path");
            foreach (var e in entries) table.AddRow(e.Table, e.Rows.ToString("N0"), Markup.Escape(e.Path));
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
