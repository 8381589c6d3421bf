using System.CommandLine;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>Options shared by several commands, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = $"warehouse file (default {WarehouseFile.DefaultPath})",
        DefaultValueFactory = _ => WarehouseFile.DefaultPath,
    };

    public static Option<OutputFormat> Format(OutputFormat defaultFormat) => new("--format")
    {
        Description = "output format",
        DefaultValueFactory = _ => defaultFormat,
    };
}

/// <summary>How a command prints tabular results.</summary>
internal enum OutputFormat { Table, Csv, Json }
