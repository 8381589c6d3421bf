using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wcc.Notice;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Cli.Commands;

/// <summary>`wcc parse-notice FILE [--format json|table]`: shows how a notice parses, without touching the warehouse.</summary>
internal static class ParseNoticeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the notice as a plain-text file (UTF-8 or GB18030)" };
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("parse-notice", "parse a responsibility-division notice and print its tasks") { file, format };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var notice = NoticeFile.Parse(parse.GetValue(file)!);
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(NoticeJson.Serialize(notice));
            else PrintTable(notice);
            return 0;
        }));
        return command;
    }

    private static void PrintTable(ParsedNotice notice)
    {
        var table = new Table().AddColumns("任务", "章", RoleVocabulary.LeadUnits, RoleVocabulary.ResponsibleUnits, "目标", "行");
        foreach (var t in notice.Tasks)
        {
            var targets = t.Targets.Select(g => $"{g.Comparator} {g.Value.ToString(CultureInfo.InvariantCulture)}{g.Unit} ({g.Deadline})");
            table.AddRow(
                t.No.ToString(CultureInfo.InvariantCulture),
                t.ChapterNo.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("、", t.Lead)),
                Markup.Escape(string.Join("、", t.Responsible)),
                Markup.Escape(string.Join("\n", targets)),
                $"{t.LineFrom}-{t.LineTo}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{notice.Chapters.Count} 章, {notice.Tasks.Count} 项任务, {notice.Warnings.Count} 条警告");
        foreach (var w in notice.Warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]warning[/] line {w.Line}: {Markup.Escape(w.Message)} [grey]({w.Code})[/]");
        }
    }
}
