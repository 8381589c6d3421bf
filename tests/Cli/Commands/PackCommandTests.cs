using Wcc.Tests.Support;

namespace Wcc.Tests.Cli.Commands;

[Trait("Category", "Slow")]
public class PackCommandTests
{
    [Fact]
    public void Pack_WithoutChromium_WritesHtmlAndWorkbookAndSaysHowToGetThePdf()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        var output = tmp.File("pack");
        var r = WccProcess.RunWithEnvironment(RepoPaths.Root, null, new Dictionary<string, string> { ["WCC_CHROMIUM"] = tmp.File("no-chromium") },
            "pack", "--db", db, "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "tables.xlsx")));
        Assert.True(File.Exists(Path.Combine(output, "pack.docx")));
        Assert.False(File.Exists(Path.Combine(output, "pack.pdf")));
        Assert.Contains("Chromium", r.Stdout);
        Assert.Contains("setup-os.sh", r.Stdout);
        Assert.Contains("已从 seeds/ 构建数据仓库", r.Stdout);
        Assert.False(r.HasStackTrace);

        var again = WccProcess.Run(RepoPaths.Root, "pack", "--db", db, "--out", output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr);
    }

    [Theory]
    [InlineData("--as-of", "2030", "--as-of 2030 is outside the valid range 2010-2020")]
    [InlineData("--as-of", "1800", "--as-of 1800 is outside the valid range 2010-2020")]
    [InlineData("--as-of", "2015", "--as-of 2015 is outside the valid range 2018-2020 (the evaluated period is 2018-2020")]
    [InlineData("--period", "2019-2020", "--period 2019-2020 does not match the notice in the warehouse, whose period is 2018-2020")]
    [InlineData("--period", "2021-2025", "does not match the notice in the warehouse")]
    public void Pack_YearOutsideTheNoticeOrTheData_RefusedWithTheValidRange(string option, string value, string expected)
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var output = tmp.File("pack");
        var r = WccProcess.Run(RepoPaths.Root, "pack", "--db", db, "--out", output, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.False(r.HasStackTrace);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>A warehouse as `wcc build` then `wcc forecast` leave it (built in this process, then closed).</summary>
    private static string ForecastWarehouse(TempDirectory tmp)
    {
        var db = tmp.File("w.duckdb");
        using var connection = Wcc.Warehouse.Connection.WarehouseFile.Open(db, Wcc.Warehouse.Connection.WarehouseAccess.ReadWrite);
        Wcc.Etl.Build.WarehouseBuild.Run(connection, new Wcc.Etl.Build.BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
        Wcc.Analytics.Forecast.ForecastRun.Execute(connection);
        return db;
    }

    [Fact]
    public void Pack_OnACurrentWarehouse_RunsWhileAnotherProcessReadsIt_WithoutWaiting()
    {
        using var tmp = new TempDirectory();
        var db = ForecastWarehouse(tmp);
        // Another process (this one) holds the file open for reading for the whole pack, as a researcher's DuckDB client
        // or a `wcc sql` shell mid-query would: a pack that took the write lock would wait for it and then give up.
        using var reader = Wcc.Warehouse.Connection.WarehouseFile.Open(db, Wcc.Warehouse.Connection.WarehouseAccess.ReadOnly);
        var output = tmp.File("pack");
        var r = WccProcess.RunWithEnvironment(RepoPaths.Root, null, new Dictionary<string, string> { ["WCC_CHROMIUM"] = tmp.File("no-chromium") },
            "pack", "--db", db, "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("warehouse opened read-only", r.Stdout);
        Assert.DoesNotContain("waiting for PID", r.Stderr);
        Assert.DoesNotContain("已重新计算", r.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Pack_WhileAWriterHoldsTheWarehouse_SaysWhichProcessAtOnce_AndWritesNothing()
    {
        using var tmp = new TempDirectory();
        var db = ForecastWarehouse(tmp);
        // DuckDB lets no reader in while another process holds the file for writing (its lock is exclusive), so the pack
        // cannot run alongside a writer; it says who holds the file instead of waiting or failing obscurely.
        using var writer = Wcc.Warehouse.Connection.WarehouseFile.Open(db, Wcc.Warehouse.Connection.WarehouseAccess.Update);
        var output = tmp.File("pack");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = WccProcess.Run(RepoPaths.Root, "pack", "--db", db, "--out", output);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"is being written by PID {Environment.ProcessId}", r.Stderr);
        Assert.False(r.HasStackTrace);
        Assert.False(Directory.Exists(output));
        Assert.True(clock.Elapsed < Wcc.Warehouse.Connection.WarehouseFile.ReaderWait, $"took {clock.Elapsed}");
    }

    [Fact]
    public void Pack_AfterALoad_SaysItRecomputedTheForecasts()
    {
        using var tmp = new TempDirectory();
        var db = ForecastWarehouse(tmp);
        var csv = tmp.File("obs.csv");
        File.WriteAllText(csv, "indicator_code,area_code,year,sex,value,source\nW_EMP_TRAINED,610100,2020,F,60000,test\n");
        var load = WccProcess.Run(RepoPaths.Root, "load", "--db", db, "--observations", csv);
        Assert.True(load.ExitCode == 0, load.Stderr + load.Stdout);
        var r = WccProcess.RunWithEnvironment(RepoPaths.Root, null, new Dictionary<string, string> { ["WCC_CHROMIUM"] = tmp.File("no-chromium") },
            "pack", "--db", db, "--out", tmp.File("pack"));
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("已重新计算2020年的预测与回测并存入数据仓库(2020年的预测计算之后又载入了数据)", r.Stdout);
        Assert.DoesNotContain("read-only", r.Stdout);
    }
}
