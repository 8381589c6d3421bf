using Wcc.Etl.Progress;
using System.Globalization;
using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Seeds;
using Wcc.Etl.Synthetic;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Etl.Collection;

/// <summary>Loads a progress ledger (CSV an office already keeps) into <c>fact_task_progress</c>: <c>wcc load --progress FILE</c>.</summary>
/// <remarks>
/// Columns: <c>task_no,unit_name,year,status,narrative,evidence,completion_date</c>. Each row is loaded or written to
/// etl_reject with its line and reason; loaded rows supersede the synthetic rows of that unit and year, and an earlier
/// report for the same task, unit and year. One file is one transaction; the same file twice changes nothing.
/// </remarks>
public static class ProgressLedgerJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = "progress_ledger";

    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header = ["task_no", "unit_name", "year", "status", "narrative", "evidence", "completion_date"];

    /// <summary>Reporting years a ledger row may name.</summary>
    public const int MinYear = 1990, MaxYear = 2050;

    /// <summary>Loads <paramref name="path"/>; returns its counts, or null when this exact file was loaded before.</summary>
    public static RowCounts? Run(DuckDBConnection connection, string path, Func<DateTime> clock)
    {
        var rows = SeedCsv.Read(path, Header);
        var sha = EtlRun.Sha256(path);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT count(*) FROM etl_run WHERE job = $job AND file_sha256 = $sha AND status = 'succeeded'";
            cmd.Parameters.Add(new DuckDBParameter("job", Job));
            cmd.Parameters.Add(new DuckDBParameter("sha", sha));
            if (Convert.ToInt64(cmd.ExecuteScalar()) > 0) return null;
        }
        var tasks = SeedOrigin.ReadSet(connection, "SELECT CAST(task_no AS VARCHAR) FROM current_notice_task()");
        var units = SeedOrigin.ReadSet(connection, "SELECT unit_name FROM dim_unit");
        using var tx = connection.BeginTransaction();
        var run = EtlRun.Start(connection, Job, path, clock(), sha);
        var file = Path.GetFileName(path);
        long loaded = 0, rejected = 0;
        var seen = new Dictionary<(int, string, int), long>();
        foreach (var row in rows)
        {
            var problem = Check(row, tasks, units, seen, out var record);
            if (problem is not null)
            {
                rejected++;
                Execute(connection, "INSERT INTO etl_reject VALUES ($load, $file, $line, $raw, $code, $reason, 'error')",
                    ("load", run.LoadId), ("file", file), ("line", row.LineNo), ("raw", string.Join(',', Header.Select(h => row.Optional(h) ?? ""))),
                    ("code", problem.Value.Code), ("reason", problem.Value.Reason));
                continue;
            }
            var (task, unit, year, status, narrative, evidence, done) = record!.Value;
            Execute(connection, $"DELETE FROM fact_task_progress WHERE year = $year AND unit_name = $unit AND (source = $synthetic OR task_no = $task) AND notice_id = {CurrentNotice.IdSql}",
                ("year", year), ("unit", unit), ("synthetic", SyntheticHistoryJob.Source), ("task", task));
            Execute(connection, $"INSERT INTO fact_task_progress VALUES ($task, $unit, $year, $status, $narrative, $date, $source, $evidence, $done, $load, {CurrentNotice.IdSql})",
                ("task", task), ("unit", unit), ("year", year), ("status", status), ("narrative", narrative), ("date", clock().Date),
                ("source", $"{unit} 进展台账"), ("evidence", evidence), ("done", done?.ToDateTime(TimeOnly.MinValue)), ("load", run.LoadId));
            loaded++;
        }
        var counts = new RowCounts(rows.Count, loaded, rejected);
        run.Succeed(counts, clock());
        tx.Commit();
        return counts;
    }

    private static (string Code, string Reason)? Check(SeedRow row, IReadOnlySet<string> tasks, IReadOnlySet<string> units,
        Dictionary<(int, string, int), long> seen, out (int, string, int, string, string?, string?, DateOnly?)? record)
    {
        record = null;
        var taskText = row.Optional("task_no");
        if (taskText is null || !int.TryParse(taskText, NumberStyles.None, CultureInfo.InvariantCulture, out var task) || !tasks.Contains(taskText))
        {
            return ("unknown_task", $"task_no '{taskText}' is not a task of the notice");
        }
        var unit = row.Optional("unit_name");
        if (unit is null || !units.Contains(unit)) return ("unknown_unit", $"unit_name '{unit}' is not in dim_unit");
        var yearText = row.Optional("year");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
        {
            return ("bad_year", $"year '{yearText}' is not a year in {MinYear}-{MaxYear}");
        }
        var status = row.Optional("status");
        if (status is null || !ProgressStatus.All.Contains(status))
        {
            return ("bad_status", $"status '{status}' is not one of {string.Join(", ", ProgressStatus.All)}");
        }
        DateOnly? done = null;
        if (row.Optional("completion_date") is { } dateText)
        {
            done = CollectionValue.ParseDate(new ReadCell("", "", dateText));
            if (done is null) return ("bad_date", $"completion_date '{dateText}' is not a date (2020-06-30)");
        }
        if (seen.TryGetValue((task, unit, year), out var first)) return ("duplicate_key", $"task {task}, {unit}, {year} is a duplicate of line {first}");
        seen[(task, unit, year)] = row.LineNo;
        record = (task, unit, year, status, row.Optional("narrative"), row.Optional("evidence"), done);
        return null;
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        cmd.ExecuteNonQuery();
    }
}
