using System.Globalization;
using System.Text.RegularExpressions;
using Wcc.Etl.Observations;

namespace Wcc.Etl.Collection;

/// <summary>Turns a value cell into a number the way a clerk meant it: numbers stored as text, full-width digits, 98%, 1,234.</summary>
public static partial class CollectionValue
{
    /// <summary>The unit of measure written for percentages.</summary>
    public const string PercentUnit = "%";

    /// <summary>Parses <paramref name="cell"/> for an indicator measured in <paramref name="unitOfMeasure"/>; null with the problem in Chinese when it is not a number.</summary>
    public static (double? Value, string? Problem) Parse(ReadCell cell, string unitOfMeasure)
    {
        if (cell.Number is { } number)
        {
            // A cell formatted as a percentage stores 98% as 0.98; the form's unit is percentage points.
            return (cell.IsPercentFormatted && unitOfMeasure == PercentUnit ? number * 100 : number, null);
        }
        var text = new string(ObservationText.ToHalfWidth(cell.Text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var hasPercent = text.EndsWith('%');
        if (hasPercent) text = text[..^1];
        if (text.EndsWith('‰') && unitOfMeasure == "‰") text = text[..^1];
        if (Thousands().IsMatch(text)) text = text.Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return (null, $"“{cell.Text}”不是数值");
        }
        if (hasPercent && unitOfMeasure != PercentUnit) return (null, $"“{cell.Text}”带百分号，但该指标的计量单位是{unitOfMeasure}");
        return (value, null);
    }

    /// <summary>Parses a completion date: a date cell, or text such as 2020-06-30, 2020/6/30, 2020年6月30日, 2020.6.30.</summary>
    public static DateOnly? ParseDate(ReadCell cell)
    {
        if (cell.Number is { } serial && serial is > 0 and < 2958466) return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        var text = ObservationText.ToHalfWidth(cell.Text ?? "").Trim().Replace('年', '-').Replace('月', '-').Replace("日", "", StringComparison.Ordinal)
            .Replace('/', '-').Replace('.', '-');
        return DateOnly.TryParseExact(text, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Thousands();
}
