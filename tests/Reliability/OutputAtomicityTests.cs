using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wcc.Tests.Support;
using Wcc.Warehouse.Files;

namespace Wcc.Tests.Reliability;

/// <summary>
/// Outputs are all or nothing: a killed, refused, concurrent or disk-full run leaves the previous output byte for byte,
/// --overwrite keeps what the user put in the folder, and no Chromium outlives `wcc`.
/// </summary>
public sealed class OutputAtomicityTests(BuiltWarehouseFixture warehouse, ITestOutputHelper output) : IClassFixture<BuiltWarehouseFixture>
{
    /// <summary>How long a killed wcc's browsers may take to disappear (the watchdog kills the group at once; crash handlers notice within seconds).</summary>
    private static readonly TimeSpan BrowserGrace = TimeSpan.FromSeconds(10);

    /// <summary>How long a test waits for a pack to reach its Chromium step.</summary>
    private static readonly TimeSpan PrintStepTimeout = TimeSpan.FromSeconds(120);

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

    [Fact]
    public void Overwrite_KeepsTheUsersOwnFiles_AndReplacesOnlyWhatTheReportWrote()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("workload");
        Assert.Equal(0, WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", outDir).ExitCode);
        var reportFile = Path.Combine(outDir, "tables", "unit_workload.csv");
        Assert.True(File.Exists(reportFile));
        File.WriteAllText(reportFile, "stale");
        File.WriteAllText(Path.Combine(outDir, "notes.md"), "# mine\n");
        File.WriteAllText(Path.Combine(outDir, "tables", "my-extra.csv"), "a,b\n1,2\n");
        Directory.CreateDirectory(Path.Combine(outDir, "drafts"));

        var r = WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", outDir, "--overwrite");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Equal("# mine\n", File.ReadAllText(Path.Combine(outDir, "notes.md")));
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(Path.Combine(outDir, "tables", "my-extra.csv")));
        Assert.True(Directory.Exists(Path.Combine(outDir, "drafts")));
        Assert.NotEqual("stale", File.ReadAllText(reportFile));
        var manifest = File.ReadAllText(Path.Combine(outDir, StagedOutputFolder.ManifestFile));
        Assert.DoesNotContain("notes.md", manifest);
        Assert.DoesNotContain("my-extra.csv", manifest);
        Assert.Contains("tables/unit_workload.csv", manifest);
    }

    [Fact]
    public void Overwrite_OfAnotherCommandsOutput_OrAFolderWithoutManifest_IsRefused()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("out");
        Assert.Equal(0, WccProcess.Run(tmp.Path, "report", "coverage", "--db", db, "--out", outDir).ExitCode);
        var before = Snapshot(outDir);
        var other = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", outDir, "--overwrite");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("wcc report coverage", Flat(other.Stderr));
        Assert.Equal(before, Snapshot(outDir));

        var mine = Directory.CreateDirectory(tmp.File("mine")).FullName;
        File.WriteAllText(Path.Combine(mine, "thesis.docx"), "years of work");
        var plain = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", mine, "--overwrite");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains(StagedOutputFolder.ManifestFile, Flat(plain.Stderr));
        Assert.Equal(["thesis.docx"], Directory.GetFileSystemEntries(mine).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Export_IntoNonEmptyFolderWithoutOverwrite_IsRefusedAndWritesNothing(string format)
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = Directory.CreateDirectory(tmp.File("out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        var r = WccProcess.Run(tmp.Path, "export", format, "--db", db, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--overwrite", Flat(r.Stderr));
        Assert.False(r.HasStackTrace);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".out.*"));
    }

    [Theory]
    [InlineData("export", "csv")]
    [InlineData("report", "workload")]
    public void Out_TheRootOrTheCurrentFolder_IsRefused(string command, string sub)
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var rootBefore = Directory.GetFileSystemEntries("/").Order().ToList();
        foreach (var (dir, why) in new[] { ("/", "root"), (".", "current folder") })
        {
            var r = WccProcess.Run(tmp.Path, command, sub, "--db", db, "--out", dir, "--overwrite");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(why, Flat(r.Stderr));
            Assert.False(r.HasStackTrace);
        }
        Assert.Equal(rootBefore, Directory.GetFileSystemEntries("/").Order().ToList());
        Assert.Equal(["w.duckdb"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_InstalledChromiumThatFails_IsAnErrorWithItsStderr_PreviousPackIntact()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("pack");
        var noBrowser = new Dictionary<string, string> { ["WCC_CHROMIUM"] = tmp.File("not-installed") };
        Assert.Equal(0, WccProcess.RunWithEnvironment(tmp.Path, null, noBrowser, "pack", "--db", db, "--out", outDir).ExitCode);
        var before = Snapshot(outDir);

        var broken = tmp.File("broken-chromium");
        File.WriteAllText(broken, "#!/bin/sh\necho 'FATAL: cannot create the GPU process' >&2\nexit 21\n");
        Assert.Equal(0, Run("chmod", "+x", broken).Exit);
        var r = WccProcess.RunWithEnvironment(tmp.Path, null, new Dictionary<string, string> { ["WCC_CHROMIUM"] = broken },
            "pack", "--db", db, "--out", outDir, "--overwrite");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("failed", Flat(r.Stderr));
        Assert.Contains("cannot create the GPU process", Flat(r.Stderr));
        Assert.Contains("exit code 21", Flat(r.Stderr));
        Assert.DoesNotContain("pack written", r.Stdout);
        Assert.DoesNotContain("setup-os.sh", r.Stdout + r.Stderr);
        Assert.False(r.HasStackTrace);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_ChromiumPastTheTimeout_IsStoppedWithEveryChild_AndSaysSo()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("pack");
        var pids = tmp.File("browser-children.pid");
        var hanging = tmp.File("hanging-chromium");
        File.WriteAllText(hanging, $"#!/bin/sh\nsleep 600 &\necho $! >> {pids}\nsleep 601 &\necho $! >> {pids}\nwait\n");
        Assert.Equal(0, Run("chmod", "+x", hanging).Exit);

        var r = WccProcess.RunWithEnvironment(tmp.Path, null,
            new Dictionary<string, string> { ["WCC_CHROMIUM"] = hanging, ["WCC_CHROMIUM_TIMEOUT"] = "3" },
            "pack", "--db", db, "--out", outDir);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("did not finish within 3 s", Flat(r.Stderr));
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.False(Directory.Exists(outDir), "a pack without its PDF was swapped in");
        var children = File.ReadAllLines(pids).Select(int.Parse).ToList();
        Assert.Equal(2, children.Count);
        Assert.True(WaitFor(() => children.All(pid => !Alive(pid)), BrowserGrace), "the browser's children outlived the timeout");
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("pack", false)]
    [InlineData("pack", true)]
    [InlineData("export", false)]
    public void DiskFull_NonZeroExitNamingThePath_PreviousOutputIntact(string command, bool fullWhilePrinting)
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        string[] Args(string outDir) => command == "pack" ? ["pack", "--db", db, "--out", outDir] : ["export", "csv", "--db", db, "--out", outDir];

        // The output's size on a normal disk decides the small disk: room for one output, not for a second beside it;
        // or (fullWhilePrinting) room for a second one except half its PDF, so the disk fills while Chromium writes.
        var probe = tmp.File("probe");
        var sizing = WccProcess.Run(tmp.Path, Args(probe));
        Assert.True(sizing.ExitCode == 0, sizing.Stderr);
        var size = Directory.GetFiles(probe, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var pdf = command == "pack" ? new FileInfo(Path.Combine(probe, "pack.pdf")).Length : 0;
        var disk = Directory.CreateDirectory(tmp.File("small-disk")).FullName;
        var kib = fullWhilePrinting ? (2 * size - pdf / 2) / 1024 : (long)(size * 1.5 / 1024) + 64;
        var mount = Run("mount", "-t", "tmpfs", "-o", $"size={kib}k", "tmpfs", disk);
        if (mount.Exit != 0)
        {
            output.WriteLine($"SKIPPED: cannot mount a {kib} KiB tmpfs here (mount says: {mount.Stderr.Trim()}); the disk-full case is untested on this machine");
            return;
        }
        try
        {
            var outDir = Path.Combine(disk, "out");
            var first = WccProcess.Run(tmp.Path, Args(outDir));
            Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
            var before = Snapshot(outDir);

            var full = WccProcess.Run(tmp.Path, [.. Args(outDir), "--overwrite"]);
            output.WriteLine($"{command} on a {kib} KiB tmpfs holding a {size / 1024} KiB output (PDF {pdf / 1024} KiB): exit {full.ExitCode}: {full.Stderr.Trim()}");
            Assert.NotEqual(0, full.ExitCode);
            Assert.False(full.HasStackTrace, full.Stderr);
            Assert.Contains(disk, full.Stderr.Replace("\n", "", StringComparison.Ordinal));
            Assert.DoesNotContain("written", full.Stdout);
            Assert.Equal(before, Snapshot(outDir));
            Assert.Empty(Directory.GetDirectories(disk, ".out.tmp-*"));
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }

    /// <summary>A folder that cannot be written (a read-only file system: as root, file modes alone do not stop a write).</summary>
    [Fact]
    public void ReadOnlyDisk_NonZeroExitNamingThePath_PreviousOutputIntact()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var disk = Directory.CreateDirectory(tmp.File("ro-disk")).FullName;
        var mount = Run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk);
        if (mount.Exit != 0)
        {
            output.WriteLine($"SKIPPED: cannot mount a tmpfs here (mount says: {mount.Stderr.Trim()}); the read-only case is untested on this machine");
            return;
        }
        try
        {
            var outDir = Path.Combine(disk, "workload");
            Assert.Equal(0, WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", outDir).ExitCode);
            var before = Snapshot(outDir);
            Assert.Equal(0, Run("mount", "-o", "remount,ro", disk).Exit);
            foreach (var target in new[] { outDir, Path.Combine(disk, "new") })
            {
                var r = WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", target, "--overwrite");
                output.WriteLine($"read-only {target}: exit {r.ExitCode}: {Flat(r.Stderr)}");
                Assert.NotEqual(0, r.ExitCode);
                Assert.False(r.HasStackTrace, r.Stderr);
                Assert.Contains(disk, r.Stderr.Replace("\n", "", StringComparison.Ordinal));
                Assert.DoesNotContain("file(s)", r.Stdout);
            }
            Assert.Equal(before, Snapshot(outDir));
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }

    [Fact]
    public void Dictionary_ExistingFileNeedsOverwrite_AndIsReplacedWhole()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var file = tmp.File("dictionary.md");
        File.WriteAllText(file, "my own notes");
        var refused = WccProcess.Run(tmp.Path, "dictionary", "--db", db, "--out", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", Flat(refused.Stderr));
        Assert.Equal("my own notes", File.ReadAllText(file));

        var r = WccProcess.Run(tmp.Path, "dictionary", "--db", db, "--out", file, "--overwrite");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("fact_observation", File.ReadAllText(file));
        Assert.Equal(["dictionary.md", "w.duckdb"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order());
    }

    /// <summary>Every file under a folder (hidden ones included) with its SHA-256.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Processes whose command line names a Chromium profile of the wcc with this PID (each browser process carries it).</summary>
    private static List<string> BrowsersOf(int wccPid)
    {
        var marker = $"wcc-chromium-{wccPid}-";
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal) && !cmdline.Contains("wcc-chromium-watchdog", StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {cmdline[..Math.Min(80, cmdline.Length)]}");
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    /// <summary>A message as one line: the console wraps long lines at spaces.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>True while <paramref name="pid"/> runs (a zombie waiting to be reaped is not running).</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(100);
        }
        return condition();
    }

    /// <summary>Reads a file another process holds a flock on (a plain read is not blocked by an advisory lock, but .NET's open would be).</summary>
    private static string ReadShared(string path)
    {
        var r = Run("cat", path);
        return r.Exit == 0 ? r.Stdout : "";
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
