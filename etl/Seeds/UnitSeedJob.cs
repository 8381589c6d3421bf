using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>Loads units.csv into <c>dim_unit</c> (is_known = true) and its spellings into <c>dim_unit_alias</c>.</summary>
/// <remarks>
/// dim_unit has no origin column: the seed owns every known unit, and the notice loader adds the names the
/// seed lacks as unknown. A reload therefore replaces the known units, and drops an unknown placeholder
/// once the seed lists that name.
/// </remarks>
public static class UnitSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.Units;

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = UnitSeedFile.Read(path);
        Load(connection, records);
        return new RowCounts(records.Count, records.Count, 0);
    }

    /// <summary>Replaces the known units and their aliases with <paramref name="records"/>.</summary>
    public static void Load(DuckDBConnection connection, IReadOnlyList<UnitRecord> records)
    {
        connection.Execute("DELETE FROM dim_unit_alias WHERE unit_name IN (SELECT unit_name FROM dim_unit WHERE is_known)");
        connection.Execute("DELETE FROM dim_unit WHERE is_known");
        using (var units = connection.CreateAppender("dim_unit"))
        {
            foreach (var r in records)
            {
                units.CreateRow()
                    .AppendValue(r.UnitName)
                    .AppendValue(r.FullName)
                    .AppendValue(r.Kind)
                    .AppendValue(r.IsCollective)
                    .AppendValue(true)
                    .AppendValue(r.ValidFrom)
                    .AppendValue(r.ValidTo)
                    .AppendValue(r.SuccessorName)
                    .AppendValue(r.Note)
                    .EndRow();
            }
        }
        using (var aliases = connection.CreateAppender("dim_unit_alias"))
        {
            foreach (var r in records)
            {
                foreach (var alias in r.Aliases) aliases.CreateRow().AppendValue(alias).AppendValue(r.UnitName).EndRow();
            }
        }
        connection.Execute("DELETE FROM dim_unit u WHERE NOT u.is_known AND EXISTS (SELECT 1 FROM dim_unit k WHERE k.is_known AND k.unit_name = u.unit_name)");
    }

}
