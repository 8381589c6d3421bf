using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>Loads an indicators file into <c>dim_indicator</c>, replacing the rows of the same origin.</summary>
public static class IndicatorSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.Indicators;

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    /// <param name="origin"><see cref="SeedOrigin.Seed"/> for seeds/, or the researcher file's own origin.</param>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path, string origin = SeedOrigin.Seed)
    {
        ArgumentNullException.ThrowIfNull(run);
        SeedOrigin.Check(origin);
        var elsewhere = SeedOrigin.ReadSet(connection, "SELECT indicator_code FROM dim_indicator WHERE origin <> $origin", origin);
        var records = IndicatorSeedFile.Read(path, elsewhere);
        Load(connection, records, origin);
        return new RowCounts(records.Count, records.Count, 0);
    }

    /// <summary>Replaces the indicators of <paramref name="origin"/> with <paramref name="records"/>.</summary>
    public static void Load(DuckDBConnection connection, IReadOnlyList<IndicatorRecord> records, string origin)
    {
        SeedOrigin.DeleteRows(connection, "dim_indicator", origin);
        using var appender = connection.CreateAppender("dim_indicator");
        foreach (var r in records)
        {
            appender.CreateRow()
                .AppendValue(r.IndicatorCode)
                .AppendValue(r.NameZh)
                .AppendValue(r.NameEn)
                .AppendValue(r.UnitOfMeasure)
                .AppendValue(r.MeasureKind)
                .AppendValue(r.SexDisaggregated)
                .AppendValue(r.Direction)
                .AppendValue(r.Population)
                .AppendValue(r.LowerBound)
                .AppendValue(r.UpperBound)
                .AppendValue(r.TaskNos.Count == 0 ? null : r.TaskNos.ToList())
                .AppendValue(r.Source)
                .AppendValue(origin)
                .AppendValue(r.ReportingUnit)
                .AppendValue(r.Plan)
                .AppendValue(r.Domain)
                .AppendValue(r.TargetSource)
                .EndRow();
        }
    }
}
