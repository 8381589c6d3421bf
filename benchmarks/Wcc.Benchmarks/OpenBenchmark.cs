using System.Diagnostics;
using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Schema;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench open`: what keeping the schema current costs each writing command. Every writer open compares the
/// view and macro files' fingerprint with the warehouse's and, when they differ, re-creates all of them and checkpoints;
/// this times the open against DuckDB's bare open of the same file, and the full refresh apart, on the default warehouse
/// and on one grown to N observations (default 1 million).</summary>
public static class OpenBenchmark
{
    /// <summary>Observations in the large warehouse when --observations is not given.</summary>
    public const long DefaultObservations = 1_000_000;

    /// <summary>Opens timed per warehouse; the median is reported.</summary>
    private const int Opens = 15;

    public static int Run(string[] args, TextWriter output)
    {
        var observations = DefaultObservations;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--observations" && i + 1 < args.Length && long.TryParse(args[++i].Replace("_", ""), out var n) && n > 0) observations = n;
            else
            {
                Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
                return 2;
            }
        }
        var work = Directory.CreateTempSubdirectory("wcc-bench-open-");
        try
        {
            var db = Path.Combine(work.FullName, "bench.duckdb");
            using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
            {
                WarehouseBuild.Run(connection, new BuildOptions(PackBenchmark.FindSeeds(), () => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            }
            Measure(output, "default warehouse", db);
            using (var connection = WarehouseFile.Open(db, WarehouseAccess.Update))
            {
                PackBenchmark.AddNationalCounties(connection, observations - PackBenchmark.Count(connection));
                output.WriteLine($"grown to {PackBenchmark.Count(connection):N0} observations");
            }
            Measure(output, $"{observations / 1e6:0.#} M observations", db);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Measure(TextWriter output, string label, string db)
    {
        var bare = Median(() => { using var c = new DuckDBConnection($"DataSource={db}"); c.Open(); });
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var writer = Median(() => WarehouseFile.Open(db, WarehouseAccess.Update).Dispose());
        var writerCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (Opens + 1);
        var reader = Median(() => WarehouseFile.Open(db, WarehouseAccess.ReadOnly).Dispose());
        output.WriteLine($"{label}: writer open, files unchanged {writer:0} ms (bare DuckDB open {bare:0} ms, so the check costs {writer - bare:0} ms; CPU time per writer open {writerCpu:0} ms); reader open {reader:0} ms (median of {Opens})");
        var (create, checkpoint) = Parts(db);
        output.WriteLine($"  a full refresh (a view or macro file changed): re-creating {SchemaCatalog.Embedded.ApplyOrder.Count(m => !m.IsTable)} views and macros {create:0} ms, CHECKPOINT {checkpoint:0} ms (medians)");
    }

    /// <summary>The two steps of the refresh, timed apart on a bare connection.</summary>
    private static (double Create, double Checkpoint) Parts(string db)
    {
        var creates = new List<double>();
        var checkpoints = new List<double>();
        using var connection = new DuckDBConnection($"DataSource={db}");
        connection.Open();
        for (var i = 0; i < Opens; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var tx = connection.BeginTransaction())
            {
                foreach (var model in SchemaCatalog.Embedded.ApplyOrder.Where(m => !m.IsTable)) connection.Execute(model.Sql);
                tx.Commit();
            }
            creates.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            connection.Execute("CHECKPOINT");
            checkpoints.Add(clock.Elapsed.TotalMilliseconds);
        }
        creates.Sort();
        checkpoints.Sort();
        return (creates[Opens / 2], checkpoints[Opens / 2]);
    }

    private static double Median(Action open)
    {
        open();
        var times = new List<double>();
        for (var i = 0; i < Opens; i++)
        {
            var clock = Stopwatch.StartNew();
            open();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
