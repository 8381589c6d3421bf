using Wcc.Tests.Support;
using static Wcc.Tests.Reliability.OutputProbe;

namespace Wcc.Tests.Reliability;

/// <summary>
/// Outputs survive a failure of the machine under the run: a failing or hanging Chromium, a full disk, a read-only
/// disk end the command with a message and a non-zero exit, the previous output intact.
/// </summary>
[Collection(BuiltWarehouseOutputs.Name)]
public sealed class OutputFailureTests(BuiltWarehouseFixture warehouse, ITestOutputHelper output)
{
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
}
