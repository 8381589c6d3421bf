using System.Globalization;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Model;
using Wcc.Cli.Jobs;
using Wcc.Etl.Audit;
using Wcc.Etl.Build;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The seed warehouse built and forecast once (as `wcc build` then `wcc forecast` leave it), in a file each test copies.</summary>
public sealed class ForecastWarehouseFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    /// <summary>The forecast's as-of year: the latest observation year, which is also the pack's default.</summary>
    public const int AsOfYear = 2020;

    public string Path { get; }

    public ForecastWarehouseFixture()
    {
        Path = directory.File("forecast.duckdb");
        using var connection = WarehouseFile.Open(Path, WarehouseAccess.ReadWrite);
        WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
        ForecastRun.Execute(connection, AsOfYear, SeedWarehouseFixture.Clock);
    }

    /// <summary>A copy of the forecast warehouse in <paramref name="tmp"/>, for a test to change.</summary>
    public string Copy(TempDirectory tmp)
    {
        var copy = tmp.File("w.duckdb");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => directory.Dispose();
}

/// <summary>`wcc pack` reads what the analytics stored: read-only on a current warehouse, refreshing the forecasts first
/// (and saying why) when they are not current.</summary>
[Trait("Category", "Slow")]
public partial class PackJobTests(ForecastWarehouseFixture warehouse) : IClassFixture<ForecastWarehouseFixture>
{
    private static readonly BuildOptions Build = new(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock);

    private static PackOptions Html(TempDirectory tmp, string name = "pack") => new(tmp.File(name), WritePdf: false);

    [Fact]
    public void Forecast_StoresTheSelectionBacktestAndItsNeighbours_WithTheRunThatSawTheLatestLoad()
    {
        using var tmp = new TempDirectory();
        using var connection = WarehouseFile.Open(warehouse.Copy(tmp), WarehouseAccess.ReadOnly);
        var selection = Convert.ToInt32(Scalar(connection, "SELECT selection_cutoff_year FROM meta_forecast_run WHERE as_of_year = 2020"));
        // The selection cutoff and one either side, each scored by every method; only the selection row says it chose.
        Assert.Equal(
            $"{selection - NeighbourBacktests.NeighbourCutoffYears}:false,{selection}:true,{selection + NeighbourBacktests.NeighbourCutoffYears}:false",
            Scalar(connection, "SELECT string_agg(DISTINCT cutoff_year || ':' || is_selection, ',' ORDER BY cutoff_year || ':' || is_selection) FROM fact_backtest_score WHERE as_of_year = 2020"));
        Assert.Equal(3L * MethodNames.All.Count, Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM fact_backtest_score WHERE as_of_year = 2020")));
        // The pack's selection views keep their grain: one backtest per as-of year.
        Assert.Equal((long)MethodNames.All.Count, Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM v_pack_backtest_score WHERE as_of_year = 2020")));
        Assert.Equal(Scalar(connection, "SELECT max(load_id) FROM etl_run"), Scalar(connection, "SELECT last_load_id FROM meta_forecast_run"));
        Assert.Equal(true, Scalar(connection, "SELECT forecast_current(2020)"));
        Assert.Equal(false, Scalar(connection, "SELECT forecast_current(2019)"));
        foreach (var model in new[] { "meta_forecast_run", "fact_backtest_score", "fact_backtest_reliability", "v_pack_backtest_cutoff_score", "v_pack_backtest_cutoff_reliability" })
        {
            Assert.DoesNotContain(DataTestRunner.Run(connection, SchemaCatalog.Get(model)), r => !r.Passed);
        }
    }

    [Fact]
    public void Pack_OnACurrentWarehouse_OpensItReadOnly_RecomputesNothing_AndLeavesTheFileAsItWas()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.Copy(tmp);
        var before = Sha256(db);
        var (result, built) = PackJob.Run(db, Build, Html(tmp));
        Assert.False(built);
        Assert.True(result.ReadOnly);
        Assert.Null(result.ForecastRefreshReason);
        Assert.Equal(before, Sha256(db));
        Assert.False(File.Exists(db + ".wal"));
    }

    [Fact]
    public void Pack_AfterALoad_RefreshesTheForecastsAndSaysWhy_ThenTheNextPackOnlyReads()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.Copy(tmp);
        int load;
        using (var writer = WarehouseFile.Open(db, WarehouseAccess.Update))
        {
            // A real (empty) load, as every loader records it.
            var run = EtlRun.Start(writer, "observations", null, SeedWarehouseFixture.Clock);
            run.Succeed(new RowCounts(0, 0, 0), SeedWarehouseFixture.Clock);
            load = run.LoadId;
        }
        var (refreshed, _) = PackJob.Run(db, Build, Html(tmp, "first"));
        Assert.False(refreshed.ReadOnly);
        Assert.Equal("2020年的预测计算之后又载入了数据", refreshed.ForecastRefreshReason);
        using (var reader = WarehouseFile.Open(db, WarehouseAccess.ReadOnly))
        {
            Assert.Equal(load, Convert.ToInt32(Scalar(reader, "SELECT last_load_id FROM meta_forecast_run WHERE as_of_year = 2020")));
        }
        var (again, _) = PackJob.Run(db, Build, Html(tmp, "second"));
        Assert.True(again.ReadOnly);
        Assert.Null(again.ForecastRefreshReason);
        Assert.Equal(File.ReadAllText(refreshed.IndexHtml), File.ReadAllText(again.IndexHtml));
    }

