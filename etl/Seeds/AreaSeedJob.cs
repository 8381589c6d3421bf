using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>Loads an areas file into <c>dim_area</c>, replacing the rows of the same origin.</summary>
public static class AreaSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.Areas;

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    /// <param name="run">The audit row of this load (the build's, or <c>wcc load</c>'s).</param>
    /// <param name="origin"><see cref="SeedOrigin.Seed"/> for seeds/, or the researcher file's own origin.</param>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path, string origin = SeedOrigin.Seed)
    {
        ArgumentNullException.ThrowIfNull(run);
        SeedOrigin.Check(origin);
        var elsewhere = SeedOrigin.ReadSet(connection, "SELECT area_code FROM dim_area WHERE origin <> $origin", origin);
        var records = AreaSeedFile.Read(path, elsewhere);
        Load(connection, records, origin);
        return new RowCounts(records.Count, records.Count, 0);
    }

    /// <summary>Replaces the areas of <paramref name="origin"/> with <paramref name="records"/>.</summary>
    public static void Load(DuckDBConnection connection, IReadOnlyList<AreaRecord> records, string origin)
    {
        SeedOrigin.DeleteRows(connection, "dim_area", origin);
        using var appender = connection.CreateAppender("dim_area");
        foreach (var r in records)
        {
            appender.CreateRow()
                .AppendValue(r.AreaCode)
                .AppendValue(r.AreaName)
                .AppendValue(r.AreaLevel)
                .AppendValue(r.ParentCode)
                .AppendValue(r.IsCentral)
                .AppendValue(origin)
                .EndRow();
        }
    }
}
