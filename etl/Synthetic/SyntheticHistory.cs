using Wcc.Warehouse.Vocabulary;
using Bogus;

namespace Wcc.Etl.Synthetic;

/// <summary>Generates believable, seeded indicator histories for the city and its districts (the embedded default data).</summary>
/// <remarks>
/// Each indicator gets a city path from a baseline in <see cref="FirstYear"/> to an end value whose distance to the
/// target is set by a drawn <see cref="Fate"/>, so the reports have met targets, close calls and clear misses to show.
/// Districts scatter around the city (central districts ahead, counties behind); sexes split around the total;
/// a few district-years go missing and a few late values are revised.
/// </remarks>
public sealed class SyntheticHistory(int seed)
{
    /// <summary>First year of generated history.</summary>
    public const int FirstYear = 2010;

    /// <summary>Last year of generated history (the end of the 2011-2020 plans and of the 2018-2020 notice).</summary>
    public const int LastYear = 2020;

    /// <summary>Chance that a district-year is not reported.</summary>
    public const double MissingYearRate = 0.04;

    /// <summary>Chance that a 2019-2020 value is later revised.</summary>
    public const double RevisionRate = 0.03;

    /// <summary>The city whose districts the generator fills.</summary>
    public static string CityCode => WarehouseParameters.FocusAreaCode;

    private readonly Randomizer random = new(seed);

