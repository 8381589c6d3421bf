using System.Globalization;
using System.Net;
using System.Text;

namespace Wcc.Reports.Pack;

/// <summary>Small, escaping HTML builder: every piece of data goes through <see cref="Text"/>, so a unit named
/// <c>&lt;script&gt;</c> shows as text. Markup is only ever written from constants in our code.</summary>
public sealed class Html
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
                buffer.Append(IsNumber(cell) ? "<td class=\"num\">" : "<td>").Append(Escape(Format(cell))).Append("</td>");
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

    public override string ToString() => buffer.ToString();
}
