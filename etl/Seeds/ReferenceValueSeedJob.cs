using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>Loads seeds/reference_values.csv into <c>fact_reference_value</c>, replacing what was there.</summary>
/// <remarks>Runs after the indicators, whose codes and bounds the values are checked against.</remarks>
public static class ReferenceValueSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.ReferenceValues;

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = ReferenceValueSeedFile.Read(path, TargetSeedJob.ReadIndicatorLimits(connection));
        Load(connection, records);
        return new RowCounts(records.Count, records.Count, 0);
    }

    /// <summary>Replaces every row of fact_reference_value with <paramref name="records"/> (only seeds/ loads it).</summary>
    public static void Load(DuckDBConnection connection, IReadOnlyList<ReferenceValueRecord> records)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM fact_reference_value";
            cmd.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("fact_reference_value");
        foreach (var r in records)
        {
            appender.CreateRow()
                .AppendValue(r.IndicatorCode)
                .AppendValue(r.Sex)
                .AppendValue(r.AreaLevel)
                .AppendValue(r.Year)
                .AppendValue(r.Value)
                .AppendValue(r.SourceTitle)
                .AppendValue(r.SourceUrl)
                .AppendValue(r.SourceNote)
                .EndRow();
        }
    }
}
