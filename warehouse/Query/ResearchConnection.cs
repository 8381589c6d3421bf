using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Query;

/// <summary>
/// A read-only, sandboxed connection for researchers' SQL (<c>wcc sql</c>): every statement passes the
/// <see cref="ReadOnlyGate"/>, results stream row by row and come back as DuckDB's own exact text.
/// </summary>
public sealed class ResearchConnection : IDisposable
{
    private readonly DuckDBConnection connection;
    private static readonly Dictionary<string, object> NoParameters = [];
    private DuckDBCommand? running;
    private IReadOnlyDictionary<string, object> parameters = NoParameters;

    private ResearchConnection(DuckDBConnection connection) => this.connection = connection;

    /// <summary>Opens the warehouse read-only; <paramref name="readableDirectories"/> are the only folders whose files queries may read.</summary>
    public static ResearchConnection Open(string path, IReadOnlyList<string> readableDirectories)
    {
        var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        try
        {
            Sandbox(connection, readableDirectories);
            return new ResearchConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// External access off (no other files, no ATTACH, no extensions), except reads under the researcher's own
    /// <c>--allow-read</c> folders, then the configuration locked so no statement can switch it back.
    /// </summary>
    private static void Sandbox(DuckDBConnection connection, IReadOnlyList<string> readableDirectories)
    {
        if (readableDirectories.Count > 0)
        {
            using var allow = connection.CreateCommand();
            // A trailing separator so that --allow-read /data does not also open /database.
            allow.CommandText = "SET allowed_directories = $dirs";
            allow.Parameters.Add(new DuckDBParameter("dirs",
                readableDirectories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)) + Path.DirectorySeparatorChar).ToList()));
            allow.ExecuteNonQuery();
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SET enable_external_access = false; SET lock_configuration = true;";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Checks and runs one statement, streaming its rows into <paramref name="sink"/>; errors become <see cref="WccException"/>s naming the statement.</summary>
    /// <param name="parameters">Values bound to <c>$name</c> parameters (the shell's own catalogue queries); none for researchers' SQL.</param>
    public void Run(SqlStatementText statement, IResultSink sink, IReadOnlyDictionary<string, object>? parameters = null)
    {
        this.parameters = parameters ?? NoParameters;
        var label = Label(statement);
        try
        {
            ReadOnlyGate.Check(connection, statement.Text, label);
            var columns = ProbeColumns(statement, label);
            var sql = columns is null ? statement.Text : ExactTextQuery(statement.Text, columns);
            if (columns is not null) ReadOnlyGate.Check(connection, sql, label);
            Stream(statement, sql, columns, sink);
        }
        catch (DuckDBException ex) when (IsInterrupt(ex))
        {
            throw Cancelled(label);
        }
        catch (OperationCanceledException)
        {
            // DuckDB.NET reports an interrupted streaming read this way.
            throw Cancelled(label);
        }
        catch (DuckDBException ex)
        {
            throw QueryRunner.ErrorFor($"{label}: {QueryRunner.Describe(ex.Message, statement.Line)}", ex.Message);
        }
        catch (StatementError ex)
        {
            throw QueryRunner.ErrorFor($"{label}: {QueryRunner.Describe(ex.Message, statement.Line)}", ex.Message);
        }
    }

    /// <summary>
    /// Refuses a statement that is not a query before anything of its script runs; parse and bind errors are left for
    /// <see cref="Run"/> to report in order (they may depend on nothing but are reported where they occur).
    /// </summary>
    public void Screen(SqlStatementText statement)
    {
        try
        {
            ReadOnlyGate.Check(connection, statement.Text, Label(statement));
        }
        catch (StatementError)
        {
        }
        catch (DuckDBException)
        {
        }
    }

    /// <summary>Asks DuckDB to stop the running statement (Ctrl-C in the shell); safe to call from another thread.</summary>
    public void Cancel() => running?.Cancel();

    private static WccException Cancelled(string label) => new($"{label} was cancelled (Ctrl-C)", null, exitCode: 130);

    public static string Label(SqlStatementText statement) => $"statement {statement.Number} (line {statement.Line})";

    /// <summary>The result's columns, read from a zero-row run of the query; null when the statement cannot be a subquery (PRAGMA).</summary>
    private List<ResultColumn>? ProbeColumns(SqlStatementText statement, string label)
    {
        var probe = $"SELECT * FROM (\n{statement.Text}\n) LIMIT 0";
        try
        {
            ReadOnlyGate.Check(connection, probe, label);
        }
        catch (StatementError)
        {
            return null;
        }
        using var cmd = Command(probe);
        using var reader = cmd.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), KindOf(reader.GetDataTypeName(i))))
            .ToList();
    }

    /// <summary>
    /// Wraps the query so DuckDB itself turns every value into exact text: DECIMAL and HUGEINT digits without a .NET
    /// conversion, ISO dates, nested values as JSON, BLOBs as base64. Columns are renamed by position, so duplicate
    /// names survive.
    /// </summary>
    private static string ExactTextQuery(string query, IReadOnlyList<ResultColumn> columns)
    {
        var positional = string.Join(", ", columns.Select((_, i) => $"c{i}"));
        var select = string.Join(", ", columns.Select((c, i) => c.Kind switch
        {
            ValueKind.Json => $"CAST(to_json(c{i}) AS VARCHAR)",
            ValueKind.Base64 => $"to_base64(c{i})",
            _ when c.DuckDbType.StartsWith("Timestamp", StringComparison.Ordinal) => $"replace(CAST(c{i} AS VARCHAR), ' ', 'T')",
            _ => $"CAST(c{i} AS VARCHAR)",
        }));
        return $"SELECT {select} FROM (\n{query}\n) AS q({positional})";
    }

    private void Stream(SqlStatementText statement, string sql, List<ResultColumn>? columns, IResultSink sink)
    {
        using var cmd = Command(sql);
        cmd.UseStreamingMode = true;
        running = cmd;
        try
        {
            using var reader = cmd.ExecuteReader();
            var exactText = columns is not null;
            columns ??= Enumerable.Range(0, reader.FieldCount)
                .Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), ValueKind.Text))
                .ToList();
            sink.Begin(statement, columns);
            var values = new string?[columns.Count];
            long rows = 0;
            var stopped = false;
            while (reader.Read())
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null
                        : exactText ? reader.GetString(i)
                        : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }
                rows++;
                if (!sink.Row(values)) { stopped = true; break; }
            }
            sink.End(rows, stopped);
        }
        finally
        {
            running = null;
        }
    }

    private DuckDBCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        return cmd;
    }

    private static ValueKind KindOf(string duckDbType) => duckDbType switch
    {
        "TinyInt" or "SmallInt" or "Integer" or "BigInt" or "HugeInt" or "UnsignedTinyInt" or "UnsignedSmallInt"
            or "UnsignedInteger" or "UnsignedBigInt" or "UnsignedHugeInt" or "Decimal" or "VarInt" or "BigNum" => ValueKind.Number,
        "Float" or "Double" => ValueKind.Float,
        "Boolean" => ValueKind.Boolean,
        "List" or "Array" or "Struct" or "Map" or "Union" => ValueKind.Json,
        "Blob" => ValueKind.Base64,
        _ => ValueKind.Text,
    };

    private static bool IsInterrupt(DuckDBException ex) =>
        ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => connection.Dispose();
}
