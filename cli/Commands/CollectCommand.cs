using System.CommandLine;
using Wcc.Etl.Collection;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc collect templates|load|status`: the data-collection round with the member units.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var command = new Command("collect", "the data-collection round: send forms to the reporting units, load and audit their returns, track who has reported");
        command.Subcommands.Add(Templates());
        command.Subcommands.Add(Load());
        command.Subcommands.Add(Status());
        return command;
    }

    private static Command Templates()
    {
        var db = CommonOptions.Db();
        var round = new Option<int>(OptionSpelling.Spell(InputOption.Round)) { Description = "the year the figures refer to, e.g. 2020", Required = true };
        var units = new Option<string[]>(OptionSpelling.Spell(InputOption.Unit)) { Description = "only these reporting units (repeatable); default: all", AllowMultipleArgumentsPerToken = true };
        var outDir = new Option<string>(OptionSpelling.Spell(InputOption.Output)) { Description = "folder for the forms (one .xlsx per unit)", Required = true };
        var overwrite = new Option<bool>(OptionSpelling.Spell(InputOption.Overwrite)) { Description = "replace the forms an earlier `collect templates` wrote into --out" };
        var command = new Command("templates", "write one reporting form (.xlsx) per reporting unit and record the round") { db, round, units, outDir, overwrite };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.Update);
            var files = TemplateJob.Run(connection, new TemplateOptions(parse.GetValue(round), parse.GetValue(units) ?? [], parse.GetValue(outDir)!, () => DateTime.UtcNow, Overwrite: parse.GetValue(overwrite)));
            PrintTable(["报送单位", "指标数值", "任务", "file"], files.Select(f => new[] { f.UnitName, f.IndicatorCells.ToString(), f.Tasks.ToString(), f.Path }));
            Console.WriteLine($"{files.Count} forms for round {parse.GetValue(round)} (deadline {TemplateJob.DefaultDeadline(parse.GetValue(round)):yyyy-MM-dd})");
            return 0;
        }));
        return command;
    }

    private static Command Load()
    {
        var db = CommonOptions.Db();
        var files = new Argument<string[]>("FILE") { Description = "returned workbooks (.xlsx)", Arity = ArgumentArity.OneOrMore };
        var round = new Option<int?>(OptionSpelling.Spell(InputOption.Round)) { Description = "refuse workbooks of any other round" };
        var feedback = new Option<string?>("--feedback") { Description = "folder for each unit's workbook back, problems highlighted, with a 审核结果 sheet" };
        var command = new Command("load", "read, audit and load returned workbooks (one transaction per workbook)") { db, files, round, feedback };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.Update);
            var results = IntakeJob.Run(connection, new IntakeOptions(parse.GetValue(files)!, parse.GetValue(round), parse.GetValue(feedback), () => DateTime.UtcNow));
            PrintTable(["报送单位", "load_id", "read", "loaded", "returned", "rejected", "empty", "missing", "file"], results.Select(r => new[]
            {
                r.UnitName, r.UnchangedSinceLoad is { } before ? $"unchanged ({before})" : r.LoadId.ToString()!,
                r.Read.ToString(), r.Loaded.ToString(), r.Returned.ToString(), r.Rejected.ToString(), r.Empty.ToString(), r.Missing.ToString(),
                Path.GetFileName(r.FilePath),
            }));
            Console.WriteLine($"read {results.Sum(r => r.Read)} = loaded {results.Sum(r => r.Loaded)} + returned {results.Sum(r => r.Returned)} + rejected {results.Sum(r => r.Rejected)} + empty {results.Sum(r => r.Empty)} + missing {results.Sum(r => r.Missing)} (see fact_collection_cell)");
            foreach (var r in results.Where(r => r.FeedbackPath is not null)) Console.WriteLine($"feedback: {r.FeedbackPath}");
            return 0;
        }));
        return command;
    }

    private static Command Status()
    {
        var db = CommonOptions.Db();
        var round = new Option<int?>(OptionSpelling.Spell(InputOption.Round)) { Description = "the round (default: the latest sent)" };
        var command = new Command("status", "who has reported: cells owed, received, accepted, returned, rejected, missing, per unit") { db, round };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            var status = CollectionStatus.Read(connection, parse.GetValue(round), DateOnly.FromDateTime(DateTime.UtcNow));
            PrintTable(["报送单位", "应报", "已收", "通过", "退回", "拒收", "缺报", "首次报送", "最近报送", "状态"], status.Units.Select(u => new[]
            {
                u.UnitName, u.Owed.ToString(), u.Received.ToString(), u.Accepted.ToString(), u.Returned.ToString(), u.Rejected.ToString(), u.Missing.ToString(),
                u.FirstSubmission?.ToString("yyyy-MM-dd HH:mm") ?? "—", u.LastSubmission?.ToString("yyyy-MM-dd HH:mm") ?? "—",
                u.Status + (u.SubmittedLate ? "(逾期)" : ""),
            }));
            Console.WriteLine($"{status.Round}年度 截止{status.Deadline:yyyy-MM-dd}: 报送率 {status.ReportingRate:P1} ({status.Units.Count(u => u.Status == CollectionStatus.Passed)}/{status.Units.Count} 个单位已通过)");
            var late = status.LateOrMissing;
            Console.WriteLine(late.Count == 0
                ? "逾期或未报送单位: 无"
                : "逾期或未报送单位: " + string.Join("、", late.Select(u => u.UnitName + (u.Overdue ? "(未报送)" : "(逾期报送)"))));
            var pending = status.Units.Where(u => u.Status != CollectionStatus.Passed).ToList();
            if (pending.Count > 0) Console.WriteLine("尚未通过审核: " + string.Join("、", pending.Select(u => $"{u.UnitName}({u.Status}，缺{u.Missing + u.Returned + u.Rejected}项)")));
            return 0;
        }));
        return command;
    }

    /// <summary>A plain aligned table; Chinese characters count two columns. (Spectre's Table splits a long Chinese word
    /// that does not fit a narrow column and fails on it, so these tables, full of unit names, are laid out here.)</summary>
    private static void PrintTable(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, c) => all.Max(r => Width(r[c]))).ToArray();
        foreach (var row in all)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, c) => cell + new string(' ', widths[c] - Width(cell)))).TrimEnd());
        }
    }

    private static int Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);
}
