using DuckDB.NET.Data;

namespace Wcc.Etl.Seeds;

/// <summary>The <c>origin</c> value of reference rows and the small queries the loaders share.</summary>
public static class SeedOrigin
{
    /// <summary>Origin of rows loaded from the repository's seeds/ folder; researcher files pass their own.</summary>
    public const string Seed = "seed";

    /// <summary>Refuses an empty origin, which would make "replace my rows" ambiguous.</summary>
    public static string Check(string origin) =>
        string.IsNullOrWhiteSpace(origin) ? throw new ArgumentException("origin must not be empty", nameof(origin)) : origin;

    /// <summary>Deletes the rows of <paramref name="table"/> that <paramref name="origin"/> loaded before (the loaders replace, never append).</summary>
    /// <remarks><paramref name="table"/> is one of our own table names, never user input.</remarks>
    public static void DeleteRows(DuckDBConnection connection, string table, string origin)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DELETE FROM {table} WHERE origin = $origin";
        cmd.Parameters.Add(new DuckDBParameter("origin", origin));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Reads one string column (keys of rows declared by other origins, references) into a set.</summary>
    public static HashSet<string> ReadSet(DuckDBConnection connection, string sql, string? origin = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (origin is not null) cmd.Parameters.Add(new DuckDBParameter("origin", origin));
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) set.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return set;
    }
}
