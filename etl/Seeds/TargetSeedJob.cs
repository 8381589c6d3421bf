using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Schema;

namespace Wcc.Etl.Seeds;

/// <summary>Loads a targets file into <c>fact_target</c>, replacing the rows of the same origin.</summary>
/// <remarks>Runs after areas and indicators (and after the notice, so task numbers can be checked).</remarks>
public static class TargetSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = "seed_targets";

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    /// <param name="origin"><see cref="SeedOrigin.Seed"/> for seeds/, or the researcher file's own origin.</param>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path, string origin = SeedOrigin.Seed)
    {
        ArgumentNullException.ThrowIfNull(run);
        SeedOrigin.Check(origin);
        var records = TargetSeedFile.Read(path, ReadReferences(connection, origin));
        Load(connection, records, origin);
        return new RowCounts(records.Count, records.Count, 0);
    }

    /// <summary>Reads what targets may refer to from the warehouse.</summary>
    public static TargetReferences ReadReferences(DuckDBConnection connection, string origin) =>
        new(
            ReadIndicatorLimits(connection),
            SeedOrigin.ReadSet(connection, "SELECT area_code FROM dim_area"),
            Ints(connection, "SELECT CAST(year AS VARCHAR) FROM dim_year"),
            Ints(connection, "SELECT CAST(task_no AS VARCHAR) FROM current_notice_task()"),
            SeedOrigin.ReadSet(connection,
                "SELECT concat_ws('|', indicator_code, area_code, sex, CAST(deadline_year AS VARCHAR)) FROM fact_target WHERE origin <> $origin",
                origin));

    /// <summary>What each loaded indicator allows the values set or published for it (sex, bounds).</summary>
    public static Dictionary<string, IndicatorLimits> ReadIndicatorLimits(DuckDBConnection connection)
    {
        var indicators = new Dictionary<string, IndicatorLimits>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT indicator_code, population, sex_disaggregated, lower_bound, upper_bound FROM dim_indicator";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            indicators[reader.GetString(0)] = new IndicatorLimits(reader.GetString(1), reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4));
        }
        return indicators;
    }

    /// <summary>Replaces the targets of <paramref name="origin"/> with <paramref name="records"/>.</summary>
    public static void Load(DuckDBConnection connection, IReadOnlyList<TargetRecord> records, string origin)
    {
        SeedOrigin.DeleteRows(connection, "fact_target", origin);
        // A targets file names tasks by number: they are the default notice's.
        var notice = CurrentNotice.Id(connection);
        using var appender = connection.CreateAppender("fact_target");
        foreach (var r in records)
        {
            appender.CreateRow()
                .AppendValue(r.IndicatorCode)
                .AppendValue(r.AreaCode)
                .AppendValue(r.Sex)
                .AppendValue(r.Comparator)
                .AppendValue(r.TargetValue)
                .AppendValue(r.DeadlineYear)
                .AppendValue(r.TaskNo)
                .AppendValue(r.Phrase)
                .AppendValue(origin)
                .AppendValue(r.TaskNo is null ? null : notice)
                .EndRow();
        }
    }

    private static HashSet<int> Ints(DuckDBConnection connection, string sql) =>
        SeedOrigin.ReadSet(connection, sql).Select(int.Parse).ToHashSet();
}
