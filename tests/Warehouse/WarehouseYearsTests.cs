using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Planning;
using Wcc.Cli.Commands;
using Wcc.Reports.Pack;
using Wcc.Reports.Planning;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

/// <summary>One year range (WarehouseYears), read by dim_year's rows and by every year-like option's check.</summary>
public class WarehouseYearsTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void DimYear_HoldsExactlyTheDeclaredRange()
    {
        Assert.Equal(WarehouseYears.First, warehouse.Scalar("SELECT min(year) FROM dim_year"));
        Assert.Equal(WarehouseYears.Last, warehouse.Scalar("SELECT max(year) FROM dim_year"));
        Assert.Equal(WarehouseYears.Last - WarehouseYears.First + 1, warehouse.Scalar("SELECT count(*) FROM dim_year"));
    }

    [Theory]
    [InlineData(2030)]
    [InlineData(1800)]
    [InlineData(2009)] // within the warehouse's years, before the first observation (2010)
    public void AsOf_OutsideTheObservedYears_RefusedWithTheValidRange(int asOf)
    {
        var ex = Assert.Throws<WccException>(() => ForecastRun.Execute(warehouse.Connection, asOf));
        Assert.Equal($"--as-of {asOf} is outside the valid range 2010-2020 (the years with observations are 2010-2020)", OptionSpelling.Render(ex.Message));
        Assert.Equal(WarehouseYears.UsageExitCode, ex.ExitCode);
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(2031)] // more than ten years after the as-of year
    [InlineData(2020)] // the notice's own period
    [InlineData(-5)]
    public void Horizon_OutsideThePeriodAfterTheNotice_Refused(int horizon)
    {
        using var dir = new TempDirectory();
        var before = warehouse.Scalar("SELECT count(*) FROM plan_scenario");
        var ex = Assert.Throws<WccException>(() => PlanRuns.Execute(warehouse.Connection, new PlanOptions(horizon, [], Path.Combine(dir.Path, "plan"), 2020)));
        Assert.StartsWith($"--horizon {horizon} is outside the valid range 2021-2030 (after the notice's period (ends 2020) and after the as-of year 2020, at most 10 years later)", OptionSpelling.Render(ex.Message));
        Assert.Equal(before, warehouse.Scalar("SELECT count(*) FROM plan_scenario"));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "plan")));
    }

    [Fact]
    public void Horizon_NoValidYearForThisAsOf_SaysTheRangeIsEmpty()
    {
        using var dir = new TempDirectory();
        // As of 2010 a plan may reach 2020 at most, but it must start after the notice's period (2020).
        var ex = Assert.Throws<WccException>(() => PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [], dir.Path, 2010)));
        Assert.StartsWith("--horizon 2025: no year is valid (after the notice's period (ends 2020) and after the as-of year 2010, at most 10 years later: the range 2021-2020 is empty)", OptionSpelling.Render(ex.Message));
    }

    [Fact]
    public void Plan_AsOfOutsideTheData_Refused()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => PlanRuns.Execute(warehouse.Connection, new PlanOptions(2035, [], dir.Path, 2030)));
        Assert.StartsWith("--as-of 2030 is outside the valid range 2010-2020", OptionSpelling.Render(ex.Message));
    }

    [Theory]
    [InlineData(2020, "--cutoff 2020 is outside the valid range 2010-2019 (the years with observations are 2010-2020; a cutoff must leave a later year to score)")]
    [InlineData(2030, "--cutoff 2030 is outside the valid range 2010-2019")]
    [InlineData(1800, "--cutoff 1800 is outside the valid range 2010-2019")]
    public void Cutoff_OutsideTheObservedYears_Refused(int cutoff, string expected)
    {
        var ex = Assert.Throws<WccException>(() => BacktestRun.ValidateCutoff(warehouse.Connection, cutoff));
        Assert.Contains(expected, OptionSpelling.Render(ex.Message));
        Assert.Equal(WarehouseYears.UsageExitCode, ex.ExitCode);
    }

    [Theory]
    [InlineData("1800-2020", "--period 1800 is outside the valid range 1990-2050")]
    [InlineData("2018-9999", "--period 9999 is outside the valid range 1990-2050")]
    [InlineData("2021-2025", "does not match the notice in the warehouse, whose period is 2018-2020")]
    [InlineData("2020-2018", "is not a period like 2018-2020")]
    public void Period_OutsideTheYearsOrNotTheNotices_RefusedBeforeAnythingIsWritten(string period, string expected)
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "pack");
        var ex = Assert.Throws<WccException>(() => Packs.Run(warehouse.Connection, new PackOptions(output, period, WritePdf: false)));
        Assert.Contains(expected, OptionSpelling.Render(ex.Message));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Pack_AsOfOutsideTheData_RefusedBeforeTheOutputIsTouched()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("index.html"), "old pack");
        var ex = Assert.Throws<WccException>(() => Packs.Run(warehouse.Connection, new PackOptions(dir.Path, AsOfYear: 2030, Overwrite: true, WritePdf: false)));
        Assert.StartsWith("--as-of 2030 is outside the valid range", OptionSpelling.Render(ex.Message));
        Assert.Equal("old pack", File.ReadAllText(dir.File("index.html")));
    }
}
