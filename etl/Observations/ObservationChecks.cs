using DuckDB.NET.Data;
using Wcc.Warehouse.Query;

namespace Wcc.Etl.Observations;

/// <summary>Outcome of checking and loading one staged file.</summary>
/// <param name="Unchanged">Good rows equal to the current version: counted as loaded, no new version written.</param>
/// <param name="Superseded">Good rows that replaced an older current value.</param>
/// <param name="RejectedByReason">Refused rows per reason code.</param>
public sealed record FileOutcome(long In, long Loaded, long Rejected, long Warned, long Unchanged, long Superseded,
    IReadOnlyDictionary<string, long> RejectedByReason);

/// <summary>Set-based checks of the staged rows against the dimensions, then the writes to fact_observation and etl_reject.</summary>
/// <remarks>
/// Streaming passes over the staged relation, no statement per row and no full-size intermediate table (writing 10 M
/// strings costs as much as the load itself): (1) one aggregate finds duplicate keys and F + M vs T mismatches,
/// (2) good rows go straight into fact_observation, (3) refused and warned rows into a small temp table, then etl_reject.
/// </remarks>
public static class ObservationChecks
{
    /// <summary>Checks the staged rows and writes the good ones as load <paramref name="loadId"/>.</summary>
    /// <param name="sourceSql">The staged rows: the staging table or a query over a clean file (see <see cref="StagedFile.SourceSql"/>).</param>
    /// <param name="rowsIn">Data lines counted while reading the file; the passes below must account for each.</param>
    /// <param name="compareWithWarehouse">False when the caller knows no current row of these indicators exists outside this load
    /// (the fast path, which then checks duplicates across the whole load itself): every good row is inserted as new.</param>
    public static FileOutcome Apply(DuckDBConnection connection, string sourceSql, long rowsIn, int loadId, string filePath, string defaultSource,
        bool compareWithWarehouse = true)
    {
        // The source is read once: when it is a query over the file, each pass below would otherwise read and split the
        // whole file again (three to five passes: groups, duplicates, comparison, insert, rejects).
        // Bounded memory: past MaterializeMemoryLimit DuckDB writes the table's blocks to its temporary files.
        connection.Execute($"SET memory_limit = '{MaterializeMemoryLimit}'");
        try
        {
            connection.Execute($"CREATE OR REPLACE TEMP TABLE {ClassifiedTable} AS WITH {ClassifiedSql.Replace(SourcePlaceholder, sourceSql, StringComparison.Ordinal)} SELECT * FROM classified",
                ("source", defaultSource));
        }
        finally
        {
            // The warehouse sets no limit of its own, so DuckDB's default (80% of the machine's memory) comes back.
            connection.Execute("RESET memory_limit");
        }
        // The passes below name the rows "classified", as the rules that made them do.
        var classified = $"classified AS NOT MATERIALIZED (SELECT * FROM {ClassifiedTable})";
        connection.Execute($"CREATE OR REPLACE TEMP TABLE obs_groups AS WITH {classified} {GroupsSql}");
        connection.Execute($"CREATE OR REPLACE TEMP TABLE obs_dup_lines (line_no BIGINT, first_line BIGINT)");
        if (connection.ScalarLong("SELECT count(*) FROM obs_groups WHERE has_duplicates") > 0)
        {
            connection.Execute($"INSERT INTO obs_dup_lines WITH {classified} {DuplicateLinesSql}");
        }
        var final = $"WITH {classified}, {FinalSql}";

        var hasHistory = compareWithWarehouse && connection.ScalarLong("SELECT count(*) FROM (SELECT 1 FROM fact_observation LIMIT 1)") > 0;
        var (unchanged, superseded) = hasHistory ? Compare(connection, final) : (0, 0);
        var inserted = connection.Execute($"INSERT INTO fact_observation BY NAME {final} {(unchanged == 0 ? InsertAllSql : InsertChangedSql)}", ("load", loadId));
        if (superseded > 0) connection.Execute(SupersedeSql, ("load", loadId));

        connection.Execute($"CREATE OR REPLACE TEMP TABLE obs_rejects AS {final} {RejectRowsSql}");
        connection.Execute(SuggestionsSql);
        connection.Execute(RejectsSql, ("load", loadId), ("file", filePath));

        var byReason = new Dictionary<string, long>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT reason_code, count(*) FROM obs_rejects WHERE severity = 'error' GROUP BY ALL ORDER BY 1";
            using var r = cmd.ExecuteReader();
            while (r.Read()) byReason[r.GetString(0)] = r.GetInt64(1);
        }
        var rejected = byReason.Values.Sum();
        var warned = connection.ScalarLong("SELECT count(*) FROM obs_rejects WHERE severity = 'warning'");
        connection.Execute($"DROP TABLE obs_groups; DROP TABLE obs_dup_lines; DROP TABLE obs_rejects; DROP TABLE obs_suggest; DROP TABLE {ClassifiedTable}");
        // Loaded is what reached the warehouse (new versions) plus what was already there unchanged; the caller checks In = Loaded + Rejected.
        return new FileOutcome(rowsIn, inserted + unchanged, rejected, warned, unchanged, superseded, byReason);
    }

    private const string SourcePlaceholder = "{source_relation}";

    /// <summary>Every staged row with its typed fields and the first rule that refuses it, read once from the source.</summary>
    private const string ClassifiedTable = "obs_classified";

    /// <summary>DuckDB's memory while the classified rows are written (about 330 bytes a row: 3 GiB at 10 M rows).</summary>
    private const string MaterializeMemoryLimit = "1GB";

    // NOT MATERIALIZED: DuckDB would otherwise buffer each CTE in full (10 M rows of strings), which doubled the load time.

    // One reason per row: the first rule of ObservationRules.RowRules that refuses it (the order a person would fix them).
    private static readonly string ClassifiedSql = $"""
        typed AS NOT MATERIALIZED (
            SELECT s.line_no, s.raw, s.parse_error, s.parse_detail,
                   trim(s.indicator_code) AS ic, trim(s.area_code) AS ac,
                   trim(s.year) AS year_raw,
                   CASE WHEN regexp_full_match(trim(s.year), '{ObservationFormat.YearPattern}') THEN TRY_CAST(trim(s.year) AS INTEGER) END AS y,
                   upper(trim(s.sex)) AS sx, trim(s.value) AS value_raw,
                   -- -0 is stored as 0: the two compare equal, but -0 prints as "-0" in every export.
                   CASE WHEN TRY_CAST(rtrim(trim(s.value), '%') AS DOUBLE) = 0 THEN 0::DOUBLE ELSE TRY_CAST(rtrim(trim(s.value), '%') AS DOUBLE) END AS v,
                   coalesce(nullif(trim(s.age_group), ''), '{ObservationRules.TotalCode}') AS ag,
                   coalesce(nullif(upper(trim(s.urban_rural)), ''), '{ObservationRules.TotalCode}') AS ur,
                   coalesce(nullif(trim(s.source), ''), $source) AS src,
                   nullif(lower(trim(s.status)), '') AS st,
                   i.indicator_code IS NOT NULL AS indicator_known, i.measure_kind, i.lower_bound, i.upper_bound,
                   a.area_code IS NOT NULL AS area_known
            FROM {SourcePlaceholder} s
            LEFT JOIN dim_indicator i ON i.indicator_code = trim(s.indicator_code)
            LEFT JOIN dim_area a ON a.area_code = trim(s.area_code)
        ),
        classified AS NOT MATERIALIZED (
            SELECT *, {ObservationRules.FirstRefusalSql()} AS check_code
            FROM typed
        )
        """;

    // Groups (key without sex) that hold a duplicate or whose F + M disagrees with T; normally a tiny table.
    // Cheap aggregates only (a sex bitmask and a signed sum) over a 64-bit hash of the key, because this pass sees every
    // row of a 10 M row file. Duplicates stay exact: a hash collision only flags a group, which the exact pass below clears.
    // A collision (odds about 1e-6 for 10 M keys) could hide an F + M vs T warning for the two colliding groups.
    private static readonly string GroupsSql = $"""
        SELECT hash(ic, ac, y, ag, ur) AS gk, count(*) AS n,
               bit_or(CASE sx WHEN 'F' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) AS sexes,
               sum(CASE sx WHEN 'T' THEN -v ELSE v END) AS fm_minus_t,
               max(CASE sx WHEN 'T' THEN v END) AS t,
               bool_or(measure_kind = 'count') AS is_count,
               n > bit_count(sexes) AS has_duplicates,
               NOT has_duplicates AND is_count AND sexes = 7
                 AND abs(fm_minus_t) > greatest(abs(t) * {ObservationFormat.SexTotalRelativeTolerance}, {ObservationFormat.SexTotalAbsoluteTolerance}) AS mismatch
        FROM classified WHERE check_code IS NULL
        GROUP BY gk
        HAVING has_duplicates OR mismatch
        """;

    // Only when a file repeats a key: the first line of each repeated key, read again for those groups alone.
    private const string DuplicateLinesSql = """
        SELECT c.line_no, min(c.line_no) OVER (PARTITION BY c.ic, c.ac, c.y, c.sx, c.ag, c.ur) AS first_line
        FROM classified c
        JOIN obs_groups g ON g.has_duplicates AND g.gk = hash(c.ic, c.ac, c.y, c.ag, c.ur)
        WHERE c.check_code IS NULL
        """;

    // The first line of a key is kept; later ones are duplicates naming it. The T line of a mismatching group carries the warning.
    private const string FinalSql = $"""
        final AS NOT MATERIALIZED (
            SELECT c.*, g.fm_minus_t + g.t AS sum_fm, d.first_line,
                coalesce(c.check_code, CASE WHEN d.first_line <> c.line_no THEN '{RejectReason.DuplicateKey}' END) AS reason_code,
                coalesce(g.mismatch AND c.sx = 'T', false) AS warn
            FROM classified c
            -- One equality (no one-sided condition in the ON clause), so DuckDB hash-joins instead of looping over
            -- every staged row x flagged group: rows that failed a check get a NULL key, which matches nothing.
            LEFT JOIN obs_groups g ON g.gk = CASE WHEN c.check_code IS NULL THEN hash(c.ic, c.ac, c.y, c.ag, c.ur) END
            LEFT JOIN obs_dup_lines d ON d.line_no = c.line_no
        )
        """;

    private const string InsertAllSql = """
        SELECT ic AS indicator_code, ac AS area_code, y AS year, sx AS sex, ag AS age_group, ur AS urban_rural,
               v AS value, src AS source, st AS status, $load AS load_id, true AS is_current
        FROM final WHERE reason_code IS NULL
        """;

    // Good rows against the current version of their key: equal rows write nothing (idempotent reload).
    private const string CurrentMatch = """
        f.is_current AND f.indicator_code = c.ic AND f.area_code = c.ac AND f.year = c.y AND f.sex = c.sx
        AND f.age_group = c.ag AND f.urban_rural = c.ur
        """;

    private const string Unchanged = "f.value = c.v AND f.source = c.src AND f.status IS NOT DISTINCT FROM c.st";

    private static readonly string InsertChangedSql = $"""
        SELECT ic AS indicator_code, ac AS area_code, y AS year, sx AS sex, ag AS age_group, ur AS urban_rural,
               v AS value, src AS source, st AS status, $load AS load_id, true AS is_current
        FROM final c
        WHERE reason_code IS NULL AND NOT EXISTS (SELECT 1 FROM fact_observation f WHERE {CurrentMatch} AND {Unchanged})
        """;

    private static (long Unchanged, long Superseded) Compare(DuckDBConnection connection, string final)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            {final}
            SELECT count(*) FILTER (WHERE {Unchanged}), count(*) FILTER (WHERE NOT ({Unchanged}))
            FROM final c JOIN fact_observation f ON {CurrentMatch}
            WHERE c.reason_code IS NULL
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    // Runs after the insert: every other current version of a key this load wrote is now history.
    private const string SupersedeSql = """
        UPDATE fact_observation SET is_current = false
        FROM (SELECT indicator_code, area_code, year, sex, age_group, urban_rural FROM fact_observation WHERE load_id = $load) n
        WHERE fact_observation.is_current AND fact_observation.load_id <> $load
          AND fact_observation.indicator_code = n.indicator_code AND fact_observation.area_code = n.area_code
          AND fact_observation.year = n.year AND fact_observation.sex = n.sex
          AND fact_observation.age_group = n.age_group AND fact_observation.urban_rural = n.urban_rural
        """;

    private const string RejectRowsSql = $"""
        SELECT line_no, raw, parse_detail, ic, ac, year_raw, sx, value_raw, v, st, ur, lower_bound, upper_bound, sum_fm,
               coalesce(reason_code, '{RejectReason.SexTotalMismatch}') AS reason_code, first_line,
               CASE WHEN reason_code IS NULL THEN 'warning' ELSE 'error' END AS severity
        FROM final WHERE reason_code IS NOT NULL OR warn
        """;

    private static readonly string SuggestionsSql = $"""
        CREATE OR REPLACE TEMP TABLE obs_suggest AS
        WITH unknown AS (
            SELECT DISTINCT 'indicator' AS kind, ic AS code FROM obs_rejects WHERE reason_code = '{RejectReason.UnknownIndicator}'
            UNION ALL
            SELECT DISTINCT 'area', ac FROM obs_rejects WHERE reason_code = '{RejectReason.UnknownArea}'
        ), candidates AS (
            SELECT 'indicator' AS kind, indicator_code AS known FROM dim_indicator
            UNION ALL SELECT 'area', area_code FROM dim_area
        )
        SELECT u.kind, u.code, arg_min(c.known, levenshtein(coalesce(u.code, ''), c.known)) AS suggestion
        FROM unknown u JOIN candidates c ON c.kind = u.kind
        WHERE levenshtein(coalesce(u.code, ''), c.known) <= {ObservationFormat.MaxSuggestionDistance}
        GROUP BY u.kind, u.code
        """;

    private static readonly string RejectsSql = $"""
        INSERT INTO etl_reject (load_id, file_path, line_no, raw_text, reason_code, reason, severity)
        SELECT $load, $file, r.line_no, r.raw, r.reason_code,
            {ObservationRules.MessageSql()} || ' (' || vr.label_zh || ')',
            r.severity
        FROM obs_rejects r
        JOIN vocab_reject_reason vr ON vr.reason_code = r.reason_code
        LEFT JOIN obs_suggest si ON si.kind = 'indicator' AND si.code = r.ic
        LEFT JOIN obs_suggest sa ON sa.kind = 'area' AND sa.code = r.ac
        ORDER BY r.line_no
        """;


}
