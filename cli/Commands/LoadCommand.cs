using System.CommandLine;
using Spectre.Console;
using Wcc.Etl.Collection;
using Wcc.Etl.Notice;
using Wcc.Etl.Observations;
using Wcc.Etl.Seeds;
using Wcc.Notice;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc load`: loads indicator observation files (long CSV) in one transaction, with a progress bar and a summary.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var indicators = new Option<string?>("--indicators") { Description = "indicators file (columns of seeds/indicators.csv), loaded first" };
        var targets = new Option<string?>("--targets") { Description = "targets file (columns of seeds/targets.csv), loaded first" };
        var areas = new Option<string?>("--areas") { Description = "areas file (columns of seeds/areas.csv), loaded first" };
        var observations = new Option<string[]>(OptionSpelling.Spell(InputOption.ObservationFile))
        {
            Description = "observation CSV files: indicator_code,area_code,year,sex,value[,age_group,urban_rural,source,status]",
            AllowMultipleArgumentsPerToken = true,
        };
        var progress = new Option<string[]>("--progress")
        {
            Description = "task progress ledgers (CSV): task_no,unit_name,year,status,narrative,evidence,completion_date",
            AllowMultipleArgumentsPerToken = true,
        };
        var notice = new Option<string?>("--notice") { Description = "a responsibility-division notice (text) to add beside the others" };
        var area = new Option<string?>(OptionSpelling.Spell(InputOption.NoticeArea)) { Description = "with --notice: GB/T 2260 code of the area it governs (else read from its issuer)" };
        var issuer = new Option<string?>("--issuer") { Description = "with --notice: its issuer, when its head names none" };
        var id = new Option<string?>(OptionSpelling.Spell(InputOption.NoticeId)) { Description = "with --notice: its id (default: area-start-end, e.g. 610000-2021-2025); an existing id is superseded" };
        var command = new Command("load", "load indicator observations (and optional reference files), progress ledgers or a notice into the warehouse")
        {
            db, indicators, targets, areas, observations, progress, notice, area, issuer, id,
        };
        command.Validators.Add(result =>
        {
            var hasNotice = result.GetValue(notice) is not null;
            if ((result.GetValue(observations) ?? []).Length == 0 && (result.GetValue(progress) ?? []).Length == 0 && !hasNotice)
            {
                result.AddError("give --observations FILE..., --progress FILE... or --notice FILE");
            }
            if (hasNotice && ((result.GetValue(observations) ?? []).Length > 0 || (result.GetValue(progress) ?? []).Length > 0))
            {
                result.AddError("--notice is loaded on its own: run `wcc load --notice FILE` as a command of its own");
            }
            if (!hasNotice && (result.GetValue(area) is not null || result.GetValue(issuer) is not null || result.GetValue(id) is not null))
            {
                result.AddError("--area, --issuer and --id go with --notice FILE");
            }
        });
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            if (parse.GetValue(notice) is { } noticeFile)
            {
                return LoadNotice(parse.GetValue(db)!, new NoticeLoadOptions(noticeFile, parse.GetValue(area), parse.GetValue(issuer), parse.GetValue(id)));
            }
            if ((parse.GetValue(observations) ?? []).Length == 0)
            {
                return LoadProgress(parse.GetValue(db)!, parse.GetValue(progress)!);
            }
            if ((parse.GetValue(progress) ?? []).Length > 0)
            {
                throw new WccException("--progress is loaded on its own", "run `wcc load --progress FILE` and `wcc load --observations FILE` as two commands");
            }
            var references = ReferenceFileSteps.Steps(parse.GetValue(areas), parse.GetValue(indicators), parse.GetValue(targets));
            var options = new ObservationLoadOptions(parse.GetValue(observations)!, () => DateTime.UtcNow, references);
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.Update);
            var result = AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("载入观测数据", maxValue: 1.0);
                return ObservationLoad.Run(connection, options, new Progress(v => task.Value = v));
            });
            PrintSummary(result);
            return 0;
        }));
        return command;
    }

    private static int LoadNotice(string db, NoticeLoadOptions options)
    {
        using var connection = WarehouseFile.Open(db, WarehouseAccess.Update);
        var result = NoticeLoad.Run(connection, options, () => DateTime.UtcNow);
        NoticeLoadReport.Print(result, Path.GetFileName(options.Path));
        return 0;
    }

    private static int LoadProgress(string db, string[] files)
    {
        using var connection = WarehouseFile.Open(db, WarehouseAccess.Update);
        foreach (var file in files)
        {
            var counts = ProgressLedgerJob.Run(connection, file, () => DateTime.UtcNow);
            AnsiConsole.MarkupLine(counts is null
                ? $"{Markup.Escape(Path.GetFileName(file))}: loaded before, unchanged"
                : $"{Markup.Escape(Path.GetFileName(file))}: read {counts.In} = loaded {counts.Loaded} + rejected {counts.Rejected} (see etl_reject)");
        }
        return 0;
    }

    private static void PrintSummary(ObservationLoadResult result)
    {
        var files = new Table().AddColumns("file", "load_id", "read", "loaded", "unchanged", "superseded", "rejected", "warned");
        foreach (var f in result.Files)
        {
            var o = f.Outcome;
            files.AddRow(Markup.Escape(Path.GetFileName(f.FilePath)), f.LoadId.ToString(), o.In.ToString("N0"), o.Loaded.ToString("N0"),
                o.Unchanged.ToString("N0"), o.Superseded.ToString("N0"), o.Rejected.ToString("N0"), o.Warned.ToString("N0"));
        }
        AnsiConsole.Write(files);
        var reasons = result.Files.SelectMany(f => f.Outcome.RejectedByReason).GroupBy(kv => kv.Key).OrderBy(g => g.Key).ToList();
        if (reasons.Count > 0)
        {
            var table = new Table().AddColumns("rejected: reason_code", "rows");
            foreach (var g in reasons) table.AddRow(g.Key, g.Sum(kv => kv.Value).ToString("N0"));
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine($"read {result.RowsIn:N0} = loaded {result.RowsLoaded:N0} + rejected {result.RowsRejected:N0}; warned {result.RowsWarned:N0} (see etl_reject)");
    }

    /// <summary>Reports synchronously: <see cref="Progress{T}"/> would post to the thread pool after the bar has finished.</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
