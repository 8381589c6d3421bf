using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Warehouse.Schema;

namespace Wcc.Warehouse.Connection;

/// <summary>Opens warehouse files and turns DuckDB's low-level failures into messages people can act on.</summary>
public static partial class WarehouseFile
{
    /// <summary>Where <c>wcc</c> keeps the warehouse when no <c>--db</c> is given.</summary>
    public const string DefaultPath = "out/wcc.duckdb";

    /// <summary>Opens (and for writers creates and migrates) the warehouse at <paramref name="path"/>.</summary>
    /// <param name="path">A file path, or <c>:memory:</c> for a throw-away warehouse (tests).</param>
    public static DuckDBConnection Open(string path, WarehouseAccess access)
    {
        var inMemory = path == ":memory:";
        if (!inMemory)
        {
            var full = Path.GetFullPath(path);
            if (access == WarehouseAccess.ReadOnly && !File.Exists(full))
            {
                throw new WccException($"no warehouse at {path}", "build it first with `wcc build` (or pass --db PATH)", exitCode: 2);
            }
            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }

        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (access == WarehouseAccess.ReadOnly && !inMemory) builder["ACCESS_MODE"] = "READ_ONLY";
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw Translate(ex, path);
        }

        try
        {
            if (access == WarehouseAccess.ReadWrite) SchemaMigrator.EnsureCurrent(connection);
            else SchemaMigrator.RequireCurrent(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    /// <summary>Maps DuckDB's open errors (locks, corrupt files) to <see cref="WccException"/>s.</summary>
    public static WccException Translate(DuckDBException ex, string path)
    {
        var message = ex.Message;
        if (message.Contains("Could not set lock", StringComparison.Ordinal) || message.Contains("Conflicting lock", StringComparison.Ordinal))
        {
            var pid = PidPattern().Match(message);
            return new WarehouseLockedException(path, pid.Success ? int.Parse(pid.Groups[1].Value) : null);
        }
        if (message.Contains("not a valid DuckDB database", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Invalid Input Error", StringComparison.Ordinal) && message.Contains("database", StringComparison.OrdinalIgnoreCase))
        {
            return new WccException($"{path} is not a DuckDB warehouse ({FirstLine(message)})", "point --db at a file made by `wcc build`, or remove it and build again");
        }
        return new WccException($"cannot open {path}: {FirstLine(message)}");
    }

    internal static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text.Trim() : text[..end].Trim();
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex PidPattern();
}
