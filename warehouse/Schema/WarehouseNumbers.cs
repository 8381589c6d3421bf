namespace Wcc.Warehouse.Schema;

/// <summary>The numbers the warehouse stores: finite, and no larger in magnitude than <see cref="MaxMagnitude"/>.</summary>
/// <remarks>
/// No indicator of this domain comes near 10^15 (China's population is 1.4·10^9, Xi'an's GDP about 10^12 yuan),
/// so a larger value is a typing or unit mistake; the bound also keeps every sum, square and projection of stored
/// values finite (10^15 squared times 10^4 rows is still far below double's 1.8·10^308), so no report shows Infinity or NaN.
/// </remarks>
public static class WarehouseNumbers
{
    /// <summary>Largest absolute value any stored measure, target or pace may have.</summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>The bound as messages write it.</summary>
    public const string MaxMagnitudeText = "10^15";

    /// <summary>True when <paramref name="value"/> is finite and within ±<see cref="MaxMagnitude"/>.</summary>
    public static bool IsStorable(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
