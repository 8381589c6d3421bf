using System.Diagnostics;
using DuckDB.NET.Data;
using Wcc.Etl.Observations;
using Wcc.Warehouse.Connection;

namespace Wcc.Benchmarks;

/// <summary>Times (a) a bare DuckDB COPY of the file and (b) the full observation load with every check, in one run.</summary>
public static class IngestBenchmark
{
    /// <summary>Rows generated when --rows is not given.</summary>
    public const long DefaultRows = 10_000_000;

    /// <summary>Target: the full load at most this many times slower than a bare COPY.</summary>
    public const double TargetRatio = 1.3;

    /// <summary>Target peak resident memory of the load.</summary>
    public const long TargetPeakBytes = 2L << 30;

    /// <summary>Runs of (a) and (b) when --repeat is not given; the ratio is taken between their medians.</summary>
    public const int DefaultRepeats = 3;

    /// <summary>Source text of the GB18030 comparison: Chinese, so that the two encodings differ in every row.</summary>
    private const string ChineseSource = "西安市统计局年报";

    /// <param name="gb18030">Also time the load of a GB18030 CRLF file (as Excel on a Chinese Windows saves it) against the
    /// COPY of its UTF-8 LF twin, in the same runs.</param>
    /// <param name="general">Also time the load through the general checks alone (the path of files that are not clean
    /// UTF-8 or that meet rows already loaded), against the same COPY.</param>
    public static int Run(long rows, int repeats, bool badValues, TextWriter output, bool gb18030 = false, bool general = false)
    {
        var dir = Directory.CreateTempSubdirectory("wcc-bench-").FullName;
        try
        {
            var csv = Path.Combine(dir, "observations.csv");
            var clock = Stopwatch.StartNew();
            ObservationGenerator.Write(csv, rows, badValues);
            output.WriteLine($"generated {rows:N0} rows ({new FileInfo(csv).Length / 1e6:N0} MB, a bad {(badValues ? "value" : "indicator code")} " +
                             $"every {ObservationGenerator.BadRowEvery:N0} rows) in {clock.Elapsed.TotalSeconds:N1} s: {csv}");
            var twin = Path.Combine(dir, "observations-utf8-twin.csv");
            var excel = Path.Combine(dir, "observations-gb18030-crlf.csv");
            if (gb18030)
            {
                clock.Restart();
                ObservationGenerator.Write(twin, rows, badValues, ChineseSource);
                ObservationGenerator.Write(excel, rows, badValues, ChineseSource, Wcc.Warehouse.Text.TextDecoder.StrictGb18030, "\r\n");
                output.WriteLine($"generated the GB18030 CRLF file ({new FileInfo(excel).Length / 1e6:N0} MB) and its UTF-8 LF twin " +
                                 $"({new FileInfo(twin).Length / 1e6:N0} MB), source '{ChineseSource}', in {clock.Elapsed.TotalSeconds:N1} s");
            }
            output.WriteLine($"{repeats} run(s) of each, alternating, every one into a fresh database file (the machine's noise is a few per cent)");
            var generalLoads = new List<double>();
            var twinCopies = new List<double>();
            var excelLoads = new List<double>();

            var copies = new List<double>();
            var loads = new List<double>();
            long peak = 0;
            var peakSource = "";
            // One timed load of `file` into a fresh, seeded database: its seconds go to `times`, its peak memory to `peak`;
            // false when the rows do not reconcile.
            bool TimedLoad(int run, string name, string label, string file, bool fastPath, List<double> times)
            {
                using var connection = WarehouseFile.Open(Path.Combine(dir, $"{name}{run}.duckdb"), WarehouseAccess.ReadWrite);
                SeedDimensions(connection, ObservationGenerator.AreasNeeded(rows));
                peakSource = PeakMemory.Reset() ? "VmHWM after reset" : "whole process; HWM reset not permitted";
                var timer = Stopwatch.StartNew();
                var result = ObservationLoad.Run(connection, new ObservationLoadOptions([file], () => DateTime.UtcNow, DisableFastPath: !fastPath));
                times.Add(timer.Elapsed.TotalSeconds);
                peak = Math.Max(peak, PeakMemory.Bytes());
                var loaded = result.Files[0];
                output.WriteLine($"run {run} {label}: {times[^1],6:N2} s  (route {loaded.Route}, encoding {loaded.Encoding}, pass {loaded.Pass}; " +
                                 $"loaded {result.RowsLoaded:N0}, rejected {result.RowsRejected:N0}, warned {result.RowsWarned:N0})");
                return Reconciles(connection, result, rows, output);
            }

            for (var run = 1; run <= repeats; run++)
            {
                copies.Add(TimeCopy(Path.Combine(dir, $"copy{run}.duckdb"), csv, rows));
                output.WriteLine($"run {run} (a) bare COPY: {copies[^1],6:N2} s");

                if (!TimedLoad(run, "load", "(b) full load", csv, fastPath: true, loads)) return 1;
                if (general && !TimedLoad(run, "general", "(e) general checks only", csv, fastPath: false, generalLoads)) return 1;
                if (!gb18030) continue;

                twinCopies.Add(TimeCopy(Path.Combine(dir, $"twin{run}.duckdb"), twin, rows));
                output.WriteLine($"run {run} (c) bare COPY of the UTF-8 twin: {twinCopies[^1],6:N2} s");
                if (!TimedLoad(run, "excel", "(d) full load of the GB18030 CRLF file", excel, fastPath: true, excelLoads)) return 1;
            }

            var copySeconds = Median(copies);
            var loadSeconds = Median(loads);
            output.WriteLine($"(a) bare COPY:  {copySeconds,7:N2} s  {rows / copySeconds,12:N0} rows/s  (median)");
            output.WriteLine($"(b) full load:  {loadSeconds,7:N2} s  {rows / loadSeconds,12:N0} rows/s  (median)");
            output.WriteLine($"ratio b/a: {loadSeconds / copySeconds:N2} (target <= {TargetRatio}); per run: {string.Join(", ", loads.Zip(copies, (l, c) => (l / c).ToString("N2")))}");
            if (gb18030)
            {
                var twinSeconds = Median(twinCopies);
                var excelSeconds = Median(excelLoads);
                output.WriteLine($"(c) bare COPY of the UTF-8 twin:       {twinSeconds,7:N2} s  (median)");
                output.WriteLine($"(d) full load of the GB18030 CRLF file: {excelSeconds,7:N2} s  (median)");
                output.WriteLine($"ratio d/c: {excelSeconds / twinSeconds:N2}; per run: {string.Join(", ", excelLoads.Zip(twinCopies, (l, c) => (l / c).ToString("N2")))}");
            }
            if (general)
            {
                var generalSeconds = Median(generalLoads);
                output.WriteLine($"(e) general checks only: {generalSeconds,7:N2} s  (median)");
                output.WriteLine($"ratio e/a: {generalSeconds / copySeconds:N2}; per run: {string.Join(", ", generalLoads.Zip(copies, (l, c) => (l / c).ToString("N2")))}");
            }
            output.WriteLine($"peak memory of the load: {peak / (1024.0 * 1024 * 1024):N2} GiB (target <= {TargetPeakBytes >> 30} GiB; {peakSource})");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Rows in = loaded + rejected, and the planted bad rows were refused at their own line numbers.</summary>
    private static bool Reconciles(DuckDBConnection connection, ObservationLoadResult result, long rows, TextWriter output)
    {
        if (result.RowsIn != rows || result.RowsLoaded + result.RowsRejected != rows)
        {
            output.WriteLine($"RECONCILIATION FAILED: {rows} generated, {result.RowsIn} read");
            return false;
        }
        // The generator plants a bad row at every BadRowEvery-th data row: their line numbers prove lines are numbered in order.
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FILTER (WHERE (line_no - 1) % $every <> 0), count(*) FROM etl_reject WHERE severity = 'error'";
        check.Parameters.Add(new DuckDBParameter("every", ObservationGenerator.BadRowEvery));
        using var reader = check.ExecuteReader();
        reader.Read();
        var misplaced = reader.GetInt64(0);
        var refused = reader.GetInt64(1);
        var expected = rows / ObservationGenerator.BadRowEvery;
        var atPlantedLines = misplaced == 0 && refused == expected;
        output.WriteLine($"    rows in = loaded + rejected: {result.RowsIn:N0} = {result.RowsLoaded:N0} + {result.RowsRejected:N0}; " +
                         $"rejected at the expected lines: {(atPlantedLines ? "yes" : $"NO ({misplaced} misplaced, {refused} of {expected})")}");
        return atPlantedLines;
    }

    private static void SeedDimensions(DuckDBConnection connection, int areas)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, lower_bound, upper_bound)
            SELECT printf('B%03d', i), '基准指标' || i,
                   CASE WHEN i % 3 = 0 THEN 'persons' ELSE '%' END, CASE WHEN i % 3 = 0 THEN 'count' ELSE 'rate' END,
                   true, 'higher', 'both', CASE WHEN i % 3 = 0 THEN NULL ELSE 0 END, CASE WHEN i % 3 = 0 THEN NULL ELSE 100 END
            FROM range({ObservationGenerator.Indicators}) t(i);
            INSERT INTO dim_area (area_code, area_name, area_level) SELECT (610000 + a)::VARCHAR, '基准地区' || a, 'district' FROM range($areas) t(a);
            """;
        cmd.Parameters.Add(new DuckDBParameter("areas", areas));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Times a bare COPY of the file into a same-shaped table of a fresh database file.</summary>
    private static double TimeCopy(string databasePath, string csv, long rows)
    {
        using var connection = WarehouseFile.Open(databasePath, WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE bench_copy (indicator_code VARCHAR, area_code VARCHAR, year INTEGER, sex VARCHAR, value DOUBLE,
                                     age_group VARCHAR, urban_rural VARCHAR, source VARCHAR, status VARCHAR)
            """;
        cmd.ExecuteNonQuery();
        var clock = Stopwatch.StartNew();
        // The path is our own temp file; COPY cannot bind it as a parameter, so quotes are doubled.
        cmd.CommandText = $"COPY bench_copy FROM '{csv.Replace("'", "''")}' (HEADER)";
        var copied = Convert.ToInt64(cmd.ExecuteNonQuery());
        var seconds = clock.Elapsed.TotalSeconds;
        if (copied != rows) throw new InvalidOperationException($"COPY read {copied} rows, expected {rows}");
        return seconds;
    }
}
