using System.Globalization;
using Wcc.Reports.Common;

namespace Wcc.Reports.Pack;

/// <summary>
/// A number of the pack as people read it and as a spreadsheet holds it: the HTML (and so the PDF and the Word
/// document) prints <see cref="Display"/>, the workbook writes <see cref="Value"/> as a numeric cell with
/// <see cref="NumberFormat"/> and the year, when there is one, in a column of its own.
/// </summary>
/// <param name="Value">The number; null when there is none (the page shows "—", the sheet an empty cell).</param>
/// <param name="Display">The text the page shows, e.g. "40.23%" or "≥98".</param>
/// <param name="NumberFormat">An Excel number format that shows <see cref="Value"/> as <see cref="Display"/> does
/// (units and comparators as quoted literals, so the cell still sorts and sums as a number).</param>
/// <param name="Year">The year the value refers to (page: a second line "(2020年)"; sheet: its own column).</param>
public sealed record PackValue(double? Value, string Display, string NumberFormat, int? Year = null)
{
    /// <summary>What the page shows (<see cref="Html.Format"/> and string interpolation use it).</summary>
    public override string ToString() => Year is null ? Display : $"{Display}\n({Year}年)";

    /// <summary>A plain number, shown as <see cref="Html.Format"/> shows numbers.</summary>
    public static PackValue Number(object? value) => From(value, Html.Format(value), "", "");

    /// <summary>An indicator value with its unit ("40.23%", "60,000人", "12.18(1/10万)") and its year.</summary>
    public static PackValue Measured(object? value, object? unit, object? year) =>
        From(value, PackFormat.WithUnit(value, unit), "", UnitSuffix(Cells.Text(unit))) with { Year = YearOf(year) };

    /// <summary>A target: comparator, value and unit-less number as the pack writes it ("≥98"), with its deadline year.</summary>
    public static PackValue Target(object? comparator, object? value, object? deadlineYear)
    {
        var symbol = PackFormat.Comparator(comparator);
        return From(value, value is null ? "—" : symbol + Html.Format(value), symbol, "") with { Year = YearOf(deadlineYear) };
    }

    /// <summary>A probability or a share in [0, 1], shown as a whole percentage ("82%"); the sheet keeps 0.82 with format 0%.</summary>
    public static PackValue Probability(object? p) =>
        p is null ? new PackValue(null, "—", "0%") : new PackValue(Cells.Number(p), PackFormat.Percent(p), "0%");

    /// <summary>A number with a fixed count of decimals (e.g. forecast scores, which differ in the third).</summary>
    public static PackValue Fixed(object? value, int decimals) =>
        value is null
            ? new PackValue(null, "—", "0." + new string('0', decimals))
            : new PackValue(Cells.Number(value), Cells.Number(value).ToString("F" + decimals, CultureInfo.InvariantCulture), "0." + new string('0', decimals));

    private static PackValue From(object? value, string display, string prefix, string suffix)
    {
        if (value is null || double.IsNaN(Cells.Number(value))) return new PackValue(null, value is null ? "—" : display, "General");
        var number = Cells.Number(value);
        // As Html.Format: thousands separated from 1,000 up, else at most two decimals (Excel has no "at most": two when any).
        var digits = Math.Abs(number) >= 1000 || number == Math.Floor(number) ? "#,##0" : "0.00";
        return new PackValue(number, display, Literal(prefix) + digits + Literal(suffix));
    }

    /// <summary>The unit as PackFormat.WithUnit attaches it: %, ‰ and counts directly, others in brackets.</summary>
    private static string UnitSuffix(string unit) =>
        unit.Length == 0 ? "" : PackFormat.WithUnit(0, unit)[1..];

    /// <summary>A quoted literal of an Excel number format (quotes in it dropped: they cannot be escaped there).</summary>
    private static string Literal(string text) => text.Length == 0 ? "" : "\"" + text.Replace("\"", "", StringComparison.Ordinal) + "\"";

    private static int? YearOf(object? year) => year is null ? null : Cells.Count(year);
}
