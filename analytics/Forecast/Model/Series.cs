namespace Wcc.Analytics.Forecast.Model;

/// <summary>Identifies one observed series: indicator x area x sex.</summary>
public sealed record SeriesKey(string IndicatorCode, string AreaCode, string Sex) : IComparable<SeriesKey>
{
    /// <summary>Ordinal order so every run visits series in the same sequence (determinism).</summary>
    public int CompareTo(SeriesKey? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(IndicatorCode, other.IndicatorCode);
        if (c != 0) return c;
        c = string.CompareOrdinal(AreaCode, other.AreaCode);
        return c != 0 ? c : string.CompareOrdinal(Sex, other.Sex);
    }

    /// <inheritdoc />
    public override string ToString() => $"{IndicatorCode}/{AreaCode}/{Sex}";
}

/// <summary>One observed value of a series.</summary>
public readonly record struct SeriesPoint(int Year, double Value);

/// <summary>What the forecast needs to know about an indicator: which way is progress, its natural bounds and unit.</summary>
public sealed record IndicatorProfile(string Code, bool HigherIsBetter, double? LowerBound, double? UpperBound, string Unit, string MeasureKind)
{
    /// <summary>Clamps a value into the indicator's natural bounds (e.g. 0-100 for a percentage).</summary>
    public double Clamp(double value)
    {
        if (LowerBound is { } lo && value < lo) value = lo;
        if (UpperBound is { } hi && value > hi) value = hi;
        return value;
    }
}

/// <summary>A series: its points sorted by year, one per year, and the indicator it measures.</summary>
public sealed record Series
{
    /// <summary>Creates a series; points are sorted by year and must not repeat a year.</summary>
    public Series(SeriesKey key, IndicatorProfile indicator, IEnumerable<SeriesPoint> points)
    {
        Key = key;
        Indicator = indicator;
        Points = points.OrderBy(p => p.Year).ToArray();
        for (var i = 1; i < Points.Count; i++)
        {
            if (Points[i].Year == Points[i - 1].Year) throw new ArgumentException($"{key}: year {Points[i].Year} appears twice");
        }
    }

    /// <summary>Indicator x area x sex.</summary>
    public SeriesKey Key { get; }

    /// <summary>Direction, bounds and unit of the indicator.</summary>
    public IndicatorProfile Indicator { get; }

    /// <summary>Observations in year order.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; }

    /// <summary>The series as it was known at the end of <paramref name="year"/>: later points removed.</summary>
    public Series UpTo(int year) =>
        Points.Count == 0 || Points[^1].Year <= year ? this : new Series(Key, Indicator, Points.Where(p => p.Year <= year));

    /// <summary>Latest year observed, or null for an empty series.</summary>
    public int? LatestYear => Points.Count == 0 ? null : Points[^1].Year;
}
