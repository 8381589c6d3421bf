namespace Wcc.Tests.Support.Forecast;

/// <summary>Seeded generator of indicator series with targets, for backtests in tests (not production data).</summary>
/// <remarks>Three indicators: a bounded coverage rate (>=), a mortality rate (lower is better, &lt;=) and a sex ratio (=),
/// over the city and its districts, F/M, with irregular years 2010-2022 and targets due in 2020.</remarks>
public static class SyntheticSeriesGenerator
{
    public const int DeadlineYear = 2020;

    /// <summary>Fills <paramref name="w"/> with about <paramref name="seriesCount"/> series; returns how many were made.</summary>
    public static int Fill(ForecastTestWarehouse w, int seriesCount = 60, int seed = 7)
    {
        var random = new Random(seed);
        w.Indicator("COV", "higher", 0, 100, "%")
         .Indicator("MORT", "lower", 0, null, "‰")
         .Indicator("SEXR", "higher", 0, null, "", "ratio");
        w.Target("COV", ForecastTestWarehouse.City, "F", ">=", 90, DeadlineYear)
         .Target("COV", ForecastTestWarehouse.City, "M", ">=", 90, DeadlineYear)
         .Target("MORT", ForecastTestWarehouse.City, "F", "<=", 8, DeadlineYear)
         .Target("MORT", ForecastTestWarehouse.City, "M", "<=", 8, DeadlineYear)
         .Target("SEXR", ForecastTestWarehouse.City, "T", "=", 105, DeadlineYear);
        var areas = new[] { ForecastTestWarehouse.City }.Concat(ForecastTestWarehouse.Districts).ToList();
        var made = 0;
        foreach (var (indicator, sexes) in new[] { ("COV", new[] { "F", "M" }), ("MORT", new[] { "F", "M" }), ("SEXR", new[] { "T" }) })
        {
            foreach (var area in areas)
            {
                foreach (var sex in sexes)
                {
                    if (made >= seriesCount) return made;
                    w.Observations(indicator, area, sex, Points(indicator, random).ToArray());
                    made++;
                }
            }
        }
        return made;
    }

    private static IEnumerable<(int, double)> Points(string indicator, Random random)
    {
        var (start, slope, noise) = indicator switch
        {
            "COV" => (70 + random.NextDouble() * 15, 0.5 + random.NextDouble() * 2.5, 0.8),
            "MORT" => (9 + random.NextDouble() * 4, -(0.1 + random.NextDouble() * 0.5), 0.25),
            _ => (103 + random.NextDouble() * 6, -0.4 + random.NextDouble() * 0.6, 0.3),
        };
        for (var year = 2010; year <= 2022; year++)
        {
            // Irregular series: most years observed, the deadline always (so the backtest can score it).
            if (year != DeadlineYear && random.NextDouble() < 0.3) continue;
            var value = start + slope * (year - 2010) + Normal(random) * noise;
            yield return (year, indicator == "COV" ? Math.Min(100, value) : Math.Max(0, value));
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
