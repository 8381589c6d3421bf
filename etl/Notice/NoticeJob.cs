using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Etl.Notice;

/// <summary>The build step loading the seed notice into dim_notice, dim_chapter, dim_task, fact_task_assignment and fact_task_target.</summary>
/// <remarks>
/// Unit names are resolved against dim_unit and dim_unit_alias (loaded before from seeds/units.csv); a name
/// neither knows is added to dim_unit as kind = unknown and reported as a warning, never dropped.
/// A task whose number repeats an earlier one is refused (etl_reject, severity error): (notice_id, task_no) is the key.
/// Further notices are added with <c>wcc load --notice</c> (<see cref="NoticeLoad"/>).
/// </remarks>
public static class NoticeJob
{
    /// <summary>Name recorded in <c>etl_run.job</c>.</summary>
    public const string JobName = "notice";

    /// <summary>The build step loading the single <c>*.txt</c> notice in <paramref name="seedsDirectory"/>.</summary>
    /// <param name="clock">Time recorded as dim_notice.loaded_at (the build's clock, so two builds agree).</param>
    public static BuildStep Step(string seedsDirectory, Func<DateTime>? clock = null)
    {
        var path = FindNotice(seedsDirectory);
        return new BuildStep(JobName, "解析重点工作责任分工通知", path, (connection, run) => Run(connection, run, path, (clock ?? (() => DateTime.UtcNow))()));
    }

    /// <summary>The notice file of a seeds folder: its one <c>*.txt</c>.</summary>
    public static string FindNotice(string seedsDirectory)
    {
        var files = Directory.GetFiles(seedsDirectory, "*.txt");
        return files.Length switch
        {
            1 => files[0],
            0 => throw new WccException($"no notice (*.txt) in {seedsDirectory}", "put the responsibility-division notice there as a plain-text file", exitCode: 2),
            _ => throw new WccException(
                $"{files.Length} .txt files in {seedsDirectory}: {string.Join(", ", files.Select(Path.GetFileName))}",
                "keep exactly one notice (*.txt) in the seeds folder", exitCode: 2),
        };
    }

    /// <summary>Parses <paramref name="path"/> and replaces the seed notice's rows (id <see cref="NoticeKey.SeedId"/>, the default
    /// notice) in place; other notices stay. In = tasks parsed, Loaded = tasks loaded.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path) => Run(connection, run, path, DateTime.UtcNow);

    /// <summary>As <see cref="Run(DuckDBConnection, EtlRun, string)"/>, with the time recorded as dim_notice.loaded_at.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path, DateTime loadedAt)
    {
        var read = NoticeRead.From(path);
        var record = read.Record(NoticeKey.SeedId, NoticeKey.SeedAreaCode, issuerOption: null, EtlRun.Sha256(path), loadedAt, version: 1, isDefault: true);
        NoticeStore.Delete(connection, NoticeKey.SeedId);
        // The seed notice is the default one: one default at a time (v_current_notice).
        connection.Execute("UPDATE dim_notice SET is_default = false WHERE is_default");
        var units = new UnitResolver(connection);
        NoticeStore.Append(connection, record, read.Notice, read.Loaded, units, read.Issues);
        units.AppendUnknown(connection, read.Issues, NoticeKey.SeedId);
        read.Issues.Write(connection, run.LoadId, path, read.Lines);
        var warned = read.Loaded.Count(t => read.Issues.Concerns(t));
        return new RowCounts(read.Notice.Tasks.Count, read.Loaded.Count, read.Notice.Tasks.Count - read.Loaded.Count, warned);
    }
}
