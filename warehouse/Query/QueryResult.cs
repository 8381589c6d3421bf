using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Query;

/// <summary>A fully read query result: column names and rows of CLR values (DBNull mapped to null).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Reads query results for the jobs and reports, and words DuckDB's errors with their position.</summary>
public static partial class QueryRunner
{
    /// <summary>Runs a query with bound parameters and reads every row (DBNull as null); DuckDB errors propagate.</summary>
    public static QueryResult Read(DuckDBConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (key, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(key, value));
        using var reader = cmd.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }

    /// <summary>One line: DuckDB's first line, plus the line and column its caret points at.</summary>
    /// <param name="firstLine">The script line on which the statement begins, so positions point into the script.</param>
    public static string Describe(string duckDbMessage, int firstLine = 1)
    {
        var lines = duckDbMessage.Split('\n');
        var text = lines[0].Trim();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var m = LinePrefix().Match(lines[i]);
            if (!m.Success) continue;
            var caret = lines[i + 1].IndexOf('^');
            if (caret >= 0) text += $" (at line {int.Parse(m.Groups[1].Value) + firstLine - 1}, column {caret - m.Length + 1})";
            break;
        }
        return text;
    }

    /// <summary>The error a query met, with what to do about it when there is something to say.</summary>
    public static WccException ErrorFor(string text, string message) =>
        message.Contains("read-only mode", StringComparison.Ordinal)
            ? new WccException(text, new Remedy(RemedyAction.QueriesOnly))
            : message.Contains("Permission Error", StringComparison.Ordinal)
              || message.Contains("external access is disabled", StringComparison.OrdinalIgnoreCase)
              || message.Contains("configuration has been locked", StringComparison.OrdinalIgnoreCase)
                ? new WccException(text, new Remedy(RemedyAction.QueriesReadOnlyTheWarehouse))
            : message.Contains("does not exist", StringComparison.Ordinal)
                ? new WccException(text, "`.tables` in the shell (or SHOW TABLES) lists what exists")
                : new WccException(text);

    [GeneratedRegex(@"^LINE (\d+): ")]
    private static partial Regex LinePrefix();
}
