using DuckDB.NET.Data;
using Wcc.Analytics.Forecast;
using Wcc.Etl.Build;
using Wcc.Reports.Pack;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Cli.Jobs;

/// <summary>
/// The main job: writes the pack (reports) from the warehouse, read-only when the warehouse is current; otherwise opens
/// it for writing, builds it from seeds/ when it is missing or empty (etl) and refreshes the stored forecasts and
/// backtests (analytics) before the pack reads them. It composes layers, so it lives beside the CLI, the one project
/// that references them all.
/// </summary>
public static class PackJob
{
    /// <summary>Returns the pack's result and whether the warehouse had to be built first.</summary>
    public static (PackResult Result, bool Built) Run(string databasePath, BuildOptions build, PackOptions options, IProgress<PackProgress>? progress = null)
    {
        using (var reader = OpenReaderIfCurrent(databasePath, options))
        {
            if (reader is not null) return (EvaluationPack.Run(reader, options, progress) with { ReadOnly = true }, false);
        }
        using var connection = WarehouseFile.Open(databasePath, WarehouseAccess.ReadWrite);
        var built = false;
        if (IsEmpty(connection))
        {
            progress?.Report(new PackProgress(0, 6, "从 seeds/ 构建数据仓库"));
            WarehouseBuild.Run(connection, build);
            built = true;
        }
        // The pack computes nothing: when its stored forecasts are stale it hands the year back and the analytics step
        // recomputes and stores them on this writer's connection.
        return (EvaluationPack.Run(connection, options, progress, asOfYear => ForecastRun.Execute(connection, asOfYear)), built);
    }

    /// <summary>A read-only connection when the pack needs no write: the file exists, its schema is this build's (tables,
    /// views and vocabularies, so nothing would be migrated), it holds data, and the forecasts stored for the pack's as-of
    /// year are current. Null otherwise: the writer's path migrates, builds or refreshes as needed.</summary>
    /// <remarks>Readers share the file, so other readers (wcc sql, a researcher's DuckDB client, another pack) neither
    /// block the pack nor wait for it. A writer holding the file refuses readers and writers alike: its lock error is
    /// reported as it stands.</remarks>
    private static DuckDBConnection? OpenReaderIfCurrent(string path, PackOptions options)
    {
        if (path == ":memory:" || !File.Exists(path)) return null;
        DuckDBConnection reader;
        try
        {
            reader = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        }
        catch (WarehouseLockedException)
        {
            throw;
        }
        catch (WccException)
        {
            // An older schema version or a write-ahead log to replay: the writer's path migrates or replays it.
            return null;
        }
        try
        {
            if (SchemaMigrator.IsCurrent(reader) && !IsEmpty(reader) && EvaluationPack.ReadsOnly(reader, options)) return reader;
            reader.Dispose();
            return null;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static bool IsEmpty(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM current_notice_task()) = 0 OR (SELECT count(*) FROM fact_observation) = 0";
        return (bool)cmd.ExecuteScalar()!;
    }
}
