using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Wcc.Warehouse.Query;

namespace Wcc.Etl.Observations;

/// <summary>The optimistic load of a clean file: one parallel pass of DuckDB's CSV reader straight into fact_observation.</summary>
/// <remarks>
/// Rows whose fields are already canonical (codes known as written, year and value plain numbers within their limits)
/// are inserted by one INSERT ... SELECT over <c>read_csv</c>, with no line numbers (numbering lines forces a single
/// thread). Every other line (few in practice) is either a reader error, which DuckDB records with its line number, or
/// is refused by <see cref="ObservationRowGate"/> and captured as written during that same pass, then numbered by
/// <see cref="ObservationLineFinder"/>. Both kinds go to the exact checks of <see cref="ObservationChecks"/>, which give
/// each its reason or load it after normalising. Duplicate keys and F + M vs T are screened by
/// <see cref="ObservationKeyScreen"/> from the keys the gate saw.
/// The path gives up (and the caller runs the general path after <see cref="Undo"/>) whenever it cannot be exact cheaply:
/// duplicate keys or F + M vs T mismatches in the file, current rows of the same indicators already in the warehouse,
/// refused rows by the hundred thousand, or any count that does not reconcile.
/// </remarks>
public static class ObservationFastPath
{
    private const string FailTable = "obs_fast_fail";

    /// <summary>Refused rows beyond which the general path is cheaper than capturing them one by one.</summary>
    private const int MaxRefusedRows = 100_000;

    /// <summary>Makes each load's function and type names unique on its connection (registrations last as long as the connection).</summary>
    private static long nameCounter;

    /// <summary>Loads <paramref name="staged"/> as load <paramref name="loadId"/>, or returns null with nothing of this load left
    /// written when the general path must do it.</summary>
    /// <param name="vectors">How the gate reads DuckDB's vectors.</param>
    public static FileOutcome? TryApply(DuckDBConnection connection, StagedFile staged, string path, int loadId, string defaultSource, VectorPointers vectors)
    {
        if (!Applies(staged)) return null;
        if (connection.ScalarLong("SELECT (SELECT count(*) FROM dim_indicator) * (SELECT count(*) FROM dim_area)") == 0) return null;
        // No finally: after a DuckDB error the transaction is aborted and a cleanup statement would hide the error;
        // the temp tables and types then go with the rolled-back transaction.
        // DuckDB reads the staged file (a GB18030 input's UTF-8 transcoding); rejects name the input.
        var sql = new ObservationFastSql(Interlocked.Increment(ref nameCounter), staged.ReadPath ?? path, staged.Header!);
        var outcome = Load(connection, staged, sql, loadId, path, defaultSource, vectors);
        connection.Execute($"DROP TABLE IF EXISTS {FailTable}; {sql.DropSql}");
        if (outcome is null) Undo(connection, loadId);
        return outcome;
    }

    /// <summary>Removes what an abandoned fast attempt wrote for <paramref name="loadId"/> (same transaction, so nothing else saw it).</summary>
    public static void Undo(DuckDBConnection connection, int loadId)
    {
        connection.Execute("DELETE FROM fact_observation WHERE load_id = $load; DELETE FROM etl_reject WHERE load_id = $load", ("load", loadId));
    }

    /// <summary>The file can go the fast path (DuckDB reads it and its header is known); the dimensions are checked next.</summary>
    public static bool Applies(StagedFile staged) => staged.Header is not null && staged.ReadByDuckDb;

    private static FileOutcome? Load(DuckDBConnection connection, StagedFile staged, ObservationFastSql sql, int loadId, string path, string defaultSource,
        VectorPointers vectors)
    {
        var header = sql.Header;
        connection.Execute(sql.CreateTypesSql);
        // (1) Every accepted row in one parallel INSERT. Refused rows are handed, as written, to a .NET function in the same
        // filter: DuckDB calls it only for them (CASE evaluates its ELSE on those alone), so the file is read once. Both
        // functions are volatile, so they are neither folded nor shared; were one ever called twice for a row, the counts
        // below would not reconcile and the general path would run.
        var refused = new ConcurrentQueue<string>();
        var refusedCount = 0;
        var refuse = $"wcc_obs_refuse_{Interlocked.Increment(ref nameCounter)}";
        connection.RegisterScalarFunction<string, bool>(refuse, (readers, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                // Past the limit nothing is kept: the count check then sends the file to the general path.
                if (Interlocked.Increment(ref refusedCount) <= MaxRefusedRows) refused.Enqueue(readers[0].GetValue<string>(i));
                writer.WriteValue(false, i);
            }
        }, new ScalarFunctionOptions { IsPureFunction = false }, false);
        var gate = ObservationRowGate.ForIndicators(connection, sql.IndicatorType, staged.DataLines);
        var gateName = $"wcc_obs_gate_{Interlocked.Increment(ref nameCounter)}";
        gate.Register(connection, gateName, vectors);
        var inserted = connection.Execute(sql.InsertSql(gateName, refuse, staged.SpaceBesideSeparator), ("source", defaultSource), ("load", loadId));
        var readerErrors = connection.ScalarLong($"SELECT count(DISTINCT line) FROM {ObservationFastSql.ErrorsTable}");
        long failing = refused.Count;
        if (inserted + failing + readerErrors != staged.DataLines) return null;
        // The key screen of the inserted rows runs on the other cores while DuckDB checks the few staged lines below.
        var screening = Task.Run(() => gate.Screen.HasProblems(ObservationFormat.SexTotalRelativeTolerance, ObservationFormat.SexTotalAbsoluteTolerance));

