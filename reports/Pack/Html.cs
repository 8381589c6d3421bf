using System.Globalization;
using System.Net;
using System.Text;

namespace Wcc.Reports.Pack;

/// <summary>Small, escaping HTML builder: every piece of data goes through <see cref="Text"/>, so a unit named
/// <c>&lt;script&gt;</c> shows as text. Markup is only ever written from constants in our code.</summary>
public sealed partial class Html
{
    private readonly StringBuilder buffer = new();

    /// <summary>HTML-encodes data (text and attribute values).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Appends trusted markup written in our code (never data).</summary>
    public Html Raw(string markup)
    {
        buffer.Append(markup);
        return this;
    }

    /// <summary>Appends escaped data.</summary>
    public Html Text(string? text)
    {
        buffer.Append(Escape(text));
        return this;
    }

    /// <summary>Appends an element with escaped text content: <c>Element("h2", title)</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        buffer.Append('<').Append(tag);
        if (cssClass is not null) buffer.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        buffer.Append('>').Append(Escape(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Appends a table: a header row and one row per record, every cell escaped; numbers right-aligned.</summary>
    public Html Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? caption = null, string? cssClass = null)
    {
        buffer.Append("<table");
        if (cssClass is not null) buffer.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        buffer.Append('>');
        if (caption is not null) buffer.Append("<caption>").Append(Escape(caption)).Append("</caption>");
        buffer.Append("<thead><tr>");
        foreach (var h in headers) buffer.Append("<th>").Append(Escape(h)).Append("</th>");
        buffer.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            buffer.Append("<tr>");
            foreach (var cell in row)
            {
                var text = Format(cell);
                buffer.Append(CellClass(cell, text) is { } css ? $"<td class=\"{css}\">" : "<td>").Append(Escape(text)).Append("</td>");
            }
            buffer.Append("</tr>");
        }
        buffer.Append("</tbody></table>");
        return this;
    }

    /// <summary>Formats a value for people: numbers with at most two decimals, booleans as 是/否.</summary>
    public static string Format(object? value) => value switch
    {
        null => "—",
        double d when double.IsNaN(d) => "—",
        double d => d.ToString(Math.Abs(d) >= 1000 ? "#,0" : "0.##", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(object? value) => value is double or float or int or long or decimal or short;

    /// <summary>Longest text (in characters, one line) kept on one line in a table cell: a status label, a unit
    /// (市妇儿工委各成员单位), an area and sex (西安市·合计). Longer text breaks as Chinese text does, between characters.</summary>
    public const int ShortCellChars = 10;

    /// <summary>num for a number, or a number written with its unit and year ("98.5%\n(2020年)", "≥100\n(2020年)"),
    /// which never wraps; short for one-line text that must not break mid-word; null for running text.</summary>
    public static string? CellClass(object? value, string text)
    {
        if (IsNumber(value)) return "num";
        var lines = text.Split('\n');
        if (lines.Length <= 2 && lines.All(l => l.Length <= ShortCellChars) && NumberFirst().IsMatch(lines[0])) return "num";
        return lines.Length == 1 && text.Length <= ShortCellChars ? "short" : null;
    }

    /// <summary>A value as tables write it: an optional comparator or sign, digits, then at most a unit (the longest in
    /// seeds/indicators.csv, 小时/年 or 1/10万, is five characters; a longer tail is a name that starts with a digit, 5岁以下儿童死亡率).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[≥≤<>=+\-−]?\d[\d,.]*(%|‰|\S{0,5})$")]
    private static partial System.Text.RegularExpressions.Regex NumberFirst();

    public override string ToString() => buffer.ToString();
}
