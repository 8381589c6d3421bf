using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Pack;

/// <summary>The main job: opens (building it from seeds/ when it is missing or empty) the warehouse, then writes the pack.</summary>
public static class PackJob
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
