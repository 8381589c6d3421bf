using DuckDB.NET.Data;
using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;
using Wcc.Tests.Support;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Analytics.Forecast;

/// <summary>One predictive distribution per series and method: projection, interval and P(met) read off it, on bounded scales.</summary>
public class PredictiveDistributionTests(SeedWarehouseFixture seed) : IClassFixture<SeedWarehouseFixture>
{
    private static readonly IndicatorProfile Share = new("KG", true, 0, 100, "%", "rate");
    private static readonly IndicatorProfile Mortality = new("IMR", false, 0, 1000, "‰", "rate");
    private static readonly IndicatorProfile Count = new("N", true, 0, null, "人", "count");

    private static ForecastCase Case(IndicatorProfile indicator, Comparator comparator, double target, int deadline, params (int Year, double Value)[] points) =>
        new(new Series(new SeriesKey(indicator.Code, "610100", "T"), indicator, points.Select(p => new SeriesPoint(p.Year, p.Value))),
            new TargetSpec(comparator, target, deadline, "610100", null));

    private static IEnumerable<IForecastMethod> Methods(ForecastCase c)
    {
        IForecastMethod[] members = [new UnsdCagrMethod(), new WeightedTrendMethod(), MlMethod.Train([c], 2020)];
        return [.. members, new CombinedMethod(members)];
    }

