using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Query;

/// <summary>
/// Lets a researcher's statement run only if DuckDB itself says it is a query.
/// </summary>
/// <remarks>
/// Read-only mode refuses changes to tables, and <c>enable_external_access = false</c> refuses other files, but neither
/// stops <c>COPY ... TO</c> or <c>EXPORT DATABASE</c> from writing the warehouse's own file or its WAL. So before a
/// statement runs, DuckDB parses it (<c>duckdb_extract_statements</c>) and binds it (<c>duckdb_prepare</c>), and the
/// prepared statement's type (<c>duckdb_prepared_statement_type</c>) must be SELECT: that covers SELECT, FROM, WITH,
/// VALUES, SHOW, DESCRIBE, SUMMARIZE and read-only PRAGMAs, and nothing that writes, attaches, installs, loads or
/// changes a setting. The text checked is exactly the text then run.
/// </remarks>
public static class ReadOnlyGate
{
    /// <summary>DuckDB's <c>duckdb_statement_type</c> value for a query.</summary>
    private const int SelectStatementType = 1;

    /// <summary>Refuses <paramref name="sql"/> unless it is exactly one statement of query type; DuckDB's parse and bind errors surface as <see cref="StatementError"/>.</summary>
    /// <param name="label">How messages name the statement ("statement 2 (line 5)").</param>
    public static void Check(DuckDBConnection connection, string sql, string label)
    {
        var count = NativeMethods.ExtractStatements.DuckDBExtractStatements(connection.NativeConnection, sql, out var extracted);
        using (extracted)
        {
            if (count <= 0)
            {
                var error = NativeMethods.ExtractStatements.DuckDBExtractStatementsError(extracted);
                if (string.IsNullOrEmpty(error)) throw new WccException($"{label} is empty", "write a query, e.g. SELECT * FROM v_task_assignment LIMIT 5;");
                throw new StatementError(error);
            }
            if (count > 1)
            {
                // Happens for statements DuckDB expands into several (a bare PIVOT creates a type first).
                throw Refused(label, "expands to several statements", "write it as a query: SELECT * FROM (PIVOT ...)");
            }
            var state = NativeMethods.ExtractStatements.DuckDBPrepareExtractedStatement(connection.NativeConnection, extracted, 0, out var prepared);
            using (prepared)
            {
                if (state != DuckDBState.Success)
                {
                    // Binding failed, so DuckDB gives no type (a COPY to a forbidden path fails here). The parser alone
                    // still knows whether it is a query: refuse anything else now, before any statement of the script runs.
                    if (!ParsesAsQuery(connection, sql)) throw Refused(label, $"is {FirstWord(sql)}, not a query", null);
                    throw new StatementError(NativeMethods.PreparedStatements.DuckDBPrepareError(prepared) ?? "cannot prepare the statement");
                }
                var type = PreparedStatementType(prepared.DangerousGetHandle());
                if (type != SelectStatementType) throw Refused(label, $"is {Describe(type, sql)}, not a query", null);
            }
        }
    }

    /// <summary>DuckDB's parser serialises only SELECT statements (<c>json_serialize_sql</c>); anything else reports an error.</summary>
    private static bool ParsesAsQuery(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json_extract_string(json_serialize_sql($sql::VARCHAR), '$.error') = 'false'";
        cmd.Parameters.Add(new DuckDBParameter("sql", sql));
        return cmd.ExecuteScalar() is true;
    }

    private static WccException Refused(string label, string what, string? hint) => hint is null
        ? new($"{label} {what}: refused, and no statement of this script ran", new Remedy(RemedyAction.QueriesOnly))
        : new($"{label} {what}: refused, and no statement of this script ran", hint);

    /// <summary>The statement kind in words, from DuckDB's type and, for the message only, the statement's first word.</summary>
    private static string Describe(int type, string sql) => type switch
    {
        2 => "INSERT",
        3 => "UPDATE",
        4 => "EXPLAIN",
        5 => "DELETE",
        6 => "PREPARE",
        7 => "CREATE",
        8 => "EXECUTE",
        9 => "ALTER",
        10 => "BEGIN/COMMIT",
        11 => "COPY",
        12 => "ANALYZE",
        13 or 20 => "SET",
        14 => "CREATE FUNCTION",
        15 => "DROP",
        16 => "EXPORT",
        17 => "PRAGMA",
        18 => "VACUUM",
        19 => "CALL",
        21 => "LOAD/INSTALL",
        23 => "an extension statement",
        25 => "ATTACH",
        26 => "DETACH",
        _ => FirstWord(sql),
    };

    private static string FirstWord(string sql)
    {
        var trimmed = sql.TrimStart();
        var end = 0;
        while (end < trimmed.Length && char.IsLetter(trimmed[end])) end++;
        return end == 0 ? "non-query" : trimmed[..end].ToUpperInvariant();
    }

    // DuckDB.NET does not bind this C API function; the engine library it ships exports it.
    [DllImport("duckdb", EntryPoint = "duckdb_prepared_statement_type")]
    private static extern int PreparedStatementType(IntPtr preparedStatement);
}

/// <summary>DuckDB could not parse or bind a statement; the message is DuckDB's.</summary>
public sealed class StatementError(string message) : Exception(message);
