using DuckDB.NET.Data;

namespace Wcc.Warehouse.Query;

/// <summary>The two statement shapes every job needs, with values always bound as <c>$name</c> parameters.</summary>
public static class SqlCommands
{
    /// <summary>Runs statements; returns the rows changed (DuckDB reports the count for INSERT, UPDATE and DELETE).</summary>
    public static long Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Prepare(connection, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as a long (counts, ids).</summary>
    public static long ScalarLong(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Prepare(connection, sql, parameters);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static DuckDBCommand Prepare(DuckDBConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return cmd;
    }
}
