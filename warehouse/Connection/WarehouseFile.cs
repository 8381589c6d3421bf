using System.Diagnostics;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Warehouse.Schema;

namespace Wcc.Warehouse.Connection;

/// <summary>Opens warehouse files and turns DuckDB's low-level failures into messages people can act on.</summary>
public static partial class WarehouseFile
{
    /// <summary>Where <c>wcc</c> keeps the warehouse when no <c>--db</c> is given.</summary>
    public const string DefaultPath = "out/wcc.duckdb";

    /// <summary>How long a writer waits for readers to finish their queries before giving up.</summary>
    /// <remarks>Readers (<c>wcc sql</c>, reports) hold the file only while a query runs, so a writer waits for them
    /// rather than failing; a writer holding the file is not waited for (its job may take minutes).</remarks>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(30);

    /// <summary>Where notices such as "waiting for PID n" go; the CLI points it at standard error.</summary>
    public static TextWriter Notices { get; set; } = TextWriter.Null;

    /// <summary>Opens (and for writers creates and migrates) the warehouse at <paramref name="path"/>.</summary>
    /// <param name="path">A file path, or <c>:memory:</c> for a throw-away warehouse (tests).</param>
    /// <param name="initialiseForeign">Allow turning a DuckDB file that holds other tables into a warehouse (the CLI's build with its init option).</param>
    public static DuckDBConnection Open(string path, WarehouseAccess access, bool initialiseForeign = false)
    {
        var inMemory = path == ":memory:";
        if (!inMemory)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new WccException($"{InputOption.WarehouseFile.Ref()} is empty", $"give the warehouse file, e.g. {InputOption.WarehouseFile.Ref()} {DefaultPath}", exitCode: 2);
            }
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new WccException($"{InputOption.WarehouseFile.Ref()} {path} is a folder, not a warehouse file", $"give a file path, e.g. {InputOption.WarehouseFile.Ref()} {Path.Combine(path, "wcc.duckdb")}", exitCode: 2);
            }
            if (access != WarehouseAccess.ReadWrite && !File.Exists(full))
            {
                throw new WccException($"no warehouse at {path}", new Remedy(RemedyAction.BuildWarehouse), exitCode: 2);
            }
            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }

        var connection = OpenWaitingForReaders(path, access);
        try
        {
            if (access == WarehouseAccess.ReadOnly)
            {
                SchemaMigrator.RequireCurrent(connection, path);
            }
            else
            {
                if (!initialiseForeign) RefuseForeignDatabase(connection, path);
                SchemaMigrator.EnsureCurrent(connection);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    /// <summary>How every warehouse connection is opened (<paramref name="path"/> a file or <c>:memory:</c>), before any
    /// schema check: read-only when asked, and never reaching for the network.</summary>
    public static string ConnectionString(string path, WarehouseAccess access)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (access == WarehouseAccess.ReadOnly && path != ":memory:") builder["ACCESS_MODE"] = "READ_ONLY";
        // Never reach for the network: a file that is not a DuckDB database otherwise makes DuckDB try to download an
        // extension (sqlite) to read it, and a query naming an extension's function would try to install it.
        builder["autoinstall_known_extensions"] = "false";
        builder["autoload_known_extensions"] = "false";
        return builder.ConnectionString;
    }

    private static DuckDBConnection OpenWaitingForReaders(string path, WarehouseAccess access)
    {
        var connectionString = ConnectionString(path, access);
        var clock = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            var connection = new DuckDBConnection(connectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex)
            {
                connection.Dispose();
                var error = Translate(ex, path, access);
                var readerToWaitFor = access != WarehouseAccess.ReadOnly && error is WarehouseLockedException { Kind: LockKind.Read };
                if (!readerToWaitFor || clock.Elapsed >= ReaderWait) throw error;
                if (!announced)
                {
                    Notices.WriteLine($"waiting for PID {((WarehouseLockedException)error).Pid} to finish reading {path} …");
                    announced = true;
                }
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>A writer never silently turns somebody's other DuckDB database into a warehouse.</summary>
    private static void RefuseForeignDatabase(DuckDBConnection connection, string path)
    {
        if (SchemaMigrator.ReadVersion(connection) is not null) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT string_agg(table_name, ', ' ORDER BY table_name), count(*)
            FROM information_schema.tables WHERE table_catalog = current_database()
            """;
        using var reader = cmd.ExecuteReader();
        reader.Read();
        if (reader.GetInt64(1) == 0) return;
        var names = reader.GetString(0);
        throw new WccException(
            $"{path} is a DuckDB database but not a wcc warehouse (it holds {reader.GetInt64(1)} other table(s): {Shorten(names)})",
            new Remedy(RemedyAction.InitForeignDatabase),
            exitCode: 2);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    /// <summary>Maps DuckDB's open errors (locks, corrupt files) to <see cref="WccException"/>s.</summary>
    /// <param name="access">How we tried to open it: a read-only open conflicts only with a writer's lock.</param>
    public static WccException Translate(DuckDBException ex, string path, WarehouseAccess access = WarehouseAccess.ReadWrite)
    {
        var message = ex.Message;
        if (message.Contains("Could not set lock", StringComparison.Ordinal) || message.Contains("Conflicting lock", StringComparison.Ordinal))
        {
            var pid = PidPattern().Match(message);
            int? holder = pid.Success ? int.Parse(pid.Groups[1].Value) : null;
            // Readers share the file, so what stops a reader is always a writer (and the holder may be gone by the time we
            // would look); a writer may be stopped by either, which the kernel's lock table tells.
            var kind = access == WarehouseAccess.ReadOnly ? LockKind.Write
                : holder is null ? LockKind.Unknown : LockHolder.KindHeldBy(holder.Value, path);
            return new WarehouseLockedException(path, holder, kind);
        }
        if (message.Contains("not a valid DuckDB database", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Invalid Input Error", StringComparison.Ordinal) && message.Contains("database", StringComparison.OrdinalIgnoreCase)
            || message.Contains("extension", StringComparison.OrdinalIgnoreCase) && message.Contains("autoload", StringComparison.OrdinalIgnoreCase))
        {
            return new WccException($"{path} is not a DuckDB warehouse ({FirstLine(message)})", new Remedy(RemedyAction.ReplaceForeignFile));
        }
        if (message.Contains("Failure while replaying WAL", StringComparison.Ordinal))
        {
            return new WccException(
                $"{path} has a write-ahead log ({path}.wal) left by a writer that stopped before its checkpoint, and DuckDB cannot replay it read-only",
                new Remedy(RemedyAction.FoldWriteAheadLog, path));
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
