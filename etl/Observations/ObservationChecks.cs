using DuckDB.NET.Data;

namespace Wcc.Etl.Observations;

/// <summary>Outcome of checking and loading one staged file.</summary>
/// <param name="Unchanged">Good rows equal to the current version: counted as loaded, no new version written.</param>
/// <param name="Superseded">Good rows that replaced an older current value.</param>
/// <param name="RejectedByReason">Refused rows per reason code.</param>
public sealed record FileOutcome(long In, long Loaded, long Rejected, long Warned, long Unchanged, long Superseded,
    IReadOnlyDictionary<string, long> RejectedByReason);

/// <summary>Set-based checks of the staged rows against the dimensions, then the writes to fact_observation and etl_reject.</summary>
/// <remarks>All statements run over whole temp tables (hash joins, one aggregate for duplicates): never a statement per row.</remarks>
public static class ObservationChecks
{
    /// <summary>Checks <c>obs_stage</c> and writes its good rows as load <paramref name="loadId"/>.</summary>
    public static FileOutcome Apply(DuckDBConnection connection, int loadId, string filePath, string defaultSource)
    {
        Run(connection, ClassifySql, ("source", defaultSource));
        Run(connection, DuplicatesSql);
        Run(connection, SuggestionsSql);
        Run(connection, RejectsSql, ("load", loadId), ("file", filePath));
        Run(connection, WarningsSql, ("load", loadId), ("file", filePath));
        var warned = Scalar(connection, "SELECT count(*) FROM etl_reject WHERE load_id = $load AND severity = 'warning'", ("load", loadId));
        Run(connection, CompareSql);
        Run(connection, SupersedeSql);
        Run(connection, InsertSql, ("load", loadId));

        var rows = Scalar(connection, $"SELECT count(*) FROM {ObservationStaging.StageTable}");
        var byReason = new Dictionary<string, long>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT reason_code, count(*) FROM obs_checked WHERE reason_code IS NOT NULL GROUP BY ALL ORDER BY 1";
            using var r = cmd.ExecuteReader();
            while (r.Read()) byReason[r.GetString(0)] = r.GetInt64(1);
        }
        var rejected = byReason.Values.Sum();
        var unchanged = Scalar(connection, "SELECT count(*) FROM obs_compare WHERE unchanged");
        var superseded = Scalar(connection, "SELECT count(*) FROM obs_compare WHERE existed AND NOT unchanged");
        Run(connection, "DROP TABLE obs_checked; DROP TABLE obs_dups; DROP TABLE obs_suggest; DROP TABLE obs_compare");
        return new FileOutcome(rows, rows - rejected, rejected, warned, unchanged, superseded, byReason);
    }

    // One reason per row: the first failing check, in the order a person would fix them.
    private static readonly string ClassifySql = $"""
        CREATE OR REPLACE TEMP TABLE obs_checked AS
        WITH typed AS (
            SELECT s.line_no, s.raw, s.parse_error, s.parse_detail,
                   trim(s.indicator_code) AS ic, trim(s.area_code) AS ac,
                   trim(s.year) AS year_raw, TRY_CAST(trim(s.year) AS INTEGER) AS y,
                   upper(trim(s.sex)) AS sx, trim(s.value) AS value_raw,
                   TRY_CAST(rtrim(trim(s.value), '%') AS DOUBLE) AS v,
                   coalesce(nullif(trim(s.age_group), ''), '_T') AS ag,
                   coalesce(nullif(upper(trim(s.urban_rural)), ''), '_T') AS ur,
                   coalesce(nullif(trim(s.source), ''), $source) AS src,
                   nullif(lower(trim(s.status)), '') AS st,
                   i.indicator_code IS NOT NULL AS indicator_known, i.measure_kind, i.lower_bound, i.upper_bound,
                   a.area_code IS NOT NULL AS area_known
            FROM {ObservationStaging.StageTable} s
            LEFT JOIN dim_indicator i ON i.indicator_code = trim(s.indicator_code)
            LEFT JOIN dim_area a ON a.area_code = trim(s.area_code)
        )
        SELECT *, CAST(NULL AS BIGINT) AS duplicate_of,
            CASE
                WHEN parse_error IS NOT NULL THEN parse_error
                WHEN NOT indicator_known THEN '{RejectReason.UnknownIndicator}'
                WHEN NOT area_known THEN '{RejectReason.UnknownArea}'
                WHEN y IS NULL OR y < {ObservationFormat.MinYear} OR y > {ObservationFormat.MaxYear} THEN '{RejectReason.YearOutOfRange}'
                WHEN sx IS NULL OR sx NOT IN ('F', 'M', 'T') THEN '{RejectReason.BadSex}'
                WHEN v IS NULL THEN '{RejectReason.NonNumericValue}'
                WHEN isnan(v) OR isinf(v) THEN '{RejectReason.NotFinite}'
                WHEN measure_kind = 'count' AND v < 0 THEN '{RejectReason.NegativeCount}'
                WHEN v < lower_bound OR v > upper_bound THEN '{RejectReason.OutOfBounds}'
                WHEN st IS NOT NULL AND st NOT IN ('provisional', 'revised', 'estimated') THEN '{RejectReason.BadStatus}'
                WHEN ur NOT IN ('U', 'R', '_T') THEN '{RejectReason.BadUrbanRural}'
            END AS reason_code
        FROM typed
        """;

    // Keep the first line of a key, reject the later ones and name the line they repeat.
    private static readonly string DuplicatesSql = $"""
        CREATE OR REPLACE TEMP TABLE obs_dups AS
        SELECT ic, ac, y, sx, ag, ur, min(line_no) AS first_line
        FROM obs_checked WHERE reason_code IS NULL
        GROUP BY ic, ac, y, sx, ag, ur HAVING count(*) > 1;
        UPDATE obs_checked SET reason_code = '{RejectReason.DuplicateKey}', duplicate_of = d.first_line
        FROM obs_dups d
        WHERE obs_checked.reason_code IS NULL AND obs_checked.line_no <> d.first_line
          AND obs_checked.ic = d.ic AND obs_checked.ac = d.ac AND obs_checked.y = d.y AND obs_checked.sx = d.sx
          AND obs_checked.ag = d.ag AND obs_checked.ur = d.ur;
        """;

    private static readonly string SuggestionsSql = $"""
        CREATE OR REPLACE TEMP TABLE obs_suggest AS
        WITH unknown AS (
            SELECT DISTINCT 'indicator' AS kind, ic AS code FROM obs_checked WHERE reason_code = '{RejectReason.UnknownIndicator}'
            UNION ALL
            SELECT DISTINCT 'area', ac FROM obs_checked WHERE reason_code = '{RejectReason.UnknownArea}'
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
        SELECT $load, $file, c.line_no, c.raw, c.reason_code,
            CASE c.reason_code
                WHEN '{RejectReason.WrongColumnCount}' THEN 'wrong number of columns (列数不对): expected the header''s count' || coalesce(', found ' || c.parse_detail, '')
                WHEN '{RejectReason.UnbalancedQuotes}' THEN 'unbalanced quotes (引号不配对): ' || coalesce(c.parse_detail, '')
                WHEN '{RejectReason.UnknownIndicator}' THEN 'unknown indicator code (未知指标) ''' || coalesce(c.ic, '') || '''' || coalesce('; did you mean ''' || si.suggestion || '''?', '')
                WHEN '{RejectReason.UnknownArea}' THEN 'unknown area code (未知地区) ''' || coalesce(c.ac, '') || '''' || coalesce('; did you mean ''' || sa.suggestion || '''?', '')
                WHEN '{RejectReason.YearOutOfRange}' THEN 'year ''' || coalesce(c.year_raw, '') || ''' is not a year in {ObservationFormat.MinYear}-{ObservationFormat.MaxYear} (年份超出范围)'
                WHEN '{RejectReason.BadSex}' THEN 'sex ''' || coalesce(c.sx, '') || ''' is not F, M or T (性别代码错误)'
                WHEN '{RejectReason.NonNumericValue}' THEN 'value ''' || coalesce(c.value_raw, '') || ''' is not a number (数值无法识别)'
                WHEN '{RejectReason.NotFinite}' THEN 'value ''' || c.value_raw || ''' is NaN or infinite (数值无效)'
                WHEN '{RejectReason.NegativeCount}' THEN 'negative value ' || c.value_raw || ' for a count indicator (计数不能为负)'
                WHEN '{RejectReason.OutOfBounds}' THEN 'value ' || c.value_raw || ' outside the indicator''s bounds [' || coalesce(c.lower_bound::VARCHAR, '-inf') || ', ' || coalesce(c.upper_bound::VARCHAR, 'inf') || '] (超出取值范围)'
                WHEN '{RejectReason.BadStatus}' THEN 'status ''' || c.st || ''' is not provisional, revised or estimated (状态代码错误)'
                WHEN '{RejectReason.BadUrbanRural}' THEN 'urban_rural ''' || c.ur || ''' is not U, R or _T (城乡代码错误)'
                WHEN '{RejectReason.DuplicateKey}' THEN 'duplicate of line ' || c.duplicate_of || ' (same indicator, area, year, sex, age group, urban/rural; 重复记录, first kept)'
            END,
            'error'
        FROM obs_checked c
        LEFT JOIN obs_suggest si ON si.kind = 'indicator' AND si.code = c.ic
        LEFT JOIN obs_suggest sa ON sa.kind = 'area' AND sa.code = c.ac
        WHERE c.reason_code IS NOT NULL
        """;

    // Count indicators are additive over sex: F + M should equal T. Rows stay loaded; the T line carries the warning.
    private static readonly string WarningsSql = $"""
        INSERT INTO etl_reject (load_id, file_path, line_no, raw_text, reason_code, reason, severity)
        WITH sums AS (
            SELECT ic, ac, y, ag, ur,
                   sum(v) FILTER (WHERE sx = 'F') AS f, sum(v) FILTER (WHERE sx = 'M') AS m, sum(v) FILTER (WHERE sx = 'T') AS t,
                   min(line_no) FILTER (WHERE sx = 'T') AS t_line, any_value(raw) FILTER (WHERE sx = 'T') AS t_raw
            FROM obs_checked WHERE reason_code IS NULL AND measure_kind = 'count'
            GROUP BY ic, ac, y, ag, ur
        )
        SELECT $load, $file, t_line, t_raw, '{RejectReason.SexTotalMismatch}',
                   'F + M = ' || (f + m) || ' differs from T = ' || t || ' by more than the tolerance (男女之和与合计不符; loaded)', 'warning'
            FROM sums
            WHERE f IS NOT NULL AND m IS NOT NULL AND t IS NOT NULL
              AND abs(f + m - t) > greatest(abs(t) * {ObservationFormat.SexTotalRelativeTolerance}, {ObservationFormat.SexTotalAbsoluteTolerance})
        """;

    // Compare the good rows with the current version of their key: equal rows write nothing (idempotent reload).
    private const string CompareSql = """
        CREATE OR REPLACE TEMP TABLE obs_compare AS
        SELECT c.ic, c.ac, c.y, c.sx, c.ag, c.ur, c.v, c.src, c.st,
               f.indicator_code IS NOT NULL AS existed,
               coalesce(f.value = c.v AND f.source = c.src AND f.status IS NOT DISTINCT FROM c.st, false) AS unchanged
        FROM obs_checked c
        LEFT JOIN fact_observation f
          ON f.is_current AND f.indicator_code = c.ic AND f.area_code = c.ac AND f.year = c.y AND f.sex = c.sx
         AND f.age_group = c.ag AND f.urban_rural = c.ur
        WHERE c.reason_code IS NULL
        """;

    private const string SupersedeSql = """
        UPDATE fact_observation SET is_current = false
        FROM obs_compare n
        WHERE n.existed AND NOT n.unchanged AND fact_observation.is_current
          AND fact_observation.indicator_code = n.ic AND fact_observation.area_code = n.ac AND fact_observation.year = n.y
          AND fact_observation.sex = n.sx AND fact_observation.age_group = n.ag AND fact_observation.urban_rural = n.ur
        """;

    private const string InsertSql = """
        INSERT INTO fact_observation (indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status, load_id, is_current)
        SELECT ic, ac, y, sx, ag, ur, v, src, st, $load, true FROM obs_compare WHERE NOT unchanged
        """;

    private static void Run(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
