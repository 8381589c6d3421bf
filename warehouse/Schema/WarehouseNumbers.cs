namespace Wcc.Warehouse.Schema;

/// <summary>The numbers the warehouse stores: finite, and no larger in magnitude than <see cref="MaxMagnitude"/>.</summary>
/// <remarks>
/// No indicator of women's and children's development (counts of people, rates, money in yuan for a city) comes near
/// 10^12 (China's population is 1.4·10^9), so a larger value is a typing or unit mistake; the bound also keeps every sum,
/// square and projection of stored values finite (1e308 loads as a double, then F + M or a trend overflows to Infinity),
/// so no report shows Infinity or NaN. Observations, reference bounds and targets, and scenario numbers all read it.
/// </remarks>
public static class WarehouseNumbers
{
    /// <summary>Largest absolute value any stored measure, target or pace may have.</summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>The bound as messages write it.</summary>
    public const string MaxMagnitudeText = "10^12";

    /// <summary>True when <paramref name="value"/> is finite and within ±<see cref="MaxMagnitude"/>.</summary>
    public static bool IsStorable(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
