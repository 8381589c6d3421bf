using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>Trend facts of a series (at least two points) shared by the methods, the ML features and the reasons.</summary>
public sealed class TrendFacts
{
    /// <summary>Half-life, in years, of the weights of the time-weighted trend: a point 3 years older counts half.</summary>
    public const double HalfLifeYears = 3.0;

    /// <summary>Residual scatter never assumed below 1% of the latest value: two points fit any line exactly, which says nothing about noise.</summary>
    public const double MinRelativeScatter = 0.01;

    /// <summary>Absolute floor of the scatter, for series sitting at zero.</summary>
    public const double MinAbsoluteScatter = 1e-6;

    private TrendFacts(SeriesPoint first, SeriesPoint latest, WeightedLine line, double? cagr, int count, double scatterFloor)
    {
        First = first;
        Latest = latest;
        Line = line;
        Cagr = cagr;
        Count = count;
        ScatterFloor = scatterFloor;
    }

    /// <summary>Baseline (first) observation.</summary>
    public SeriesPoint First { get; }

    /// <summary>Latest observation.</summary>
    public SeriesPoint Latest { get; }

    /// <summary>Time-weighted least-squares line (exponential weights, <see cref="HalfLifeYears"/>).</summary>
    public WeightedLine Line { get; }

    /// <summary>Compound annual growth rate baseline→latest; null when either value is not positive.</summary>
    public double? Cagr { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Smallest residual SD assumed (see <see cref="MinRelativeScatter"/>).</summary>
    public double ScatterFloor { get; }

    /// <summary>Years from baseline to latest (&gt; 0).</summary>
    public int Span => Latest.Year - First.Year;

    /// <summary>Average change per year baseline→latest.</summary>
    public double AverageAnnualChange => (Latest.Value - First.Value) / Span;

    /// <summary>Residual SD of the weighted line, floored.</summary>
    public double WeightedScatter => Math.Max(Line.ResidualSd, ScatterFloor);

    /// <summary>Computes the facts from <paramref name="points"/> (year order, at least two).</summary>
    public static TrendFacts From(IReadOnlyList<SeriesPoint> points) => From(points, points.Count);

    /// <summary>Computes the facts from the first <paramref name="count"/> points only (rolling origin without copying).</summary>
    public static TrendFacts From(IReadOnlyList<SeriesPoint> points, int count)
    {
        if (count < 2) throw new ArgumentException("trend facts need at least two points");
        Span<double> x = count <= 64 ? stackalloc double[count] : new double[count];
        Span<double> y = count <= 64 ? stackalloc double[count] : new double[count];
        Span<double> w = count <= 64 ? stackalloc double[count] : new double[count];
        var latest = points[count - 1];
        for (var i = 0; i < count; i++)
        {
            x[i] = points[i].Year;
            y[i] = points[i].Value;
            w[i] = RecencyWeight(latest.Year - points[i].Year);
        }
        var line = WeightedLine.Fit(x, y, w);
        var first = points[0];
        double? cagr = first.Value > 0 && latest.Value > 0
            ? Math.Pow(latest.Value / first.Value, 1.0 / (latest.Year - first.Year)) - 1
            : null;
        var floor = Math.Max(Math.Abs(latest.Value) * MinRelativeScatter, MinAbsoluteScatter);
        return new TrendFacts(first, latest, line, cagr, count, floor);
    }

    /// <summary>The time-weighted line through the first <paramref name="count"/> points, values mapped by <paramref name="transform"/>
    /// (the indicator's <see cref="ValueScale.Forward"/>).</summary>
    public static WeightedLine FitLine(IReadOnlyList<SeriesPoint> points, int count, Func<double, double> transform)
    {
        if (count < 2) throw new ArgumentException("a trend needs at least two points");
        Span<double> x = count <= 64 ? stackalloc double[count] : new double[count];
        Span<double> y = count <= 64 ? stackalloc double[count] : new double[count];
        Span<double> w = count <= 64 ? stackalloc double[count] : new double[count];
        var latestYear = points[count - 1].Year;
        for (var i = 0; i < count; i++)
        {
            x[i] = points[i].Year;
            y[i] = transform(points[i].Value);
            w[i] = RecencyWeight(latestYear - points[i].Year);
        }
        return WeightedLine.Fit(x, y, w);
    }

    /// <summary>Exponential recency weight: 0.5 ^ (age / half-life).</summary>
    public static double RecencyWeight(int ageYears) => Math.Pow(0.5, ageYears / HalfLifeYears);
}
