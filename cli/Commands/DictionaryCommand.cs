using System.CommandLine;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Schema;

namespace Wcc.Cli.Commands;

/// <summary>`wcc dictionary`: writes the data dictionary as Markdown (stdout or --out FILE).</summary>
internal static class DictionaryCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var output = new Option<string?>(OptionSpelling.Spell(InputOption.Output)) { Description = "write to this file instead of stdout" };
        var overwrite = new Option<bool>(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "replace an existing --out file" };
        var command = new Command("dictionary", "write the data dictionary (Markdown)") { db, output, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var markdown = DataDictionary.ToMarkdown(connection);
            var path = parse.GetValue(output);
            if (path is null) Console.Out.Write(markdown);
            else StagedFile.Write(path, parse.GetValue(overwrite), temporary => File.WriteAllText(temporary, markdown));
            return 0;
        }));
        return command;
    }
}
