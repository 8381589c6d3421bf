using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Support;

/// <summary>An order-independent digest of every base table (row count and summed row hashes), to prove a warehouse did or did not change.</summary>
public static class WarehouseFingerprint
{
    /// <summary>One "table:rows:hash" entry per base table, sorted; equal strings mean equal contents.</summary>
    public static string Of(string path)
    {
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND table_catalog = current_database() ORDER BY 1";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var parts = new List<string>();
        foreach (var table in tables)
        {
            using var cmd = connection.CreateCommand();
            // Table names come from the catalogue, not from input.
            cmd.CommandText = $"SELECT count(*), coalesce(sum(hash(x)::HUGEINT), 0)::VARCHAR FROM \"{table}\" x";
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
