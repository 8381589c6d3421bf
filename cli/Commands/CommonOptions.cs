using System.CommandLine;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>Options shared by several commands, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Db()
    {
        var option = new Option<string>(OptionSpelling.Spell(InputOption.WarehouseFile))
        {
            Description = $"warehouse file (default {WarehouseFile.DefaultPath})",
            DefaultValueFactory = _ => WarehouseFile.DefaultPath,
        };
        // `--db ''` (an unset shell variable) would otherwise reach the file system as an empty path.
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--db needs a warehouse file path, e.g. --db {WarehouseFile.DefaultPath} (leave --db out for that default)");
            }
        });
        return option;
    }

    public static Option<OutputFormat> Format(OutputFormat defaultFormat) => new("--format")
    {
        Description = "output format",
        DefaultValueFactory = _ => defaultFormat,
    };
}

/// <summary>How a command prints tabular results.</summary>
internal enum OutputFormat { Table, Csv, Json }
