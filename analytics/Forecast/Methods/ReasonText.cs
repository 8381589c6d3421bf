using System.Globalization;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>The Chinese sentences that explain a forecast ("需年均提高2.1个百分点，近年年均提高0.8个百分点").</summary>
public static class ReasonText
{
    /// <summary>Required pace to the deadline against the observed pace (weighted slope).</summary>
    public static string Pace(ForecastCase c, TrendFacts facts)
    {
        var t = c.Target;
        var yearsLeft = Math.Max(t.DeadlineYear - facts.Latest.Year, 1);
        var required = (t.Value - facts.Latest.Value) / yearsLeft;
        var observed = facts.Line.Slope;
        var unit = c.Series.Indicator.Unit;
        // Already on the right side of the target, the "required" pace is slack, not a demand.
        if (t.IsMet(facts.Latest.Value)) return $"目前已达标，近年年均{Change(observed, unit)}";
        return $"需年均{Change(required, unit)}，近年年均{Change(observed, unit)}";
    }

    /// <summary>"提高2.1个百分点" / "降低0.4‰" / "持平".</summary>
    public static string Change(double perYear, string unit)
    {
        var magnitude = Number(Math.Abs(perYear));
        if (magnitude == "0") return "持平";
        return (perYear > 0 ? "提高" : "降低") + magnitude + UnitSuffix(unit);
    }

    /// <summary>How a difference of rates is spoken: percentage points, per-mille points, or the unit itself.</summary>
    public static string UnitSuffix(string unit) => unit.Trim() switch
    {
        "%" => "个百分点",
        "‰" => "个千分点",
        "" => "",
        var u => u,
    };

    /// <summary>A value with its unit ("85.3%").</summary>
    public static string Value(double value, string unit) => Number(value) + (unit is "%" or "‰" ? unit : "");

    /// <summary>Up to two significant decimals, invariant culture, no trailing zeros.</summary>
    public static string Number(double value)
    {
        var abs = Math.Abs(value);
        var format = abs >= 100 ? "0.#" : abs >= 1 ? "0.##" : "0.###";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>"≥98%" etc.</summary>
    public static string Target(TargetSpec t, string unit) =>
        (t.Comparator switch { Comparator.AtLeast => "≥", Comparator.AtMost => "≤", _ => "=" }) + Value(t.Value, unit);
}
