using System.CommandLine;

namespace Wcc.Cli.Commands;

/// <summary>The whole command tree of `wcc`, one subcommand per use case.</summary>
public static class WccCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("wcc: the Women and Children Working Committee analytics warehouse");
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(SqlCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DictionaryCommand.Create());
        root.Subcommands.Add(ParseNoticeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(LoadCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(CollectCommand.Create());
        return root;
    }
}