    [Fact]
    public void Pack_AsOfAYearWithoutStoredForecasts_ComputesAndStoresThem()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.Copy(tmp);
        var (result, _) = PackJob.Run(db, Build, Html(tmp) with { AsOfYear = 2019 });
        Assert.Equal("数据仓库中尚无截至2019年的预测", result.ForecastRefreshReason);
        using var reader = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        Assert.Equal(true, Scalar(reader, "SELECT forecast_current(2019)"));
        // The other year's run is kept, and still current: no data were loaded.
        Assert.Equal(true, Scalar(reader, "SELECT forecast_current(2020)"));
    }

    [Fact]
    public void MethodsAppendix_ShowsTheStoredBacktests_AndRowsDeletedSinceMakeThePackRecomputeThem()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.Copy(tmp);
        int neighbour;
        using (var writer = WarehouseFile.Open(db, WarehouseAccess.Update))
        {
            neighbour = Convert.ToInt32(Scalar(writer, "SELECT min(cutoff_year) FROM fact_backtest_score WHERE NOT is_selection"));
            // A stored score no computation gives: the appendix can only show it by reading the stored row.
            Execute(writer, $"UPDATE fact_backtest_score SET brier = 0.987654 WHERE cutoff_year = {neighbour} AND method = 'unsd_cagr'");
        }
        var (read, _) = PackJob.Run(db, Build, Html(tmp, "read"));
        Assert.True(read.ReadOnly);
        Assert.Matches(ScoreCell(neighbour, "0.988"), File.ReadAllText(read.IndexHtml));

        using (var writer = WarehouseFile.Open(db, WarehouseAccess.Update))
        {
            Execute(writer, $"DELETE FROM fact_backtest_score WHERE cutoff_year = {neighbour}; DELETE FROM fact_backtest_reliability WHERE cutoff_year = {neighbour}");
        }
        var (recomputed, _) = PackJob.Run(db, Build, Html(tmp, "recomputed"));
        Assert.False(recomputed.ReadOnly);
        Assert.Equal("2020年已存储的预测或回测有缺失", recomputed.ForecastRefreshReason);
        var html = File.ReadAllText(recomputed.IndexHtml);
        Assert.Contains($"回测可靠性图(截点{neighbour}年)", html);
        Assert.DoesNotMatch(ScoreCell(neighbour, "0.988"), html);
        using var reader = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        var brier = Convert.ToDouble(Scalar(reader, $"SELECT brier FROM fact_backtest_score WHERE cutoff_year = {neighbour} AND method = 'unsd_cagr'"), CultureInfo.InvariantCulture);
        Assert.NotEqual(0.987654, brier);
    }

    /// <summary>The score table's row for the CAGR method at <paramref name="cutoff"/>, with <paramref name="brier"/> in its Brier cell.</summary>
    private static string ScoreCell(int cutoff, string brier) =>
        $"<tr><td class=\"num\">{cutoff}</td><td[^>]*>{MethodNames.ShortChinese(MethodNames.UnsdCagr)}</td><td class=\"num\">\\d+</td><td[^>]*>{brier.Replace(".", "\\.", StringComparison.Ordinal)}</td>";

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
