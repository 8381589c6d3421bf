namespace Wcc.Warehouse.Query;

/// <summary>How a result column's DuckDB text is to be written by an exact writer (CSV, JSON).</summary>
public enum ValueKind
{
    /// <summary>Integers of any width, HUGEINT and DECIMAL: DuckDB's exact digits, a JSON number.</summary>
    Number,

    /// <summary>FLOAT and DOUBLE: DuckDB's shortest round-trip digits; <c>nan</c>/<c>inf</c> are not JSON numbers.</summary>
    Float,

    /// <summary>BOOLEAN: <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>Lists, arrays, structs, maps and unions, as JSON text (DuckDB's <c>to_json</c>).</summary>
    Json,

    /// <summary>BLOB as base64.</summary>
    Base64,

    /// <summary>Everything else (text, dates and times in ISO 8601, intervals, UUIDs, enums), as DuckDB writes it.</summary>
    Text,
}

/// <summary>A column of a research query's result: its name, DuckDB type and how its values are written.</summary>
public sealed record ResultColumn(string Name, string DuckDbType, ValueKind Kind);

/// <summary>Receives a result as it streams: the columns once, then each row's values as DuckDB text (null for NULL).</summary>
public interface IResultSink
{
    void Begin(SqlStatementText statement, IReadOnlyList<ResultColumn> columns);

    /// <returns>False to stop reading (e.g. a table display that has shown enough rows).</returns>
    bool Row(IReadOnlyList<string?> values);

    void End(long rowsRead, bool stoppedEarly);
}
