using System.Security.Cryptography;
using DuckDB.NET.Data;

namespace Wcc.Etl.Audit;

/// <summary>Row counts of one ETL run; <c>In</c> must equal <c>Loaded + Rejected</c>.</summary>
public sealed record RowCounts(long In, long Loaded, long Rejected, long Warned = 0);

/// <summary>Records a run in <c>etl_run</c>: created when the job starts, closed with its row counts.</summary>
/// <remarks>Created inside the job's transaction, so a failed job leaves no trace but its failure line.</remarks>
public sealed class EtlRun
{
    private readonly DuckDBConnection connection;

    /// <summary>The load id facts written by this run carry.</summary>
    public int LoadId { get; }

    private EtlRun(DuckDBConnection connection, int loadId)
    {
        this.connection = connection;
        LoadId = loadId;
    }

    /// <summary>Inserts a running row for <paramref name="job"/> reading <paramref name="filePath"/> (or null).</summary>
    /// <param name="startedAt">Passed in so builds stay reproducible in tests; the CLI passes the wall clock.</param>
    /// <param name="fileSha256">The file's hash when the caller already streamed it (large loads), so it is not read twice.</param>
    public static EtlRun Start(DuckDBConnection connection, string job, string? filePath, DateTime startedAt, string? fileSha256 = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO etl_run (job, file_path, file_sha256, started_at, status)
            VALUES ($job, $path, $sha, $started, 'running') RETURNING load_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("job", job));
        cmd.Parameters.Add(new DuckDBParameter("path", (object?)filePath ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("sha", filePath is null ? DBNull.Value : fileSha256 ?? Sha256(filePath)));
        cmd.Parameters.Add(new DuckDBParameter("started", startedAt));
        return new EtlRun(connection, Convert.ToInt32(cmd.ExecuteScalar()));
    }

    /// <summary>Records the input file's hash when it was computed alongside the run (large loads hash while DuckDB reads).</summary>
    public void RecordFileSha256(string sha256)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE etl_run SET file_sha256 = $sha WHERE load_id = $id";
        cmd.Parameters.Add(new DuckDBParameter("sha", sha256));
        cmd.Parameters.Add(new DuckDBParameter("id", LoadId));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Marks the run succeeded with its counts.</summary>
    public void Succeed(RowCounts counts, DateTime finishedAt, string? message = null)
    {
        if (counts.In != counts.Loaded + counts.Rejected)
        {
            throw new InvalidOperationException($"row reconciliation failed: {counts.In} in, {counts.Loaded} loaded, {counts.Rejected} rejected");
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            UPDATE etl_run SET status = 'succeeded', finished_at = $finished, rows_in = $in, rows_loaded = $loaded,
                rows_rejected = $rejected, rows_warned = $warned, message = $message
            WHERE load_id = $id
            """;
        cmd.Parameters.Add(new DuckDBParameter("finished", finishedAt));
        cmd.Parameters.Add(new DuckDBParameter("in", counts.In));
        cmd.Parameters.Add(new DuckDBParameter("loaded", counts.Loaded));
        cmd.Parameters.Add(new DuckDBParameter("rejected", counts.Rejected));
        cmd.Parameters.Add(new DuckDBParameter("warned", counts.Warned));
        cmd.Parameters.Add(new DuckDBParameter("message", (object?)message ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("id", LoadId));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Hex SHA-256 of a file, streamed.</summary>
    public static string Sha256(string path)
    {
        // A 1 MiB buffer: the default 4 KiB one makes a read call per page, which showed on 10 M row loads.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
