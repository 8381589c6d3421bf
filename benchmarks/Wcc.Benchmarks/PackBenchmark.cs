using System.Diagnostics;
using DuckDB.NET.Data;
using Wcc.Cli.Jobs;
using Wcc.Etl.Build;
using Wcc.Reports.Pack;
using Wcc.Warehouse.Connection;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench pack`: time and peak memory of `wcc pack` on the default warehouse, then on the same warehouse
/// grown to N observations (default 10 million) by a national data set of county series; each after the load (the pack
/// refreshes the stored forecasts) and again on the current warehouse (read-only).</summary>
public static class PackBenchmark
{
    /// <summary>Observations in the large warehouse when --observations is not given.</summary>
    public const long DefaultObservations = 10_000_000;

    /// <summary>Years of each generated county series: from the warehouse's first year to 2020.</summary>
    private static readonly int FirstYear = Wcc.Warehouse.Schema.WarehouseYears.First;

    private const int LastYear = 2020;

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
        var seeds = FindSeeds();
        var work = Directory.CreateTempSubdirectory("wcc-bench-pack-");
        try
        {
            var db = Path.Combine(work.FullName, "bench.duckdb");
            var build = new BuildOptions(seeds, () => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
            {
                WarehouseBuild.Run(connection, build);
                output.WriteLine($"default warehouse: {Count(connection):N0} observations");
            }
            // Twice per warehouse: first just after the data were loaded (the stored forecasts are stale, so the pack opens
            // a writer and refreshes them: what every pack did before they were stored), then again on the now current
            // warehouse (read-only, nothing recomputed: the pack alone).
            Measure(output, "pack, default warehouse, after a load (refreshes the forecasts)", () => PackJob.Run(db, build, new PackOptions(Path.Combine(work.FullName, "pack-default-refresh"))).Result);
            Measure(output, "pack, default warehouse, current", () => PackJob.Run(db, build, new PackOptions(Path.Combine(work.FullName, "pack-default"))).Result);

            using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
            {
                var held = Count(connection);
                if (observations <= held)
                {
                    // Nothing to add: a negative count would reach the generator's LIMIT.
                    output.WriteLine($"--observations {observations:N0} is not above the default warehouse's {held:N0}: only the default pack was measured");
                    return 0;
                }
                var clock = Stopwatch.StartNew();
                AddNationalCounties(connection, observations - held);
                output.WriteLine($"grown to {Count(connection):N0} observations in {clock.Elapsed.TotalSeconds:0.0} s");
            }
            Measure(output, $"pack, {observations / 1e6:0.#} M observations, after a load (refreshes the forecasts)", () => PackJob.Run(db, build, new PackOptions(Path.Combine(work.FullName, "pack-large-refresh"))).Result);
            Measure(output, $"pack, {observations / 1e6:0.#} M observations, current", () => PackJob.Run(db, build, new PackOptions(Path.Combine(work.FullName, "pack-large"))).Result);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Measure(TextWriter output, string label, Func<PackResult> run)
    {
        var resettable = PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        var result = run();
        clock.Stop();
        output.WriteLine($"{label}: {clock.Elapsed.TotalSeconds:0.0} s, peak memory {PeakMemory.Gib(PeakMemory.Bytes())}"
            + (resettable ? "" : " (process peak)") + (result.Pdf is null ? $", no PDF: {result.PdfProblem}" : ", with PDF")
            + (result.ReadOnly ? ", warehouse opened read-only" : "") + $", load average {LoadAverage()}");
    }

    /// <summary>County series for every catalogue indicator, sexes F, M and T, first year to 2020, in generated areas under
    /// the national root: the shape of a researcher's national data set, generated in SQL (no per-row inserts).</summary>
    internal static void AddNationalCounties(DuckDBConnection connection, long wanted)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM dim_indicator";
        var indicators = Convert.ToInt64(cmd.ExecuteScalar());
        var perArea = indicators * 3 * (LastYear - FirstYear + 1);
        var areas = (wanted + perArea - 1) / perArea;
        cmd.CommandText = """
            INSERT INTO etl_run (job, started_at, status, rows_in, rows_loaded) VALUES ('bench_national', TIMESTAMP '2021-01-01', 'succeeded', 0, 0);
            INSERT INTO dim_area (area_code, area_name, area_level, parent_code, is_central, origin)
            SELECT CAST(700000 + i AS VARCHAR), '基准县' || i, 'county', '100000', false, 'benchmark' FROM range($areas) r(i);
            INSERT INTO fact_observation
            SELECT i.indicator_code, CAST(700000 + a.i AS VARCHAR), y.y, s.sex, '_T', '_T',
                   greatest(coalesce(i.lower_bound, 0), least(coalesce(i.upper_bound, 1e9), 50 + (hash(a.i, y.y, s.sex, i.indicator_code) % 4000) / 100.0)),
                   'benchmark', NULL, (SELECT max(load_id) FROM etl_run), true
            FROM dim_indicator i, range($areas) a(i), range($first, $last + 1) y(y), (VALUES ('F'), ('M'), ('T')) s(sex)
            LIMIT $wanted;
            UPDATE etl_run SET rows_in = (SELECT count(*) FROM fact_observation WHERE source = 'benchmark'), rows_loaded = rows_in
            WHERE job = 'bench_national';
            """;
        cmd.Parameters.Add(new DuckDBParameter("areas", areas));
        cmd.Parameters.Add(new DuckDBParameter("first", FirstYear));
        cmd.Parameters.Add(new DuckDBParameter("last", LastYear));
        cmd.Parameters.Add(new DuckDBParameter("wanted", wanted));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The 1-minute load average after a measurement (the machine is shared: a figure means little without it).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    internal static long Count(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM fact_observation";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    internal static string FindSeeds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wcc.Analytics.sln"))) dir = dir.Parent;
        return dir is null ? "seeds" : Path.Combine(dir.FullName, "seeds");
    }
}
