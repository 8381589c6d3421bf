using System.Diagnostics;
using DuckDB.NET.Data;
using Wcc.Reports.Forecast;
using Wcc.Reports.Forecast.Backtest;
using Wcc.Reports.Forecast.Model;
using Wcc.Warehouse.Connection;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench forecast`: times `wcc forecast` (all three methods, ML training, default-method backtest, storage)
/// and a backtest on N generated series with a target each, and prints peak memory.</summary>
public static class ForecastBenchmark
{
    /// <summary>Series generated when --series is not given.</summary>
    public const int DefaultSeries = 10_000;

    private const int Seed = 11;
    private const int FirstYear = 2008;
    private const int LastYear = 2022;
    private const int DeadlineYear = 2020;
    private const int Cutoff = 2016;
    private const double SkipYearProbability = 0.3;

    /// <summary>Parses the arguments, runs the benchmark, prints the figures.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var series = DefaultSeries;
        string? db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--series" && i + 1 < args.Length && int.TryParse(args[++i].Replace("_", ""), out var n) && n > 0) series = n;
            else if (args[i] == "--db" && i + 1 < args.Length) db = args[++i];
            else
            {
                Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
                return 2;
            }
        }
        using var connection = WarehouseFile.Open(db ?? ":memory:", WarehouseAccess.ReadWrite);
        var clock = Stopwatch.StartNew();
        var rows = Generate(connection, series);
        output.WriteLine($"generated {series:N0} series, {rows:N0} observations in {clock.Elapsed.TotalSeconds:0.00} s");

        clock.Restart();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = ForecastRun.Execute(connection);
        var forecastSeconds = clock.Elapsed.TotalSeconds;
        // CPU time beside wall time: on a shared machine the wall time measures the other jobs as much as this one.
        var forecastCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        output.WriteLine($"forecast: {summary.Rows:N0} rows ({summary.Cases:N0} cases x {MethodNames.All.Count} methods), ml trained on {summary.Ml.Rows:N0} examples"
            + $"{(summary.Ml.FallbackReason is null ? "" : " (fallback)")}, default {summary.Default.Method}: {forecastSeconds:0.00} s (CPU {forecastCpu:0.00} s, load average {LoadAverage()})");

        clock.Restart();
        var report = BacktestRun.Execute(connection, Cutoff);
        output.WriteLine($"backtest --cutoff {Cutoff}: {report.Predictions.Count:N0} predictions in {clock.Elapsed.TotalSeconds:0.00} s");
        foreach (var m in report.Methods) output.WriteLine($"  {m.Method,-15} n={m.N} brier={m.Brier:0.0000} auc={m.Auc:0.000} mae={m.Mae:0.000}");

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        output.WriteLine($"peak working set: {self.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB; managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0} MB");
        return 0;
    }

    /// <summary>The 1-minute load average (Linux), so a figure says how busy the machine was; "?" elsewhere.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
        catch (UnauthorizedAccessException) { return "?"; }
    }

    /// <summary>N series over 100 indicators (a third lower-is-better), each with its own 2020 target near its trend.</summary>
    private static long Generate(DuckDBConnection connection, int seriesCount)
    {
        var random = new Random(Seed);
        const int indicators = 100;
        var areasPerIndicator = (seriesCount + indicators * 2 - 1) / (indicators * 2);
        int loadId;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO etl_run (job, status) VALUES ('bench', 'succeeded') RETURNING load_id";
            loadId = Convert.ToInt32(cmd.ExecuteScalar());
        }
        using (var areas = connection.CreateAppender("dim_area"))
        {
            // Declared areas keep `wcc check` clean on a benchmark warehouse written with --db.
            for (var a = 0; a < areasPerIndicator; a++)
            {
                areas.CreateRow().AppendValue($"9{a:00000}").AppendValue($"基准区{a}").AppendValue("district").AppendNullValue().AppendNullValue().AppendValue("bench").EndRow();
            }
        }
        using var indicatorRows = connection.CreateAppender("dim_indicator");
        using var targetRows = connection.CreateAppender("fact_target");
        using var observationRows = connection.CreateAppender("fact_observation");
        long observations = 0;
        var made = 0;
        for (var i = 0; i < indicators && made < seriesCount; i++)
        {
            var code = $"B{i:000}";
            var lowerIsBetter = i % 3 == 0;
            indicatorRows.CreateRow().AppendValue(code).AppendValue("基准" + code).AppendNullValue().AppendValue("%").AppendValue("rate")
                .AppendValue(true).AppendValue(lowerIsBetter ? "lower" : "higher").AppendValue("both").AppendValue(0.0).AppendValue(100.0)
                .AppendNullValue().AppendValue("bench").AppendValue("bench")
                .AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().EndRow(); // reporting_unit, plan_zh, domain_zh, target_source
            for (var a = 0; a < areasPerIndicator && made < seriesCount; a++)
            {
                foreach (var sex in new[] { "F", "M" })
                {
                    if (made++ >= seriesCount) break;
                    var area = $"9{a:00000}";
                    var start = 40 + random.NextDouble() * 40;
                    var slope = (lowerIsBetter ? -1 : 1) * (random.NextDouble() * 2.5 - 0.5);
                    var target = start + slope * (DeadlineYear - FirstYear) + (random.NextDouble() - 0.5) * 8;
                    targetRows.CreateRow().AppendValue(code).AppendValue(area).AppendValue(sex).AppendValue(lowerIsBetter ? "<=" : ">=")
                        .AppendValue(Math.Round(target, 1)).AppendValue((int?)DeadlineYear).AppendNullValue().AppendValue("bench").AppendValue("bench").AppendNullValue().EndRow(); // no task, no notice
                    for (var year = FirstYear; year <= LastYear; year++)
                    {
                        if (year != DeadlineYear && random.NextDouble() < SkipYearProbability) continue;
                        var value = Math.Clamp(start + slope * (year - FirstYear) + (random.NextDouble() - 0.5) * 3, 0, 100);
                        observationRows.CreateRow().AppendValue(code).AppendValue(area).AppendValue(year).AppendValue(sex).AppendValue("_T").AppendValue("_T")
                            .AppendValue(value).AppendValue("bench").AppendNullValue().AppendValue(loadId).AppendValue(true).EndRow();
                        observations++;
                    }
                }
            }
        }
        return observations;
    }
}
