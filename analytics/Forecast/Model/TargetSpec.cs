namespace Wcc.Analytics.Forecast.Model;

/// <summary>How a target compares a value with its level.</summary>
public enum Comparator
{
    /// <summary>>= : at least the target (coverage rates).</summary>
    AtLeast,

    /// <summary>&lt;= : at most the target (mortality rates).</summary>
    AtMost,

    /// <summary>= : equal within <see cref="TargetSpec.EqualRelativeTolerance"/> (ratios such as a sex ratio).</summary>
    Equal,
}

/// <summary>A target level with its deadline, as it applies to one series.</summary>
/// <param name="TargetAreaCode">The area the target was set for; differs from the series' area for derived district targets.</param>
public sealed record TargetSpec(Comparator Comparator, double Value, int DeadlineYear, string TargetAreaCode, int? TaskNo)
{
    /// <summary>An `=` target counts as met within 1% of its level (at least <see cref="EqualAbsoluteTolerance"/>).</summary>
    public const double EqualRelativeTolerance = 0.01;

    /// <summary>Absolute floor of the `=` tolerance so a target of 0 can be met.</summary>
    public const double EqualAbsoluteTolerance = 1e-9;

    /// <summary>Half-width of the band an `=` target accepts.</summary>
    public double Tolerance => Math.Max(Math.Abs(Value) * EqualRelativeTolerance, EqualAbsoluteTolerance);

    /// <summary>Whether <paramref name="value"/> meets the target.</summary>
    public bool IsMet(double value) => Comparator switch
    {
        Comparator.AtLeast => value >= Value,
        Comparator.AtMost => value <= Value,
        _ => Math.Abs(value - Value) <= Tolerance,
    };

    /// <summary>+1 when progress means rising towards the target, -1 when falling; for `=` it points from <paramref name="from"/> to the level.</summary>
    public int ProgressSign(double from) => Comparator switch
    {
        Comparator.AtLeast => 1,
        Comparator.AtMost => -1,
        _ => Value >= from ? 1 : -1,
    };

    /// <summary>Comparator as stored in the warehouse (>=, &lt;=, =).</summary>
    public string ComparatorText => Comparator switch { Comparator.AtLeast => ">=", Comparator.AtMost => "<=", _ => "=" };

    /// <summary>Parses the warehouse's comparator text.</summary>
    public static Comparator ParseComparator(string text) => text.Trim() switch
    {
        ">=" or "≥" => Comparator.AtLeast,
        "<=" or "≤" => Comparator.AtMost,
        "=" or "==" => Comparator.Equal,
        _ => throw new ArgumentException($"unknown comparator `{text}` (expected >=, <= or =)"),
    };
}

/// <summary>One thing to forecast: a series measured against a target.</summary>
public sealed record ForecastCase(Series Series, TargetSpec Target)
{
    /// <summary>True when the target was set for another area (a city target applied to a district).</summary>
    public bool IsDerived => Target.TargetAreaCode != Series.Key.AreaCode;
}
