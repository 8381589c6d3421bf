using Wcc.Etl.Build;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reliability;

/// <summary>The real CLI on inputs that are not what they claim and option values outside their range: a clear
/// message, a usage exit code, no stack trace, no internal error (exit 70), the warehouse unchanged.</summary>
[Trait("Category", "Slow")]
public sealed class InputLimitsCliTests : IClassFixture<InputLimitsCliTests.BuiltWarehouse>
{
    private readonly BuiltWarehouse built;

    public InputLimitsCliTests(BuiltWarehouse built) => this.built = built;

    /// <summary>A warehouse file built from seeds/ and closed, so `wcc` processes can open it.</summary>
    public sealed class BuiltWarehouse : IDisposable
    {
        private readonly TempDirectory directory = new();

        public BuiltWarehouse()
        {
            using var connection = WarehouseFile.Open(Db, WarehouseAccess.ReadWrite);
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
        }

        public string Dir => directory.Path;

        public string Db => directory.File("w.duckdb");

        public void Dispose() => directory.Dispose();
    }

    private static void Refused(WccProcess.Result r, int exitCode, string message)
    {
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.Equal(exitCode, r.ExitCode);
        // Spectre wraps long lines at the console width (and may drop the space at the break): compare without whitespace.
        Assert.Contains(Squeeze(message), Squeeze(r.Stderr + r.Stdout));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [InlineData("/dev/zero", "/dev/zero is larger than 2 MiB")]
    [InlineData("/dev/urandom", "/dev/urandom is larger than 2 MiB")]
    public void ParseNotice_EndlessDevice_RefusedAtOnce(string device, string message) =>
        Refused(WccProcess.Run(built.Dir, "parse-notice", device), 2, message);

    [Theory]
    [InlineData("--observations", "/dev/zero")]
    [InlineData("--observations", "/dev/urandom")]
    [InlineData("--areas", "/dev/zero")]
    public void Load_EndlessDevice_RefusedAtOnce_WarehouseUnchanged(string option, string device)
    {
        var before = WarehouseFingerprint.Of(built.Db);
        var args = option == "--observations" ? new[] { "load", option, device } : ["load", option, device, "--observations", device];
        Refused(WccProcess.Run(built.Dir, [.. args, "--db", built.Db]), 2, $"{device} is not a regular file (a device or a pipe, which may never end)");
        Assert.Equal(before, WarehouseFingerprint.Of(built.Db));
    }

    [Fact]
    public void Check_EmptyDbPath_IsAUsageError_NotAnInternalError() =>
        Refused(WccProcess.Run(built.Dir, "check", "--db", ""), 1, "--db needs a warehouse file path");

    [Fact]
    public void Check_SeedWarehouse_PassesTheAreaCycleTest()
    {
        var r = WccProcess.Run(built.Dir, "check", "--db", built.Db);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.DoesNotContain("v_area_ancestry", r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "plan", "--horizon", "9999" }, "--horizon 9999 is outside the valid range 2021-2030")]
    [InlineData(new[] { "forecast", "--as-of", "2030" }, "--as-of 2030 is outside the valid range 2010-2020")]
    [InlineData(new[] { "forecast", "--as-of", "1800" }, "--as-of 1800 is outside the valid range 2010-2020")]
    [InlineData(new[] { "backtest", "--cutoff", "2030" }, "--cutoff 2030 is outside the valid range 2010-2019")]
    [InlineData(new[] { "pack", "--period", "1800-2020", "--out", "pack" }, "--period 1800 is outside the valid range 1990-2050")]
    public void YearOption_OutOfRange_RefusedWithTheValidRange_WarehouseUnchanged(string[] args, string message)
    {
        var before = WarehouseFingerprint.Of(built.Db);
        Refused(WccProcess.Run(built.Dir, [.. args, "--db", built.Db]), 2, message);
        Assert.Equal(before, WarehouseFingerprint.Of(built.Db));
    }

    [Fact]
    public void Pack_NoticeOverTheSizeLimit_RefusedAtBuild_BeforeAnyOutput()
    {
        using var tmp = new TempDirectory();
        var seeds = Directory.CreateDirectory(tmp.File("seeds")).FullName;
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(seeds, Path.GetFileName(f)));
        // The real notice, padded with repeats of its own tasks to just over the limit: text, tasks and units all valid.
        var notice = Path.Combine(seeds, Path.GetFileName(RepoPaths.Notice));
        var text = File.ReadAllText(notice);
        using (var writer = new StreamWriter(notice, append: true))
        {
            for (var written = new FileInfo(notice).Length; written <= Wcc.Notice.NoticeLimits.MaxBytes; written += System.Text.Encoding.UTF8.GetByteCount(text))
            {
                writer.Write(text);
            }
        }

        var r = WccProcess.Run(tmp.Path, "pack", "--db", tmp.File("w.duckdb"), "--seeds", seeds, "--out", tmp.File("pack"));

        Refused(r, 2, "is larger than 2 MiB, the limit for a notice (NoticeLimits.MaxBytes)");
        Assert.False(File.Exists(tmp.File("pack/index.html")));
    }
}
