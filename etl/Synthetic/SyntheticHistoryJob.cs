using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Synthetic;

/// <summary>Loads the seeded synthetic history into fact_observation (source = 'synthetic'), replacing any earlier synthetic rows.</summary>
/// <remarks>
/// Two build steps use it: the initial values, then the revisions, each as its own etl_run, so the revision
/// history is real (the provisional value stays queryable with is_current = false).
/// </remarks>
public static class SyntheticHistoryJob
{
    /// <summary>Marks every generated row; reports built from such rows say the data are synthetic.</summary>
    public const string Source = LoadJobs.SyntheticSource;

    /// <summary>The seed of the embedded default: same seed, same warehouse.</summary>
    public const int DefaultSeed = 20180508; // the notice's date

    /// <summary>Generates the history and writes its initial values; returns the revisions for the next step.</summary>
    public static RowCounts LoadInitial(DuckDBConnection connection, EtlRun run, int seed, out IReadOnlyList<SyntheticObservation> revisions)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM fact_observation WHERE source = $source";
            cmd.Parameters.Add(new DuckDBParameter("source", Source));
            cmd.ExecuteNonQuery();
        }
        var (initial, revised) = new SyntheticHistory(seed).Generate(ReadIndicators(connection), ReadAreas(connection));
        Append(connection, run.LoadId, initial);
        revisions = revised;
        return new RowCounts(initial.Count, initial.Count, 0);
    }

    /// <summary>Writes revised values: each supersedes the current row of its key.</summary>
    public static RowCounts LoadRevisions(DuckDBConnection connection, EtlRun run, IReadOnlyList<SyntheticObservation> revisions)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "CREATE OR REPLACE TEMP TABLE synthetic_revision_key (indicator_code VARCHAR, area_code VARCHAR, year INTEGER, sex VARCHAR)";
            cmd.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("synthetic_revision_key"))
        {
            foreach (var r in revisions)
            {
                appender.CreateRow().AppendValue(r.IndicatorCode).AppendValue(r.AreaCode).AppendValue(r.Year).AppendValue(r.Sex).EndRow();
            }
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                UPDATE fact_observation o SET is_current = false
                FROM synthetic_revision_key k
                WHERE o.source = $source AND o.indicator_code = k.indicator_code AND o.area_code = k.area_code
                  AND o.year = k.year AND o.sex = k.sex AND o.age_group = '_T' AND o.urban_rural = '_T';
                DROP TABLE synthetic_revision_key;
                """;
            cmd.Parameters.Add(new DuckDBParameter("source", Source));
            cmd.ExecuteNonQuery();
        }
        Append(connection, run.LoadId, revisions);
        return new RowCounts(revisions.Count, revisions.Count, 0);
    }

    private static void Append(DuckDBConnection connection, int loadId, IEnumerable<SyntheticObservation> rows)
    {
        using var appender = connection.CreateAppender("fact_observation");
        foreach (var o in rows)
        {
            var row = appender.CreateRow()
                .AppendValue(o.IndicatorCode).AppendValue(o.AreaCode).AppendValue(o.Year).AppendValue(o.Sex)
                .AppendValue("_T").AppendValue("_T").AppendValue(o.Value).AppendValue(Source);
            (o.Status is null ? row.AppendNullValue() : row.AppendValue(o.Status))
                .AppendValue(loadId).AppendValue(true).EndRow();
        }
    }

    private static List<IndicatorProfile> ReadIndicators(DuckDBConnection connection)
    {
        var targets = new Dictionary<string, List<TargetProfile>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT indicator_code, area_code, sex, comparator, target_value, deadline_year FROM fact_target ORDER BY ALL";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var code = reader.GetString(0);
                if (!targets.TryGetValue(code, out var list)) targets[code] = list = [];
                list.Add(new TargetProfile(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetInt32(5)));
            }
        }
        var indicators = new List<IndicatorProfile>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT indicator_code, measure_kind, sex_disaggregated, direction, population, lower_bound, upper_bound
                FROM dim_indicator ORDER BY indicator_code
                """;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var code = reader.GetString(0);
                indicators.Add(new IndicatorProfile(code, reader.GetString(1), reader.GetBoolean(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
                    targets.GetValueOrDefault(code) ?? []));
            }
        }
        return indicators;
    }

    /// <summary>The city and its districts and counties: the areas whose parent is the city.</summary>
    private static List<AreaProfile> ReadAreas(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT area_code, area_code = $city, coalesce(is_central, false), area_level = 'county'
            FROM dim_area WHERE area_code = $city OR parent_code = $city ORDER BY area_code
            """;
        cmd.Parameters.Add(new DuckDBParameter("city", SyntheticHistory.CityCode));
        using var reader = cmd.ExecuteReader();
        var areas = new List<AreaProfile>();
        while (reader.Read()) areas.Add(new AreaProfile(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        return areas;
    }
}
