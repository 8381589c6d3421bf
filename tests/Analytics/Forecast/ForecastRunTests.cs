using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Model;
using Wcc.Tests.Support.Forecast;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Analytics.Forecast;

public class ForecastRunTests
{
    private static ForecastTestWarehouse Small()
    {
        var w = new ForecastTestWarehouse();
        w.Indicator("COV").Indicator("MORT", "lower", 0, null, "‰");
        w.Target("COV", ForecastTestWarehouse.City, "F", ">=", 90, 2025)
         .Target("COV", "610102", "F", ">=", 95, 2025)
         .Target("MORT", ForecastTestWarehouse.City, "T", "<=", 5, 2025);
        w.Observations("COV", ForecastTestWarehouse.City, "F", (2016, 80), (2018, 83), (2020, 86))
         .Observations("COV", "610102", "F", (2017, 88), (2020, 90))
         .Observations("COV", "610103", "F", (2016, 70), (2019, 72), (2020, 74))
         .Observations("COV", "610104", "F", (2020, 91))
         .Observations("MORT", ForecastTestWarehouse.City, "T", (2020, 6));
        return w;
    }

    [Fact]
    public void Forecast_StoresEveryMethodForEverySeriesTarget_AndPassesDataTests()
    {
        using var w = Small();
        var summary = ForecastRun.Execute(w.Connection);
        Assert.Equal(2020, summary.AsOfYear);
        // Own targets: COV city, COV 610102, MORT city (no data). Derived: COV 610103 and 610104 against the city's 90.
        Assert.Equal(5, summary.Cases);
        Assert.Equal(5 * MethodNames.All.Count, Convert.ToInt32(w.Scalar("SELECT count(*) FROM v_forecast")));
        Assert.DoesNotContain(DataTestRunner.Run(w.Connection, SchemaCatalog.Get("fact_forecast")), r => !r.Passed);
        Assert.Equal(1L, w.Scalar("SELECT count(DISTINCT method) FROM fact_forecast WHERE is_default"));
        Assert.Equal(5L, w.Scalar("SELECT count(*) FROM fact_forecast WHERE is_default"));
        Assert.Equal("数据不足", w.Scalar("SELECT DISTINCT status FROM v_forecast WHERE indicator_code = 'MORT'"));
    }

    [Fact]
    public void CityOnlyTarget_IsAppliedToDistrictsWithoutTheirOwn()
    {
        using var w = Small();
        ForecastRun.Execute(w.Connection);
        Assert.Equal(ForecastTestWarehouse.City, w.Scalar("SELECT DISTINCT target_area_code FROM fact_forecast WHERE area_code = '610103'"));
        Assert.Equal(90.0, w.Scalar("SELECT DISTINCT target_value FROM fact_forecast WHERE area_code = '610103'"));
        // 610102 has its own target (95): only that one, not the city's.
        Assert.Equal(95.0, w.Scalar("SELECT DISTINCT target_value FROM fact_forecast WHERE area_code = '610102'"));
        Assert.Equal((long)MethodNames.All.Count, w.Scalar("SELECT count(*) FROM fact_forecast WHERE area_code = '610102'"));
        Assert.Equal("数据不足", w.Scalar("SELECT DISTINCT status FROM fact_forecast WHERE area_code = '610104'"));
    }

    [Fact]
    public void Forecast_RerunForSameAsOfYear_ReplacesRows_OtherYearsKept()
    {
        using var w = Small();
        ForecastRun.Execute(w.Connection);
        ForecastRun.Execute(w.Connection);
        ForecastRun.Execute(w.Connection, 2019);
        Assert.Equal(5L * MethodNames.All.Count, w.Scalar("SELECT count(*) FROM fact_forecast WHERE as_of_year = 2020"));
        // As of 2019 district 610104 has no series yet, so the city target is not derived for it: 4 cases.
        Assert.Equal(4L * MethodNames.All.Count, w.Scalar("SELECT count(*) FROM fact_forecast WHERE as_of_year = 2019"));
        Assert.Equal(0L, w.Scalar("SELECT count(*) FROM fact_forecast WHERE as_of_year = 2019 AND latest_year > 2019"));
    }

    [Fact]
    public void Forecast_ReasonSaysRequiredAndObservedPace()
    {
        using var w = Small();
        ForecastRun.Execute(w.Connection);
        var reason = (string)w.Scalar("SELECT reason FROM fact_forecast WHERE area_code = '610100' AND indicator_code = 'COV' AND method = 'weighted_trend'")!;
        Assert.StartsWith("需年均提高0.8个百分点，近年年均提高1.5个百分点", reason);
    }

    [Fact]
    public void Forecast_EmptyWarehouse_SaysToLoadData()
    {
        using var w = new ForecastTestWarehouse();
        var ex = Assert.Throws<WccException>(() => ForecastRun.Execute(w.Connection));
        Assert.Equal(RemedyAction.LoadObservations, ex.Remedy?.Action);
        Assert.Contains("wcc load", Wcc.Cli.Commands.Remedies.Hint(ex));
    }

    [Fact]
    public void Forecast_TwoRuns_IdenticalRows()
    {
        using var w = new ForecastTestWarehouse();
        SyntheticSeriesGenerator.Fill(w);
        ForecastRun.Execute(w.Connection, 2018);
        var first = Rows(w);
        ForecastRun.Execute(w.Connection, 2018);
        Assert.Equal(first, Rows(w));
    }

    private static string Rows(ForecastTestWarehouse w) =>
        Convert.ToString(w.Scalar("SELECT string_agg(concat_ws('|', indicator_code, area_code, sex, method, projected_value, lower, upper, p_met, status), '\n' ORDER BY indicator_code, area_code, sex, method) FROM fact_forecast"))!;
}