    [Fact]
    public void EveryFactForecastRow_ProjectionIntervalAndPMet_AreReadOffItsStoredDistribution()
    {
        ForecastRun.Execute(seed.Connection, 2019);
        using var cmd = seed.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT indicator_code, area_code, sex, deadline_year, method, comparator, target_value, projected_value, lower, upper, p_met,
                   value_scale, scale_lower, scale_upper, scale_offset, location, spread, df, method_used, interval_scale
            FROM fact_forecast WHERE as_of_year = 2019 AND projected_value IS NOT NULL
            ORDER BY indicator_code, area_code, sex, deadline_year, method
            """;
        var rows = new List<object?[]>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var row = new object?[r.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                rows.Add(row);
            }
        }
        static double D(object? v) => Convert.ToDouble(v);
        PredictiveDistribution? Single(object?[] row)
        {
            if ((string)row[11]! == "mixture") return null;
            var scale = new ValueScale(Enum.Parse<ScaleKind>((string)row[11]!, ignoreCase: true),
                row[12] is null ? double.NegativeInfinity : D(row[12]), row[13] is null ? double.PositiveInfinity : D(row[13]), D(row[14]));
            return new PredictiveDistribution(scale, D(row[15]), D(row[16]), row[17] is null ? double.PositiveInfinity : D(row[17]));
        }
        var byKey = rows.ToLookup(row => (row[0], row[1], row[2], row[3]));
        var agreeing = 0;
        var mixtures = 0;
        foreach (var row in rows)
        {
            // A combined row is the equal mixture of the same series' rows of the other methods, widened by its own factor.
            var d = Single(row) ?? PredictiveDistribution.Mixture(byKey[(row[0], row[1], row[2], row[3])]
                .Where(x => (string)x[4]! != MethodNames.Combined).Select(x => Single(x)!).ToList()).Widened(D(row[19]));
            if (d.Components is not null) mixtures++;
            var target = new TargetSpec(TargetSpec.ParseComparator((string)row[5]!), D(row[6]), 2025, "610100", null);
            double projected = D(row[7]), lower = D(row[8]), upper = D(row[9]), p = D(row[10]);
            var tolerance = 1e-9 * Math.Max(1, Math.Abs(projected));
            Assert.Equal(d.Median, projected, tolerance);
            Assert.Equal(d.Lower, lower, tolerance);
            Assert.Equal(d.Upper, upper, tolerance);
            Assert.InRange(lower, d.Scale.Lower, projected);
            Assert.InRange(upper, projected, d.Scale.Upper);
            if ((string)row[18]! == ForecastEngine.ObservedMethod) continue;
            Assert.Equal(d.PMet(target), p, 9);
            // The reading that a planner makes: the interval and the probability tell the same story.
            if (target.Comparator == Comparator.AtLeast && lower > target.Value) Assert.True(p >= 0.9 - 1e-9, $"{lower} > {target.Value} but p = {p}");
            if (target.Comparator == Comparator.AtLeast && upper < target.Value) Assert.True(p <= 0.1 + 1e-9, $"{upper} < {target.Value} but p = {p}");
            if (target.Comparator == Comparator.AtMost && upper < target.Value) Assert.True(p >= 0.9 - 1e-9, $"{upper} < {target.Value} but p = {p}");
            if (target.Comparator != Comparator.Equal && Math.Abs(projected - target.Value) > tolerance && projected > d.Scale.Lower && projected < d.Scale.Upper)
            {
                Assert.Equal(target.IsMet(projected), p > 0.5);
                agreeing++;
            }
        }
        Assert.True(rows.Count > 500, $"only {rows.Count} rows");
        Assert.True(agreeing > 100, $"only {agreeing} rows compared");
        Assert.True(mixtures > 100, $"only {mixtures} combined rows");
    }

    [Fact]
    public void Forecast_StoresCoverageAndTheReliabilityTable_OfItsSelectionBacktest()
    {
        ForecastRun.Execute(seed.Connection, 2020);
        foreach (var model in new[] { "fact_backtest_score", "fact_backtest_reliability", "fact_forecast" })
        {
            Assert.DoesNotContain(DataTestRunner.Run(seed.Connection, SchemaCatalog.Get(model)), r => !r.Passed);
        }
        Assert.Equal(MethodNames.All.Count * Scoring.ReliabilityBins, seed.Scalar("SELECT count(*) FROM fact_backtest_reliability WHERE as_of_year = 2020 AND is_selection"));
        // Every scored forecast falls in exactly one bin.
        Assert.Equal(0, seed.Scalar("""
            SELECT count(*) FROM fact_backtest_score s
            JOIN (SELECT cutoff_year, method, sum(n) AS n FROM fact_backtest_reliability WHERE as_of_year = 2020 GROUP BY ALL) r USING (cutoff_year, method)
            WHERE s.as_of_year = 2020 AND s.n <> r.n
            """));
        Assert.Equal(0, seed.Scalar("SELECT count(*) FROM fact_backtest_score WHERE as_of_year = 2020 AND coverage_80 IS NULL"));
        // Every method reports its calibration factors, the mixture its own.
        Assert.Equal(0, seed.Scalar("SELECT count(*) FROM fact_backtest_score WHERE as_of_year = 2020 AND interval_scales IS NULL"));
    }

    [Fact]
    public void ShareAt99_99_HasAnIntervalBelowTheBound_AndAPMetThatAgreesWithIt()
    {
        var c = Case(Share, Comparator.AtLeast, 99, 2024, (2016, 99.9), (2017, 99.95), (2018, 99.97), (2019, 99.98), (2020, 99.99));
        foreach (var method in Methods(c))
        {
            var r = ForecastEngine.Run([c], 2020, [method]).Single();
            Assert.True(r.Upper <= 100 && r.Lower < r.Upper, $"{method.Name}: [{r.Lower}, {r.Upper}]");
            Assert.True(r.Lower > 99, $"{method.Name}: lower {r.Lower}");
            Assert.True(r.PMet >= 0.9, $"{method.Name}: the whole interval is above 99 but P(met) = {r.PMet}");
        }
    }

    [Fact]
    public void FallingMortality_SaturatesAboveZero_NeverReachesIt()
    {
        var c = Case(Mortality, Comparator.AtMost, 1, 2024, (2014, 6), (2015, 5), (2016, 4), (2017, 3.1), (2018, 2.4), (2019, 1.8), (2020, 1.35));
        foreach (var method in new IForecastMethod[] { new UnsdCagrMethod(), new WeightedTrendMethod() })
        {
            var r = ForecastEngine.Run([c], 2020, [method]).Single();
            Assert.True(r.Lower > 0 && r.ProjectedValue > 0, $"{method.Name}: {r.ProjectedValue} [{r.Lower}, {r.Upper}]");
            Assert.True(r.ProjectedValue < 1.35, $"{method.Name}: the fall continues ({r.ProjectedValue})");
        }
        // A linear fit would cross zero: -0.75 a year from 1.35 reaches 0 in under two years.
        Assert.True(TrendFacts.From(c.Series.Points).Line.At(2024) < 0);
    }

    [Fact]
    public void FallingCount_NeverNegative()
    {
        var c = Case(Count, Comparator.AtLeast, 50, 2026, (2016, 400), (2017, 300), (2018, 200), (2019, 120), (2020, 60));
        foreach (var method in Methods(c))
        {
            var r = ForecastEngine.Run([c], 2020, [method]).Single();
            Assert.True(r.Lower >= 0 && r.ProjectedValue > 0, $"{method.Name}: {r.ProjectedValue} [{r.Lower}, {r.Upper}]");
        }
    }

    [Fact]
    public void Distribution_QuantilesAndPMet_AreOneFunction()
    {
        var d = new PredictiveDistribution(ValueScale.For(Share), 0.3, 0.3, 5); // interval well inside 0-100
        var atLower = new TargetSpec(Comparator.AtLeast, d.Lower, 2025, "610100", null);
        var atUpper = new TargetSpec(Comparator.AtMost, d.Upper, 2025, "610100", null);
        var atMedian = new TargetSpec(Comparator.AtLeast, d.Median, 2025, "610100", null);
        Assert.Equal(0.9, d.PMet(atLower), 9);
        Assert.Equal(0.9, d.PMet(atUpper), 9);
        Assert.Equal(0.5, d.PMet(atMedian), 9);
        // A target at the upper bound is met by the mass clamped onto it.
        var full = new TargetSpec(Comparator.AtLeast, 100, 2025, "610100", null);
        Assert.Equal(1 - d.CdfBelow(100), d.PMet(full), 12);
        Assert.True(d.PMet(full) > 0);
    }

    [Fact]
    public void Ml_MovesTheTrendCentreToItsProbability_WithinOneHalfWidth()
    {
        var trend = new PredictiveDistribution(ValueScale.For(Share), 1.0, 0.2, 6);
        var target = new TargetSpec(Comparator.AtLeast, trend.Median, 2025, "610100", null);
        Assert.Equal(0.7, MlMethod.MatchProbability(trend, target, 0.7).PMet(target), 9);
        var capped = MlMethod.MatchProbability(trend, target, 0.9999);
        Assert.Equal(0.9, capped.PMet(target), 6); // one half-width: the 90% quantile sits on the target
        Assert.Equal(trend.Spread, capped.Spread);
    }

    /// <summary>60 straight lines 2008-2020 (slope 0.5 from 50) with noise three times the model's floor, target 60 by 2025.</summary>
    private static List<ForecastCase> NoisyLines(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 60).Select(i =>
        {
            var indicator = new IndicatorProfile("X" + i, true, null, null, "", "ratio");
            var points = Enumerable.Range(2008, 13).Select(y => new SeriesPoint(y, 50 + 0.5 * (y - 2008) + Noise(random) * 2)).ToList();
            return new ForecastCase(new Series(new SeriesKey(indicator.Code, "610100", "T"), indicator, points), new TargetSpec(Comparator.AtLeast, 60, 2025, "610100", null));
        }).ToList();
    }

    [Fact]
    public void IntervalCalibration_ScalesRollingOriginCoverageTo80Percent()
    {
        // Straight lines with noise three times the model's floor: the raw intervals are too narrow.
        var cases = NoisyLines(seed: 7);
        RawPredictor predict = (i, p, k, y) => WeightedTrendMethod.Distribution(i, p, k, y);
        var scale = IntervalCalibration.Fit(cases, 2020, predict);
        int n = 0, inside = 0;
        foreach (var c in cases)
        {
            var points = c.Series.Points;
            for (var k = IntervalCalibration.MinOriginPoints; k < points.Count; k++)
            {
                if (points[k - 1].Year < 2020 - IntervalCalibration.RecentOriginYears) continue;
                for (var j = k; j < points.Count; j++)
                {
                    var d = predict(c.Series.Indicator, points, k, points[j].Year).Widened(scale.At(points[j].Year - points[k - 1].Year));
                    n++;
                    if (points[j].Value >= d.Lower && points[j].Value <= d.Upper) inside++;
                }
            }
        }
        Assert.InRange((double)inside / n, 0.79, 0.86);
        Assert.Throws<InvalidOperationException>(() => IntervalCalibration.Fit(cases, 2019, predict));
    }

    [Fact]
    public void IntervalCalibration_OfAMixture_NarrowsATooWideOneTo80Percent()
    {
        // The same noisy lines; a two-component mixture whose centres disagree by one trend spread, each component three times as wide: too wide.
        // (The factor widens or narrows the components, not the distance between their centres.)
        var cases = NoisyLines(seed: 11);
        static PredictiveDistribution Wide(ForecastCase c)
        {
            var d = WeightedTrendMethod.Distribution(c.Series.Indicator, c.Series.Points, c.Series.Points.Count, c.Target.DeadlineYear);
            return PredictiveDistribution.Mixture([d.Widened(3) with { Location = d.Location - 0.5 * d.Spread }, d.Widened(3) with { Location = d.Location + 0.5 * d.Spread }]);
        }
        var projected = 0;
        var scale = IntervalCalibration.FitCases(cases, 2020, origins =>
        {
            // Each origin case holds the series only up to its origin, and its target's deadline is the outcome year.
            Assert.All(origins, o => Assert.True(o.Target.DeadlineYear > o.Series.LatestYear));
            projected += origins.Count;
            return origins.Select(Wide).ToList();
        });
        Assert.True(scale.At(1) < 1, $"factor {scale}");
        int n = 0, inside = 0;
        foreach (var c in cases)
        {
            var points = c.Series.Points;
            for (var k = IntervalCalibration.MinOriginPoints; k < points.Count; k++)
            {
                if (points[k - 1].Year < 2020 - IntervalCalibration.RecentOriginYears) continue;
                for (var j = k; j < points.Count; j++)
                {
                    var origin = new ForecastCase(c.Series.UpTo(points[k - 1].Year), c.Target with { DeadlineYear = points[j].Year });
                    var d = Wide(origin).Widened(scale.At(points[j].Year - points[k - 1].Year));
                    n++;
                    if (points[j].Value >= d.Lower && points[j].Value <= d.Upper) inside++;
                }
            }
        }
        Assert.Equal(n, projected);
        Assert.True((double)inside / n is >= 0.79 and <= 0.86, $"coverage {(double)inside / n:0.000} with factors {scale}");
        Assert.Throws<InvalidOperationException>(() => IntervalCalibration.FitCases(cases, 2019, o => o.Select(Wide).ToList()));
    }

    [Fact]
    public void IntervalCalibration_UnmeasuredLongHorizons_ContinueTheMeasuredGrowth()
    {
        // Horizons 1-2 measured at 1.0 and 1.2: each further year multiplies by 1.2.
        var grown = IntervalCalibration.WithUnmeasuredHorizons([1.0, 1.2, null, null, null]);
        Assert.Equal([1.0, 1.2, 1.44, 1.728, 2.0736], grown.Select(f => Math.Round(f, 6)));
        // A shrinking factor is not extrapolated downwards: the long horizons keep the last measured one.
        Assert.Equal([1.3, 1.1, 1.1, 1.1, 1.1], IntervalCalibration.WithUnmeasuredHorizons([1.3, 1.1, null, null, null]).Select(f => Math.Round(f, 6)));
        // One measured horizon has no growth to continue; a gap before a measured one borrows the shorter factor.
        Assert.Equal([0.9, 0.9, 0.9, 0.9, 0.9], IntervalCalibration.WithUnmeasuredHorizons([0.9, null, null, null, null]));
        Assert.Equal([1.0, 1.0, 2.0, 2.0, 2.0], IntervalCalibration.WithUnmeasuredHorizons([null, null, 2.0, null, null]));
        // Never beyond the widest factor.
        Assert.Equal(IntervalCalibration.MaxFactor, IntervalCalibration.WithUnmeasuredHorizons([1.0, 4.0, null, null, null])[4]);
    }

    private static double Noise(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Scoring_CoverageAndReliability_HandComputed()
    {
        ScoredPrediction P(double p, bool met, double actual) => new(p, 50, actual, met, 40, 60, 45, 55);
        var predictions = new[] { P(0.05, false, 30), P(0.1, true, 50), P(0.5, true, 58), P(0.95, true, 61), P(1.0, true, 50) };
        var score = Scoring.Score("m", predictions);
        Assert.Equal(3 / 5.0, score.Coverage, 12);      // 30 and 61 are outside [40, 60]
        Assert.Equal(2 / 5.0, score.RawCoverage, 12);   // only the two 50s are inside [45, 55]
        var bins = score.Reliability!;
        Assert.Equal(Scoring.ReliabilityBins, bins.Count);
        Assert.Equal(2, bins[0].N);
        Assert.Equal(0.075, bins[0].MeanPredicted, 12);
        Assert.Equal(0.5, bins[0].ObservedShare, 12);
        Assert.Equal(0, bins[1].N);
        Assert.True(double.IsNaN(bins[1].ObservedShare));
        Assert.Equal(2, bins[4].N); // 1.0 falls in the last bin
        Assert.Equal(0.975, bins[4].MeanPredicted, 12);
        Assert.Equal(1.0, bins[4].ObservedShare, 12);
    }
}
