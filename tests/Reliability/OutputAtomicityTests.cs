using System.Diagnostics;
using System.Text.Json;
using Wcc.Tests.Support;
using Wcc.Warehouse.Files;
using static Wcc.Tests.Reliability.OutputProbe;

namespace Wcc.Tests.Reliability;

/// <summary>
/// Outputs are all or nothing when a run is killed or meets another: a SIGKILL or SIGTERM at any moment leaves the
/// previous output byte for byte and no Chromium behind, and two packs into one folder do not mix.
/// </summary>
[Collection(BuiltWarehouseOutputs.Name)]
public sealed class OutputAtomicityTests(BuiltWarehouseFixture warehouse, ITestOutputHelper output)
{
    private const int ExportKills = 5;
    private const int Seed = 20261201;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Pack_KilledMidRunAndWhilePrinting_PreviousPackByteIdentical_NoChromiumLeft()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("pack");
        var first = WccProcess.Run(tmp.Path, "pack", "--db", db, "--out", outDir);
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "pack.pdf")), "the first pack has no PDF: " + first.Stdout);
        File.WriteAllText(Path.Combine(outDir, "units", "给单位的说明.txt"), "the user's own note\n");
        var before = Snapshot(outDir);

        // SIGKILL after two seconds (forecasts, charts) and while Chromium prints, the two phases that differ; and SIGTERM
        // while printing, which wcc can see (its handlers kill the browsers at once instead of leaving it to the watchdog).
        foreach (var (printing, signal) in new[] { (false, "KILL"), (true, "KILL"), (true, "TERM") })
        {
            using var pack = WccProcess.Start(tmp.Path, "pack", "--db", db, "--out", outDir, "--overwrite");
            pack.StandardInput.Close();
            var drain = Task.WhenAll(pack.StandardOutput.ReadToEndAsync(), pack.StandardError.ReadToEndAsync());
            if (printing) Assert.True(WaitFor(() => BrowsersOf(pack.Id).Count > 0, PrintStepTimeout), "the pack never started Chromium");
            else await Task.Delay(TimeSpan.FromSeconds(2));
            var hadBrowser = BrowsersOf(pack.Id).Count > 0;
            Assert.Equal(0, Run("kill", "-s", signal, pack.Id.ToString()).Exit);
            Assert.True(pack.WaitForExit(TimeSpan.FromSeconds(30)), $"wcc did not end on SIG{signal}");
            await drain;

            Assert.True(WaitFor(() => BrowsersOf(pack.Id).Count == 0, BrowserGrace),
                $"Chromium outlived wcc (SIG{signal}): {string.Join("; ", BrowsersOf(pack.Id))}");
            Assert.True(WaitFor(() => Directory.GetDirectories(Path.GetTempPath(), $"wcc-chromium-{pack.Id}-*").Length == 0, BrowserGrace),
                "the killed wcc's Chromium profile was not removed");
            Assert.Equal(before, Snapshot(outDir));
            output.WriteLine($"SIG{signal} {(printing ? "while printing" : "after 2 s")} (Chromium running: {hadBrowser}): previous pack byte-identical, {before.Count} files");
        }

        var again = WccProcess.Run(tmp.Path, "pack", "--db", db, "--out", outDir, "--overwrite");
        Assert.True(again.ExitCode == 0, again.Stderr + again.Stdout);
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".pack.tmp-*"));
        Assert.Equal("the user's own note\n", File.ReadAllText(Path.Combine(outDir, "units", "给单位的说明.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "pack.pdf")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Export_KilledAtSeededMoments_PreviousExportByteIdentical()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("csv");
        var clock = Stopwatch.StartNew();
        var first = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", outDir);
        var duration = clock.Elapsed;
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var before = Snapshot(outDir);

        var random = new Random(Seed);
        for (var i = 0; i < ExportKills; i++)
        {
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds);
            using var export = WccProcess.Start(tmp.Path, "export", "csv", "--db", db, "--out", outDir, "--overwrite");
            export.StandardInput.Close();
            var drain = Task.WhenAll(export.StandardOutput.ReadToEndAsync(), export.StandardError.ReadToEndAsync());
            await Task.Delay(delay);
            var killed = !export.HasExited;
            if (killed) export.Kill();
            export.WaitForExit();
            await drain;
            // The export is deterministic, so a run that finished before the kill also leaves these bytes.
            Assert.Equal(before, Snapshot(outDir));
            output.WriteLine($"kill {i} after {delay.TotalMilliseconds:F0} ms of a {duration.TotalMilliseconds:F0} ms run ({(killed ? "killed" : "had finished")}): export byte-identical");
        }
        var again = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", outDir, "--overwrite");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".csv.tmp-*"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TwoPacks_IntoOneOut_OneRefusedNamingThePid_OtherComplete()
    {
        using var tmp = new TempDirectory();
        var dbA = warehouse.CopyTo(tmp.Path, "a.duckdb");
        var dbB = warehouse.CopyTo(tmp.Path, "b.duckdb");
        var outDir = tmp.File("pack");
        using var a = WccProcess.Start(tmp.Path, "pack", "--db", dbA, "--out", outDir);
        a.StandardInput.Close();
        var aOut = a.StandardOutput.ReadToEndAsync();
        var aErr = a.StandardError.ReadToEndAsync();
        var lockFile = tmp.File(".pack.lock");
        Assert.True(WaitFor(() => File.Exists(lockFile) && ReadShared(lockFile).Trim() == a.Id.ToString(), PrintStepTimeout), "the first pack never took the lock");

        var b = WccProcess.Run(tmp.Path, "pack", "--db", dbB, "--out", outDir);
        Assert.Equal(3, b.ExitCode);
        Assert.Contains($"being written by PID {a.Id}", Flat(b.Stderr));
        Assert.False(b.HasStackTrace);

        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.True(a.ExitCode == 0, await aErr + await aOut);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, StagedOutputFolder.ManifestFile)));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToList();
        var files = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Where(f => f != StagedOutputFolder.ManifestFile).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("index.html", files);
        Assert.Contains("pack.pdf", files);
        Assert.Equal(files, listed);
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".pack.tmp-*"));
    }
}
