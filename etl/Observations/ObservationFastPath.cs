using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Wcc.Warehouse.Query;

namespace Wcc.Etl.Observations;

/// <summary>The optimistic load of a clean file: one parallel pass of DuckDB's CSV reader straight into fact_observation.</summary>
/// <remarks>
/// Rows whose fields are already canonical (codes known as written, year and value plain numbers within their limits,
/// sex/status/urban_rural spelt exactly) are inserted by one INSERT ... SELECT over <c>read_csv</c>, with no line numbers
/// (numbering lines forces a single thread). Every other line (few in practice) is captured as written during that same
/// pass, numbered from the line hashes of <see cref="ObservationLineIndex"/>, and handed to the exact checks of
/// <see cref="ObservationChecks"/>, which give it its reason or load it after normalising.
/// The path gives up (and the caller runs the general path after <see cref="Undo"/>) whenever it cannot be exact cheaply:
/// duplicate keys or F + M vs T mismatches in the file, current rows of the same indicators already in the warehouse, or
/// any count that does not reconcile.
/// </remarks>
public static class ObservationFastPath
{
    private const string FailTable = "obs_fast_fail";
    private const string ErrorsTable = "obs_fast_csv_errors";
    private const string ScansTable = "obs_fast_csv_scans";

    /// <summary>Makes each load's capture function name unique on its connection (registrations last as long as the connection).</summary>
    private static long functionCounter;

    /// <summary>Loads <paramref name="staged"/> as load <paramref name="loadId"/>, or returns null with nothing of this load left
    /// written when the general path must do it.</summary>
    public static FileOutcome? TryApply(DuckDBConnection connection, StagedFile staged, string path, int loadId, string defaultSource)
    {
        if (staged.Header is null || staged.Route != "duckdb") return null;
        if (connection.ScalarLong("SELECT (SELECT count(*) FROM dim_indicator) * (SELECT count(*) FROM dim_area)") == 0) return null;
        // No finally: after a DuckDB error the transaction is aborted and a cleanup statement would hide the error;
        // the temp tables then go with the rolled-back transaction's connection state.
        var outcome = Load(connection, staged, staged.Header, path, loadId, defaultSource);
        connection.Execute($"DROP TABLE IF EXISTS {FailTable}; DROP TABLE IF EXISTS {ErrorsTable}; DROP TABLE IF EXISTS {ScansTable}");
        if (outcome is null) Undo(connection, loadId);
        return outcome;
    }

    /// <summary>Removes what an abandoned fast attempt wrote for <paramref name="loadId"/> (same transaction, so nothing else saw it).</summary>
    public static void Undo(DuckDBConnection connection, int loadId)
    {
        connection.Execute("DELETE FROM fact_observation WHERE load_id = $load; DELETE FROM etl_reject WHERE load_id = $load", ("load", loadId));
    }

    private static FileOutcome? Load(DuckDBConnection connection, StagedFile staged, ObservationHeader header, string path, int loadId, string defaultSource)
    {
        connection.Execute($"DROP TABLE IF EXISTS {ErrorsTable}; DROP TABLE IF EXISTS {ScansTable}");
        // (1) Every canonical, valid row in one parallel INSERT. The others are handed, as written, to a .NET function
        // in the same filter: DuckDB calls it only for the rows that fail (CASE evaluates its ELSE on those alone), so the
        // file is read once. The function is volatile, so it is neither folded nor shared; were it ever called twice for
        // a row, the counts below would not reconcile and the general path would run.
        var refused = new ConcurrentQueue<string>();
        var function = $"wcc_obs_refuse_{Interlocked.Increment(ref functionCounter)}";
        connection.RegisterScalarFunction<string, bool>(function, (readers, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                refused.Enqueue(readers[0].GetValue<string>(i));
                writer.WriteValue(false, i);
            }
        }, new ScalarFunctionOptions { IsPureFunction = false }, false);
        var inserted = connection.Execute($"""
            INSERT INTO fact_observation (indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status, load_id, is_current)
            SELECT indicator_code, area_code, y, sex, ag, coalesce(urban_rural, '_T'), v, src, status, $load, true
            FROM ({CheckedSql(path, header)})
            WHERE CASE WHEN ok THEN true ELSE {function}({RawSql(header)}) END
            """, ("source", defaultSource), ("load", loadId));
        var readerErrors = connection.ScalarLong($"SELECT count(DISTINCT line) FROM {ErrorsTable}");
        long failing = refused.Count;
        if (inserted + failing + readerErrors != staged.DataLines) return null;
        // (2) Number the refused lines from the line hashes built while DuckDB read the file (a line that fails, fails
        // wherever it occurs, so finding every line with that text is exact; the count check catches a hash collision).
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {FailTable} (line_no BIGINT, raw VARCHAR)");
        if (failing > 0)
        {
            var numbered = staged.Index.GetAwaiter().GetResult().Find(refused.Distinct(StringComparer.Ordinal));
            if (numbered.Count != failing) return null;
            using var appender = connection.CreateAppender(FailTable);
            foreach (var (lineNo, raw) in numbered) appender.CreateRow().AppendValue(lineNo).AppendValue(raw).EndRow();
        }

