using Wcc.Etl.Build;
using Wcc.Reports.Pack;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Jobs;

/// <summary>
/// The main job: opens the warehouse (building it from seeds/ when it is missing or empty: etl), then writes the pack
/// (reports). It composes layers, so it lives beside the CLI, the one project that references them all.
/// </summary>
internal static class PackJob
{
    /// <summary>Returns the pack's result and whether the warehouse had to be built first.</summary>
    public static (PackResult Result, bool Built) Run(string databasePath, BuildOptions build, PackOptions options, IProgress<PackProgress>? progress = null)
    {
        using var connection = WarehouseFile.Open(databasePath, WarehouseAccess.ReadWrite);
        var built = false;
        if (IsEmpty(connection))
        {
            progress?.Report(new PackProgress(0, 6, "从 seeds/ 构建数据仓库"));
            WarehouseBuild.Run(connection, build);
            built = true;
        }
        return (EvaluationPack.Run(connection, options, progress), built);
    }

    private static bool IsEmpty(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM current_notice_task()) = 0 OR (SELECT count(*) FROM fact_observation) = 0";
        return (bool)cmd.ExecuteScalar()!;
    }
}
