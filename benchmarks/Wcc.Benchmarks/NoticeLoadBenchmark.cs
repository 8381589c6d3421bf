using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Etl.Notice;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench notice-load [--count N]`: generates N synthetic notices in the corpus' layouts (as `wcc-bench notice`),
/// parses and loads each one as `wcc load --notice` does (its own transaction) into a fresh warehouse built from seeds/, prints
/// notices per second, then times research queries across all notices on a read-only connection, as `wcc sql` would run them.</summary>
/// <remarks>The notices are synthetic (labelled 合成数据 in their titles): their tasks and units come from small vocabularies.
/// Issuers are drawn from <see cref="Places"/> so that queries per issuer have groups.</remarks>
public static class NoticeLoadBenchmark
{
    /// <summary>Synthetic issuing places (甲市 … 癸县): several notices per issuer, as cycles of one committee.</summary>
    private static readonly string[] Places = ["甲市", "乙市", "丙市", "丁市", "戊市", "己市", "庚市", "辛市", "壬县", "癸县"];

    /// <summary>How often each query runs; the best run is reported beside the first (cold) one.</summary>
    private const int QueryRepeats = 5;

    /// <summary>The research queries timed across every notice: name and SQL (ordered, as a person would read them).</summary>
    private static readonly (string Name, string Sql)[] Queries =
    [
        ("tasks per issuer", """
            SELECT n.issuer, count(DISTINCT n.notice_id) AS notices, count(*) AS tasks
            FROM dim_task t JOIN dim_notice n USING (notice_id) GROUP BY n.issuer ORDER BY tasks DESC, n.issuer
            """),
        ("lead units per notice", """
            SELECT notice_id, count(DISTINCT unit_name) AS lead_units, count(*) AS lead_assignments
            FROM v_task_assignment WHERE role = 'lead' GROUP BY notice_id ORDER BY notice_id
            """),
        ("assignments x units, all notices", """
            SELECT u.unit_name, u.kind, u.full_name,
                   count(*) FILTER (WHERE a.role = 'lead') AS tasks_led,
                   count(*) FILTER (WHERE a.role = 'responsible') AS tasks_responsible,
                   count(DISTINCT a.notice_id) AS notices
            FROM v_task_assignment a JOIN dim_unit u USING (unit_name)
            GROUP BY ALL ORDER BY tasks_led DESC, u.unit_name
            """),
        ("lead of one unit across issuers and cycles", """
            SELECT n.issuer, n.period_start_year, n.period_end_year, count(*) AS tasks_led
            FROM fact_task_assignment a JOIN dim_notice n USING (notice_id)
            WHERE a.unit_name = '市妇联' AND a.role = 'lead' GROUP BY ALL ORDER BY ALL
            """),
    ];

    public static int Run(string[] args, TextWriter output)
    {
        var count = NoticeBenchmark.DefaultCount;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) count = n;
            else
            {
                Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
                return 2;
            }
        }
        var work = Directory.CreateTempSubdirectory("wcc-bench-notice-load-");
        try
        {
            var random = new Random(NoticeBenchmark.Seed);
            var files = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var layout = (NoticeBenchmark.Layout)(i % Enum.GetValues<NoticeBenchmark.Layout>().Length);
                var (text, _) = NoticeBenchmark.Generate(layout, random.Next(NoticeBenchmark.MinTasks, NoticeBenchmark.MaxTasks + 1), random, Places[i % Places.Length]);
                var path = Path.Combine(work.FullName, $"notice-{i:D4}-{layout}.txt");
                File.WriteAllText(path, text, new UTF8Encoding(false));
                files.Add(path);
            }
            var db = Path.Combine(work.FullName, "notices.duckdb");
            var clock = () => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            long tasks = 0, assignments = 0;
            double seconds, cpu;
            using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
            {
                // The unit directory and areas the loads resolve against; the build is not timed.
                WarehouseBuild.Run(connection, new BuildOptions(PackBenchmark.FindSeeds(), clock, SyntheticSeed: null));
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < files.Count; i++)
                {
                    var result = NoticeLoad.Run(connection, new NoticeLoadOptions(files[i], Id: $"bench-{i:D4}"), clock);
                    tasks += result.Counts!.Tasks;
                    assignments += result.Counts.Assignments;
                }
                seconds = watch.Elapsed.TotalSeconds;
                cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                connection.Execute("CHECKPOINT");
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notice-load: {count} synthetic notices ({tasks} tasks, {assignments} assignments) parsed and loaded, one transaction each, in {seconds:F2} s: " +
                $"{count / seconds:F0} notices/s, {tasks / seconds:F0} tasks/s (CPU {cpu:F2} s: {count / cpu:F0} notices per CPU second); warehouse {new FileInfo(db).Length / 1024.0 / 1024:F1} MiB"));

            // The queries a researcher runs across every notice, on a fresh read-only open as `wcc sql` makes.
            using var reader = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
            foreach (var (name, sql) in Queries)
            {
                var times = new List<double>();
                long rows = 0;
                for (var k = 0; k < QueryRepeats; k++)
                {
                    var watch = Stopwatch.StartNew();
                    rows = Drain(reader, sql);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  query {name}: {rows} rows, first {times[0]:F1} ms, best of {QueryRepeats} {times.Min():F1} ms"));
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs <paramref name="sql"/> and reads every cell, as a client printing the result would.</summary>
    private static long Drain(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        long rows = 0;
        while (r.Read())
        {
            for (var i = 0; i < r.FieldCount; i++) _ = r.GetValue(i);
            rows++;
        }
        return rows;
    }
}