        // (3) Stage the refused lines and the reader's own errors (wrong column counts) for the exact checks.
        ObservationStaging.Create(connection);
        var fields = string.Join(", ", header.Positions.Select(p => p < 0 ? "NULL" : $"f[{p + 1}]"));
        var columns = string.Join(", ", ObservationFormat.AllColumns);
        var staging = $"""
            INSERT INTO {ObservationStaging.StageTable} (line_no, raw, parse_error, parse_detail, {columns})
            SELECT line_no, raw,
                   CASE WHEN len(f) <> {header.FieldCount} THEN '{RejectReason.WrongColumnCount}' END,
                   CASE WHEN len(f) <> {header.FieldCount} THEN len(f)::VARCHAR END,
                   {fields}
            FROM (SELECT line_no, raw, string_split(raw, ',') AS f FROM (
            """;
        connection.Execute(staging + $"SELECT line_no, raw FROM {FailTable}))");
        if (readerErrors > 0)
        {
            connection.Execute(staging + $"SELECT DISTINCT line AS line_no, csv_line AS raw FROM {ErrorsTable}))");
        }

        // (4) Only a first load of these indicators is done here: superseding needs the general path's comparisons.
        var overlap = connection.ScalarLong("SELECT count(*) FROM (SELECT 1 FROM fact_observation WHERE is_current AND load_id <> $load LIMIT 1)",
            ("load", loadId)) == 0 ? 0 : connection.ScalarLong($"""
            SELECT count(*) FROM (
                SELECT 1 FROM fact_observation f
                WHERE f.is_current AND f.load_id <> $load AND f.indicator_code IN (
                    SELECT DISTINCT indicator_code FROM fact_observation WHERE load_id = $load
                    UNION SELECT trim(indicator_code) FROM {ObservationStaging.StageTable})
                LIMIT 1)
            """, ("load", loadId));
        if (overlap > 0) return null;

        // (5) The exact checks for the few staged lines: reasons, did-you-mean, normalised rows loaded.
        var staged2 = connection.ScalarLong($"SELECT count(*) FROM {ObservationStaging.StageTable}");
        var rest = ObservationChecks.Apply(connection, ObservationStaging.StageTable, staged2, loadId, path, defaultSource, compareWithWarehouse: false);
        if (rest.Unchanged > 0 || rest.Superseded > 0 || rest.Warned > 0) return null;

        // (6) Duplicates and F + M vs T over everything this load wrote: a compact scan of the new fact rows.
        if (connection.ScalarLong(KeyProblemsSql, ("load", loadId)) > 0) return null;