    /// <summary>Initial observations (some provisional) and the revisions that supersede a few of them.</summary>
    public (IReadOnlyList<SyntheticObservation> Initial, IReadOnlyList<SyntheticObservation> Revisions) Generate(
        IReadOnlyList<IndicatorProfile> indicators, IReadOnlyList<AreaProfile> areas)
    {
        var initial = new List<SyntheticObservation>();
        var revisions = new List<SyntheticObservation>();
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            foreach (var obs in GenerateIndicator(indicator, areas))
            {
                var isLate = obs.Year >= LastYear - 1;
                // A count by sex adds up (F + M = T): revising one of the three alone would break that, so they are not revised.
                var revisable = isLate && !(indicator.IsCount && indicator.SexDisaggregated);
                if (revisable && random.Bool((float)RevisionRate))
                {
                    initial.Add(obs with { Status = "provisional" });
                    var revised = Clamp(indicator, obs.Value * (1 + random.Double(-0.02, 0.02)));
                    revisions.Add(obs with { Value = Round(indicator, revised), Status = "revised" });
                }
                else
                {
                    initial.Add(obs);
                }
            }
        }
        return (initial, revisions);
    }

    private IEnumerable<SyntheticObservation> GenerateIndicator(IndicatorProfile indicator, IReadOnlyList<AreaProfile> areas)
    {
        var target = indicator.Targets.FirstOrDefault(t => t.AreaCode == CityCode) ?? indicator.Targets.FirstOrDefault();
        var pathSex = target?.Sex ?? (indicator.SexDisaggregated ? "T" : indicator.Population == "women" ? "F" : "T");
        var cityPath = CityPath(indicator, target);
        var gap = indicator.SexDisaggregated ? SexGap(indicator, cityPath[^1]) : 0;
        var femaleShare = random.Double(0.44, 0.52);
        var shares = DistrictShares(areas);
        var spread = Math.Max(Math.Abs(cityPath[^1] - cityPath[0]) * 0.25, Scale(indicator, target) * 0.08);
        var offsets = areas.ToDictionary(a => a.Code, a => a.IsCity ? 0 : DistrictOffset(a) * spread);

        for (var year = FirstYear; year <= LastYear; year++)
        {
            var city = cityPath[year - FirstYear];
            var levels = new Dictionary<string, double>();
            foreach (var area in areas.Where(a => !a.IsCity))
            {
                var noise = random.GaussianLike() * spread * 0.12;
                levels[area.Code] = indicator.IsCount
                    ? Math.Max(0, city * shares[area.Code] * (1 + random.GaussianLike() * 0.03))
                    : city + Better(indicator, offsets[area.Code]) + noise;
            }
            // Counts add up: the city is the sum of its districts; rates scatter around the city path.
            var cityLevel = indicator.IsCount ? levels.Values.Sum() : city + random.GaussianLike() * spread * 0.04;
            foreach (var area in areas)
            {
                if (!area.IsCity && year > FirstYear && random.Bool((float)MissingYearRate)) continue;
                var level = area.IsCity ? cityLevel : levels[area.Code];
                foreach (var (sex, value) in SplitBySex(indicator, pathSex, level, gap, femaleShare))
                {
                    yield return new SyntheticObservation(indicator.Code, area.Code, year, sex, Round(indicator, Clamp(indicator, value)), null);
                }
            }
        }
    }

    /// <summary>City values for every year, from baseline to an end value placed by the drawn fate.</summary>
    private double[] CityPath(IndicatorProfile indicator, TargetProfile? target)
    {
        var scale = Scale(indicator, target);
        var fate = DrawFate(indicator);
        double end;
        if (target is null)
        {
            end = SyntheticAnchors.TypicalLevel.TryGetValue(indicator.Code, out var typical)
                ? (indicator.IsCount ? typical * (1 + random.Double(-0.1, 0.1)) : typical + random.Double(-0.2, 0.2) * scale)
                : indicator.IsCount ? random.Double(2_000, 20_000) : Midpoint(indicator) + random.Double(-0.2, 0.2) * scale;
        }
        else
        {
            var distance = fate switch
            {
                Fate.ClearlyMet => random.Double(0.15, 0.4),
                Fate.JustMet => random.Double(0.01, 0.05),
                Fate.CloseCall => -random.Double(0.02, 0.08),
                _ => -random.Double(0.25, 0.6),
            } * scale;
            end = target.Value + Better(indicator, distance);
        }
        var anchored = SyntheticAnchors.CityValue2017.TryGetValue(indicator.Code, out var anchor);
        var progress = random.Double(0.6, 1.4) * scale;
        var baseline = anchored
            ? anchor - Better(indicator, progress * (SyntheticAnchors.AnchorYear - FirstYear) / (LastYear - FirstYear))
            : end - Better(indicator, progress);
        if (anchored) end = anchor + (anchor - baseline) * (LastYear - SyntheticAnchors.AnchorYear) / (SyntheticAnchors.AnchorYear - FirstYear);
        var curvature = random.Double(0.7, 1.3);
        var path = new double[LastYear - FirstYear + 1];
        for (var i = 0; i < path.Length; i++)
        {
            var t = (double)i / (path.Length - 1);
            path[i] = Clamp(indicator, baseline + (end - baseline) * Math.Pow(t, curvature));
        }
        return path;
    }

    private Fate DrawFate(IndicatorProfile indicator)
    {
        var shareMet = SyntheticAnchors.ShareMet.GetValueOrDefault(indicator.Population, SyntheticAnchors.ShareMet["both"]);
        var u = random.Double();
        if (u < shareMet * 0.6) return Fate.ClearlyMet;
        if (u < shareMet) return Fate.JustMet;
        return u < shareMet + (1 - shareMet) * 0.5 ? Fate.CloseCall : Fate.ClearlyMissed;
    }

    /// <summary>How far one "unit of progress" is for this indicator: a tenth of a count target, or a share of a rate's room.</summary>
    private static double Scale(IndicatorProfile indicator, TargetProfile? target)
    {
        var reference = target?.Value ?? (SyntheticAnchors.TypicalLevel.TryGetValue(indicator.Code, out var typical) ? typical : (double?)null);
        if (indicator.IsCount) return Math.Max(Math.Abs(reference ?? 10_000) * 0.25, 1);
        reference ??= Midpoint(indicator);
        var room = reference.Value - (indicator.LowerBound ?? 0);
        // A level such as life expectancy or years of schooling moves a few per cent in a decade, not a sixth of its value.
        var share = indicator.LowerIsBetter ? 0.5 : indicator.MeasureKind == Seeds.IndicatorSeedFile.ScoreKind ? 0.05 : 0.15;
        return Math.Max(Math.Abs(room) * share, indicator.MeasureKind == Seeds.IndicatorSeedFile.ScoreKind ? 0.1 : 0.5);
    }

    private static double Midpoint(IndicatorProfile indicator) =>
        indicator is { LowerBound: { } lo, UpperBound: { } hi } ? lo + (hi - lo) * 0.6 : 50;

    /// <summary>Signs a distance so that positive means "better" for the indicator's direction.</summary>
    private static double Better(IndicatorProfile indicator, double distance) => indicator.LowerIsBetter ? -distance : distance;

    private double DistrictOffset(AreaProfile area) =>
        area.IsCentral ? random.Double(0.3, 0.9) : area.IsCounty ? -random.Double(0.6, 1.4) : random.Double(-0.5, 0.4);

    private Dictionary<string, double> DistrictShares(IReadOnlyList<AreaProfile> areas)
    {
        var weights = areas.Where(a => !a.IsCity).ToDictionary(a => a.Code, a => a.IsCentral ? random.Double(1.2, 1.8) : random.Double(0.5, 1.1));
        var total = weights.Values.Sum();
        return weights.ToDictionary(w => w.Key, w => w.Value / total);
    }

    private double SexGap(IndicatorProfile indicator, double level) =>
        indicator.IsCount ? 0 : random.Double(-0.06, 0.04) * Math.Max(Math.Abs(level), 1);

    /// <summary>Splits one area-year level into the sexes the indicator reports; counts stay additive (F + M = T).</summary>
    private static IEnumerable<(string Sex, double Value)> SplitBySex(IndicatorProfile indicator, string pathSex, double level, double gap, double femaleShare)
    {
        if (!indicator.SexDisaggregated)
        {
            yield return (pathSex, level);
            yield break;
        }
        if (indicator.IsCount)
        {
            var total = pathSex == "F" ? level / femaleShare : level;
            var female = Math.Round(total * femaleShare);
            yield return ("F", female);
            yield return ("M", Math.Round(total) - female);
            yield return ("T", Math.Round(total));
            yield break;
        }
        var (f, m) = pathSex == "F" ? (level, level - gap) : (level + gap / 2, level - gap / 2);
        yield return ("F", f);
        yield return ("M", m);
        yield return ("T", (f + m) / 2);
    }

    private static double Clamp(IndicatorProfile indicator, double value)
    {
        if (indicator.LowerBound is { } lo && value < lo) value = lo;
        if (indicator.UpperBound is { } hi && value > hi) value = hi;
        return indicator.IsCount ? Math.Max(0, value) : value;
    }

    private static double Round(IndicatorProfile indicator, double value) =>
        indicator.IsCount ? Math.Round(value) : Math.Round(value, 2);
}

/// <summary>Normal-ish draws from Bogus' seeded uniform source.</summary>
internal static class RandomizerExtensions
{
    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double GaussianLike(this Randomizer random)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
