using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Synthetic;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Collection;

/// <summary>Options of <c>wcc collect load</c>.</summary>
/// <param name="Files">Returned workbooks.</param>
/// <param name="Round">When given, every workbook must be for this round.</param>
/// <param name="FeedbackDirectory">Where each unit's workbook goes back with its 审核结果 sheet; null = none.</param>
/// <param name="Clock">Receipt time recorded for each return; tests pin it.</param>
public sealed record IntakeOptions(IReadOnlyList<string> Files, int? Round, string? FeedbackDirectory, Func<DateTime> Clock);

/// <summary>What became of one returned workbook: its reconciliation (read = loaded + returned + rejected + empty + missing).</summary>
public sealed record IntakeFileResult(
    string FilePath, string UnitName, int Round, int? LoadId, int? UnchangedSinceLoad,
    int Read, int Loaded, int Returned, int Rejected, int Empty, int Missing, string? FeedbackPath, IReadOnlyList<AuditedCell> Cells)
{
    /// <summary>Cells read must all be accounted for.</summary>
    public bool Reconciles => Read == Loaded + Returned + Rejected + Empty + Missing;
}

/// <summary>The intake: reads returned workbooks, audits them and loads each in its own transaction.</summary>
/// <remarks>
/// Every file is read and its keys checked before anything is written, so a bad file (not a workbook, another round's
/// form, an unknown unit) stops the command with nothing loaded. A file loaded before for the same unit and round
/// (same SHA-256) changes nothing; a new return from a unit supersedes its previous one, which stays on record.
/// </remarks>
public static class IntakeJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.UnitReturn;

    /// <summary>Loads <paramref name="options"/>' files.</summary>
    public static IReadOnlyList<IntakeFileResult> Run(DuckDBConnection connection, IntakeOptions options)
    {
        if (options.Files.Count == 0) throw new WccException("no workbook given", "pass the returned .xlsx files", exitCode: 2);
        var prepared = new List<(ReturnedWorkbook Workbook, AuditContext Context, string Sha)>();
        foreach (var path in options.Files)
        {
            var workbook = WorkbookReader.Read(path);
            var file = Path.GetFileName(path);
            if (options.Round is { } round && workbook.Round != round)
            {
                throw new WccException($"{file}: sheet {workbook.KeySheet} cell {workbook.KeyCell}: the form is for round {workbook.Round}, this load is for round {round}",
                    $"load each round's forms with their own {InputOption.Round.Ref()} (or leave {InputOption.Round.Ref()} out)");
            }
            var context = AuditContext.Read(connection, workbook.Round, workbook.UnitName, file, workbook.KeySheet, workbook.KeyCell);
            prepared.Add((workbook, context, EtlRun.Sha256(path)));
        }
        if (options.FeedbackDirectory is { } dir) Directory.CreateDirectory(dir);

        var results = new List<IntakeFileResult>();
        foreach (var (workbook, context, sha) in prepared)
        {
            var cells = ReturnAudit.Run(workbook, context);
            string? feedbackTemp = null, feedbackPath = null;
            if (options.FeedbackDirectory is { } feedbackDir)
            {
                feedbackPath = Path.Combine(feedbackDir, FeedbackWriter.FileName(workbook.FilePath));
                feedbackTemp = feedbackPath + ".partial";
                FeedbackWriter.Write(workbook.FilePath, feedbackTemp, workbook, cells);
            }
            try
            {
                var loadedBefore = PreviousLoad(connection, workbook, sha);
                var loadId = loadedBefore is null ? Load(connection, workbook, context, cells, sha, options.Clock) : (int?)null;
                if (feedbackTemp is not null) File.Move(feedbackTemp, feedbackPath!, overwrite: true);
                int Count(string outcome) => cells.Count(c => c.Outcome == outcome);
                results.Add(new IntakeFileResult(workbook.FilePath, workbook.UnitName, workbook.Round, loadId ?? loadedBefore, loadedBefore,
                    cells.Count, Count(CellOutcome.Loaded), Count(CellOutcome.Returned), Count(CellOutcome.Rejected), Count(CellOutcome.Empty),
                    Count(CellOutcome.Missing), feedbackPath, cells));
            }
            catch
            {
                if (feedbackTemp is not null) File.Delete(feedbackTemp);
                throw;
            }
        }
        return results;
    }

    private static int? PreviousLoad(DuckDBConnection connection, ReturnedWorkbook workbook, string sha)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(load_id) FROM fact_collection_submission WHERE round_year = $round AND unit_name = $unit AND file_sha256 = $sha";
        cmd.Parameters.Add(new DuckDBParameter("round", workbook.Round));
        cmd.Parameters.Add(new DuckDBParameter("unit", workbook.UnitName));
        cmd.Parameters.Add(new DuckDBParameter("sha", sha));
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt32(v) : null;
    }

    private static int Load(DuckDBConnection connection, ReturnedWorkbook workbook, AuditContext context, IReadOnlyList<AuditedCell> cells, string sha, Func<DateTime> clock)
    {
        using var tx = connection.BeginTransaction();
        var run = EtlRun.Start(connection, Job, workbook.FilePath, clock(), sha);
        var receivedAt = clock();
        int Count(string outcome) => cells.Count(c => c.Outcome == outcome);
        Execute(connection, "UPDATE fact_collection_submission SET is_current = false WHERE round_year = $round AND unit_name = $unit",
            ("round", workbook.Round), ("unit", workbook.UnitName));
        Execute(connection, """
            INSERT INTO fact_collection_submission VALUES ($load, $round, $unit, $path, $sha, $at, $read, $loaded, $returned, $rejected, $empty, $missing, true)
            """,
            ("load", run.LoadId), ("round", workbook.Round), ("unit", workbook.UnitName), ("path", workbook.FilePath), ("sha", sha), ("at", receivedAt),
            ("read", (long)cells.Count), ("loaded", (long)Count(CellOutcome.Loaded)), ("returned", (long)Count(CellOutcome.Returned)),
            ("rejected", (long)Count(CellOutcome.Rejected)), ("empty", (long)Count(CellOutcome.Empty)), ("missing", (long)Count(CellOutcome.Missing)));
        using (var appender = connection.CreateAppender("fact_collection_cell"))
        {
            foreach (var c in cells)
            {
                appender.CreateRow().AppendValue(run.LoadId).AppendValue(workbook.Round).AppendValue(workbook.UnitName).AppendValue(c.Cell.Sheet)
                    .AppendValue(c.Cell.Ref).AppendValue(c.ItemKind).AppendValue(c.ItemKey).AppendValue(c.IndicatorCode).AppendValue(c.AreaCode)
                    .AppendValue(c.Sex).AppendValue(c.TaskNo).AppendValue(c.RawText).AppendValue(c.Value).AppendValue(c.Explanation)
                    .AppendValue(c.DataSource).AppendValue(c.Outcome).AppendValue(c.RuleCode).AppendValue(c.MessageZh).AppendValue(c.ActionZh).EndRow();
            }
        }
        var source = CollectionLayout.Source(workbook.UnitName, workbook.Round);
        // Submitted values supersede whatever is current for the key (synthetic or an earlier return); the old version stays.
        const string LoadedValues = """
            FROM fact_collection_cell c
            WHERE c.load_id = $load AND c.item_kind = 'indicator' AND c.outcome = 'loaded' AND c.value IS NOT NULL
            """;
        const string SameKey = """
            f.is_current AND f.indicator_code = c.indicator_code AND f.area_code = c.area_code AND f.sex = c.sex AND f.year = $year
            AND f.age_group = '_T' AND f.urban_rural = '_T'
            """;
        Execute(connection, $"UPDATE fact_observation AS f SET is_current = false {LoadedValues} AND {SameKey} AND NOT (f.value = c.value AND f.source = $source)",
            ("load", run.LoadId), ("year", workbook.Round), ("source", source));
        Execute(connection, $"""
            INSERT INTO fact_observation
            SELECT c.indicator_code, c.area_code, $year, c.sex, '_T', '_T', c.value, $source, NULL, $load, true
            {LoadedValues} AND NOT EXISTS (SELECT 1 FROM fact_observation f WHERE {SameKey})
            """, ("load", run.LoadId), ("year", workbook.Round), ("source", source));

        var progress = cells.Where(c => c.ItemKind == "progress" && c.Outcome == CellOutcome.Loaded).ToList();
        if (progress.Count > 0)
        {
            var reportedBy = UnitDirectory.Read(connection).ReportedBy(workbook.UnitName, workbook.Round);
            foreach (var name in reportedBy.Append(workbook.UnitName).Distinct())
            {
                // Synthetic rows of the unit (and of the units it took over) for the year, and its own earlier return.
                Execute(connection, $"""
                    DELETE FROM fact_task_progress WHERE year = $year AND unit_name = $name AND (source = $synthetic OR load_id IS NOT NULL)
                        AND notice_id = {CurrentNotice.IdSql}
                    """, ("year", workbook.Round), ("name", name), ("synthetic", SyntheticHistoryJob.Source));
            }
            foreach (var p in progress)
            {
                Execute(connection, $"DELETE FROM fact_task_progress WHERE task_no = $task AND unit_name = $unit AND year = $year AND notice_id = {CurrentNotice.IdSql}",
                    ("task", p.TaskNo!.Value), ("unit", workbook.UnitName), ("year", workbook.Round));
                Execute(connection, $"""
                    INSERT INTO fact_task_progress VALUES ($task, $unit, $year, $status, $narrative, $date, $source, $evidence, $done, $load, {CurrentNotice.IdSql})
                    """,
                    ("task", p.TaskNo.Value), ("unit", workbook.UnitName), ("year", workbook.Round), ("status", p.Status!),
                    ("narrative", p.Explanation), ("date", DateOnly.FromDateTime(receivedAt)), ("source", source), ("evidence", p.Evidence),
                    ("done", p.CompletionDate), ("load", run.LoadId));
            }
        }
        var accepted = Count(CellOutcome.Loaded) + Count(CellOutcome.Empty);
        run.Succeed(new RowCounts(cells.Count, accepted, cells.Count - accepted, cells.Count(c => c.Outcome == CellOutcome.Loaded && c.RuleCode is not null)),
            clock(), $"{workbook.UnitName} {workbook.Round}");
        tx.Commit();
        return run.LoadId;
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                _ => value,
            }));
        }
        cmd.ExecuteNonQuery();
    }
}