        // (2) Number the refused lines (DuckDB numbered its own reader errors). A line that fails, fails wherever it
        // occurs, so finding every line with that text is exact; the count check catches a hash collision.
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {FailTable} (line_no BIGINT, raw VARCHAR)");
        if (failing > 0)
        {
            var numbered = ObservationLineFinder.Find(sql.Path, refused.Distinct(StringComparer.Ordinal));
            if (numbered.Count != failing) return null;
            using var appender = connection.CreateAppender(FailTable);
            foreach (var (lineNo, raw) in numbered) appender.CreateRow().AppendValue(lineNo).AppendValue(raw).EndRow();
        }

        // (3) Stage the refused lines and the reader's errors (wrong column counts, unknown codes, bad years) for the exact checks.
        ObservationStaging.Create(connection);
        var fields = string.Join(", ", header.Positions.Select(p => p < 0 ? "NULL" : $"f[{p + 1}]"));
        var columns = string.Join(", ", ObservationFormat.AllColumns);
        var staging = $"""
            INSERT INTO {ObservationStaging.StageTable} (line_no, raw, parse_error, parse_detail, {columns})
            SELECT line_no, raw,
                   {ObservationRules.ColumnCountSql("f", header.FieldCount)},
                   CASE WHEN len(f) <> {header.FieldCount} THEN len(f)::VARCHAR END,
                   {fields}
            FROM (SELECT line_no, raw, string_split(raw, ',') AS f FROM (
            """;
        connection.Execute(staging + $"SELECT line_no, raw FROM {FailTable}))");
        if (readerErrors > 0)
        {
            connection.Execute(staging + $"SELECT DISTINCT line AS line_no, csv_line AS raw FROM {ObservationFastSql.ErrorsTable}))");
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

        // (5) The exact checks for the staged lines: reasons, did-you-mean, normalised rows loaded. They are written under a
        // provisional load id first, so that the rows they load can be handed to the key screen, then take the real one.
        var stagedLines = connection.ScalarLong($"SELECT count(*) FROM {ObservationStaging.StageTable}");
        var rest = ObservationChecks.Apply(connection, ObservationStaging.StageTable, stagedLines, -loadId, path, defaultSource, compareWithWarehouse: false);
        if (rest.Unchanged > 0 || rest.Superseded > 0 || rest.Warned > 0) return null;

        // (6) Duplicates and F + M vs T over every row this load wrote (screened again only when staged rows joined them).
        var problems = screening.GetAwaiter().GetResult();
        if (rest.Loaded > 0)
        {
            connection.Execute(sql.GateStagedRowsSql(gateName), ("load", loadId));
            problems = gate.Screen.HasProblems(ObservationFormat.SexTotalRelativeTolerance, ObservationFormat.SexTotalAbsoluteTolerance);
            connection.Execute("UPDATE fact_observation SET load_id = $load WHERE load_id = -$load", ("load", loadId));
        }
        if (rest.Loaded + rest.Rejected > 0) connection.Execute("UPDATE etl_reject SET load_id = $load WHERE load_id = -$load", ("load", loadId));
        if (problems || gate.Screen.Rows != inserted + rest.Loaded) return null;

        var loaded = connection.ScalarLong("SELECT count(*) FROM fact_observation WHERE load_id = $load", ("load", loadId));
        if (loaded + rest.Rejected != staged.DataLines) return null;
        return new FileOutcome(staged.DataLines, loaded, rest.Rejected, 0, 0, 0, rest.RejectedByReason);
    }
}