        var loaded = connection.ScalarLong("SELECT count(*) FROM fact_observation WHERE load_id = $load", ("load", loadId));
        if (loaded + rest.Rejected != staged.DataLines) return null;
        return new FileOutcome(staged.DataLines, loaded, rest.Rejected, 0, 0, 0, rest.RejectedByReason);
    }

    /// <summary>The file through DuckDB's parallel CSV reader, all fields as text, with <c>ok</c> true for a canonical valid row.</summary>
    /// <remarks>The CASE (rather than AND-ed conditions) keeps the dimension joins as LEFT joins built on the small side;
    /// an inner join let the optimiser build the hash table on the 10 M row side, doubling the cost.</remarks>
    private static string CheckedSql(string path, ObservationHeader header)
    {
        var fileColumns = Enumerable.Range(0, header.FieldCount)
            .Select(p => ObservationFormat.AllColumns[header.Positions.ToList().IndexOf(p)]).ToList();
        var spec = "{" + string.Join(", ", fileColumns.Select(c => $"'{c}': 'VARCHAR'")) + "}";
        var absent = ObservationFormat.AllColumns.Where(c => !fileColumns.Contains(c)).Select(c => $", CAST(NULL AS VARCHAR) AS {c}");
        return $"""
            SELECT t.*,
                CASE
                    WHEN i.indicator_code IS NULL OR a.area_code IS NULL THEN false
                    WHEN y IS NULL OR y < {ObservationFormat.MinYear} OR y > {ObservationFormat.MaxYear} THEN false
                    WHEN sex IS NULL OR sex NOT IN ('F', 'M', 'T') THEN false
                    WHEN v IS NULL OR isnan(v) OR isinf(v) THEN false
                    WHEN i.measure_kind = 'count' AND v < 0 THEN false
                    WHEN v < i.lower_bound OR v > i.upper_bound THEN false
                    WHEN status IS NOT NULL AND status NOT IN ('provisional', 'revised', 'estimated') THEN false
                    WHEN urban_rural IS NOT NULL AND urban_rural NOT IN ('U', 'R', '_T') THEN false
                    ELSE true
                END AS ok
            FROM (
                SELECT *{string.Concat(absent)}, TRY_CAST(year AS INTEGER) AS y, TRY_CAST(value AS DOUBLE) AS v,
                       coalesce(nullif(trim(age_group), ''), '_T') AS ag, coalesce(nullif(trim(source), ''), $source) AS src
                FROM read_csv({ObservationStaging.PathLiteral(path)}, header = true, auto_detect = false, all_varchar = true,
                              columns = {spec}, delim = ',', quote = '', escape = '', new_line = '\n', null_padding = false,
                              ignore_errors = true, store_rejects = true, rejects_table = '{ErrorsTable}', rejects_scan = '{ScansTable}')
            ) t
            LEFT JOIN dim_indicator i ON i.indicator_code = t.indicator_code
            LEFT JOIN dim_area a ON a.area_code = t.area_code
            """;
    }

    /// <summary>The line as written: on a clean file (no quotes) the reader's fields joined by commas, empty for NULL.</summary>
    private static string RawSql(ObservationHeader header)
    {
        var byPosition = Enumerable.Range(0, header.FieldCount)
            .Select(p => $"coalesce({ObservationFormat.AllColumns[header.Positions.ToList().IndexOf(p)]}, '')");
        return $"concat_ws(',', {string.Join(", ", byPosition)})";
    }

    // Same rules as ObservationChecks' group pass, over the typed fact rows of this load (dictionary-compressed, so cheap).
    // Grouped by a 64-bit hash of the key as there: a collision can only invent a duplicate (the general path then runs),
    // never hide one; for F + M vs T it carries the same documented 1e-6 risk as the general pass.
    private static readonly string KeyProblemsSql = $"""
        SELECT count(*) FROM (
            SELECT g.* FROM (
                SELECT count(*) AS n,
                       bit_or(CASE sex WHEN 'F' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) AS sexes,
                       sum(CASE sex WHEN 'T' THEN -value ELSE value END) AS fm_minus_t,
                       max(CASE sex WHEN 'T' THEN value END) AS t,
                       any_value(indicator_code) AS ic
                FROM fact_observation
                WHERE load_id = $load
                GROUP BY hash(indicator_code, area_code, year, age_group, urban_rural)
                HAVING n > bit_count(sexes)
                    OR (sexes = 7 AND abs(fm_minus_t) > greatest(abs(t) * {ObservationFormat.SexTotalRelativeTolerance}, {ObservationFormat.SexTotalAbsoluteTolerance}))
            ) g
            LEFT JOIN dim_indicator i ON i.indicator_code = g.ic
            WHERE g.n > bit_count(g.sexes) OR i.measure_kind = 'count'
            LIMIT 1)
        """;


}
