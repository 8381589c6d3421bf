using System.Diagnostics;
using System.Text;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reliability;

/// <summary>`wcc load` killed with SIGKILL at random moments leaves the warehouse as it was before or after, never a mix.</summary>
[Trait("Category", "Slow")]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    /// <summary>Rows of the generated file; sized so one load takes a few seconds on a 2-core machine.</summary>
    private const int Rows = 500_000;
    private const int Kills = 10;
    private static readonly TimeSpan LoadStartDelay = TimeSpan.FromMilliseconds(700);
    private const int Seed = 20260101;
    private const int FirstYear = 1990;
    private const int Years = 61;
    private static readonly string[] Sexes = ["F", "M", "T"];

    [Fact]
    public async Task Load_KilledAtRandomMoments_WarehouseIsBeforeOrAfterNeverAMix()
    {
        using var tmp = new TempDirectory();
        var before = tmp.File("before.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", before).ExitCode);
        var file = Generate(before, tmp.File("big.csv"));
        var beforeFp = WarehouseFingerprint.Of(before);

        var full = tmp.File("full.duckdb");
        File.Copy(before, full);
        var clock = Stopwatch.StartNew();
        var load = WccProcess.Run(tmp.Path, "load", "--db", full, "--observations", file);
        var duration = clock.Elapsed;
        Assert.True(load.ExitCode == 0, load.Stderr + load.Stdout);
        var afterFp = WarehouseFingerprint.Of(full);
        Assert.NotEqual(beforeFp, afterFp);
        output.WriteLine($"{Rows:N0} rows ({new FileInfo(file).Length / 1e6:F0} MB): one complete load took {duration.TotalSeconds:F1} s");

        var random = new Random(Seed);
        int rolledBack = 0, committed = 0;
        for (var i = 0; i < Kills; i++)
        {
            var db = tmp.File($"kill{i}.duckdb");
            File.Copy(before, db);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds);
            using (var process = WccProcess.Start(tmp.Path, "load", "--db", db, "--observations", file))
            {
                process.StandardInput.Close();
                var drainOut = process.StandardOutput.ReadToEndAsync();
                var drainErr = process.StandardError.ReadToEndAsync();
                await Task.Delay(delay);
                // SIGKILL on Unix: no finally blocks, no flush, the harshest stop there is.
                if (!process.HasExited) process.Kill();
                process.WaitForExit();
                await Task.WhenAll(drainOut, drainErr);
            }
            var check = WccProcess.Run(tmp.Path, "check", "--db", db);
            Assert.False(check.HasStackTrace, check.Stderr);
            Assert.True(check.ExitCode == 0, $"kill {i} at {delay.TotalMilliseconds:F0} ms (seed {Seed}): wcc check failed: {check.Stderr}{check.Stdout}");
            var fp = WarehouseFingerprint.Of(db);
            var outcome = fp == beforeFp ? "before" : fp == afterFp ? "after" : "MIXED";
            output.WriteLine($"kill {i}: after {delay.TotalMilliseconds:F0} ms -> warehouse {outcome}");
            Assert.True(outcome != "MIXED", $"kill {i} at {delay.TotalMilliseconds:F0} ms (seed {Seed}) left a mixed warehouse");
            if (outcome == "before") rolledBack++; else committed++;
            File.Delete(db);
        }
        output.WriteLine($"{Kills} kills: {rolledBack} rolled back to before, {committed} complete after, 0 mixed");
    }

    [Fact]
    public async Task Sql_DuringALoad_ConsistentAnswerOrClearLockMessage()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var file = Generate(db, tmp.File("big.csv"), Rows / 2);
        var rowsBefore = WarehouseFingerprint.Rows(WarehouseFingerprint.Of(db), "fact_observation");

        using var load = WccProcess.Start(tmp.Path, "load", "--db", db, "--observations", file);
        load.StandardInput.Close();
        var loadOut = load.StandardOutput.ReadToEndAsync();
        var loadErr = load.StandardError.ReadToEndAsync();
        var answers = new List<string>();
        // Give the load time to take the write lock; a reader that wins the race makes the load itself refuse (checked below).
        await Task.Delay(LoadStartDelay);
        while (!load.HasExited)
        {
            var r = WccProcess.Run(tmp.Path, "sql", "SELECT count(*) AS n FROM fact_observation", "--db", db, "--format", "csv");
            Assert.False(r.HasStackTrace, r.Stderr);
            if (r.ExitCode == 3)
            {
                Assert.Contains("being written by PID", r.Stderr);
                answers.Add("locked");
            }
            else
            {
                Assert.True(r.ExitCode == 0, r.Stderr);
                answers.Add(r.Stdout.Trim().Split('\n')[^1].Trim());
            }
        }
        await load.WaitForExitAsync();
        var loadSaid = await loadErr + await loadOut;
        Assert.DoesNotContain("   at ", loadSaid);
        Assert.True(load.ExitCode == 0 || load.ExitCode == 3 && loadSaid.Contains("being written by PID", StringComparison.Ordinal), loadSaid);
        var rowsAfter = WarehouseFingerprint.Rows(WarehouseFingerprint.Of(db), "fact_observation");
        var allowed = new[] { "locked", rowsBefore.ToString(), rowsAfter.ToString() };
        Assert.All(answers, a => Assert.Contains(a, allowed));
        output.WriteLine($"{answers.Count} queries during the load: {answers.Count(a => a == "locked")} told 'being written by PID', {answers.Count(a => a != "locked")} consistent answers");
    }

    /// <summary>A long CSV of distinct valid keys over the warehouse's indicators and areas (age groups multiply the keys).</summary>
    private static string Generate(string warehouse, string path, int rows = Rows)
    {
        List<string> indicators = [], areas = [];
        using (var connection = WarehouseFile.Open(warehouse, WarehouseAccess.ReadOnly))
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT indicator_code FROM dim_indicator ORDER BY 1";
            using (var r = cmd.ExecuteReader()) while (r.Read()) indicators.Add(r.GetString(0));
            cmd.CommandText = "SELECT area_code FROM dim_area ORDER BY 1";
            using (var r = cmd.ExecuteReader()) while (r.Read()) areas.Add(r.GetString(0));
        }
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("indicator_code,area_code,year,sex,value,age_group\n");
        for (var i = 0; i < rows; i++)
        {
            var k = i;
            var sex = Sexes[k % Sexes.Length]; k /= Sexes.Length;
            var year = FirstYear + k % Years; k /= Years;
            var area = areas[k % areas.Count]; k /= areas.Count;
            var indicator = indicators[k % indicators.Count]; k /= indicators.Count;
            // F + M = T everywhere: mismatch warnings would measure a different path (see the report on their cost).
            w.Write($"{indicator},{area},{year},{sex},{1 + i % Sexes.Length},A{k}\n");
        }
        return path;
    }
}
