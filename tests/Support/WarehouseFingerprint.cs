using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Support;

/// <summary>An order-independent digest of every base table (row count and summed row hashes), to prove a warehouse did or did not change.</summary>
/// <remarks>Timestamp columns (etl_run.started_at ...) are left out: two runs of the same load differ only in the clock.</remarks>
public static class WarehouseFingerprint
{
    /// <summary>One "table:rows:hash" entry per base table, sorted; equal strings mean equal contents.</summary>
    public static string Of(string path)
    {
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        var columns = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_catalog = c.table_catalog
                WHERE c.table_schema = 'main' AND t.table_type = 'BASE TABLE' AND c.table_catalog = current_database()
                ORDER BY c.table_name, c.ordinal_position
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!columns.TryGetValue(r.GetString(0), out var list)) columns[r.GetString(0)] = list = [];
                if (!r.GetString(2).StartsWith("TIMESTAMP", StringComparison.Ordinal)) list.Add("\"" + r.GetString(1) + "\"");
            }
        }
        var parts = new List<string>();
        foreach (var (table, list) in columns)
        {
            using var cmd = connection.CreateCommand();
            // Table and column names come from the catalogue, not from input.
            cmd.CommandText = $"SELECT count(*), coalesce(sum(hash({string.Join(", ", list)})::HUGEINT), 0)::VARCHAR FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            r.Read();
            parts.Add($"{table}:{r.GetInt64(0)}:{r.GetString(1)}");
        }
        return string.Join("\n", parts);
    }

    /// <summary>Row count of <paramref name="table"/> read from a fingerprint.</summary>
    public static long Rows(string fingerprint, string table) =>
        long.Parse(fingerprint.Split('\n').Single(p => p.StartsWith(table + ":", StringComparison.Ordinal)).Split(':')[1]);
}
