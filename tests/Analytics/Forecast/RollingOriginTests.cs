using Wcc.Analytics.Forecast.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Tests.Support;

namespace Wcc.Tests.Analytics.Forecast;

/// <summary>The ML training set's labels, counted without features for a forecast that fits no model, are the training set's.</summary>
public class RollingOriginTests(SeedWarehouseFixture seed) : IClassFixture<SeedWarehouseFixture>
{
    [Theory]
    [InlineData(2016)]
    [InlineData(2020)]
    public void Labels_OnTheSeeds_AreTheLabelsOfTheBuiltExamples(int cutoff)
    {
        var cases = TargetScope.Cases(ForecastData.Read(seed.Connection, cutoff));
        var rows = RollingOrigin.Build(cases, cutoff);
        Assert.True(rows.Count > 1000, $"only {rows.Count} examples");
        Assert.Contains(rows, r => r.Label);
        Assert.Contains(rows, r => !r.Label);
        Assert.Equal(rows.Select(r => r.Label), RollingOrigin.Labels(cases, cutoff));
        Assert.Equal(MlMethod.Train(cases, cutoff).Summary, MlMethod.Summarize(cases, cutoff));
    }
}
