using System.Globalization;

namespace Wcc.Reports.Common;

/// <summary>Typed reads of the CLR values DuckDB returns (long, int, decimal, double, bool), null-safe.</summary>
public static class Cells
{
    /// <summary>A number as double; NaN for null.</summary>
    public static double Number(object? value) => value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>A count as int; 0 for null.</summary>
    public static int Count(object? value) => value is null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>A flag; false for null.</summary>
    public static bool Flag(object? value) => value is bool b && b;

    /// <summary>Text; empty for null.</summary>
    public static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
