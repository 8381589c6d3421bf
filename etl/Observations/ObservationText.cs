using System.Text;
using Wcc.Warehouse.Text;

namespace Wcc.Etl.Observations;

/// <summary>Normalises the field spellings Excel and WPS produce (decoding is <see cref="TextDecoder"/>'s, the one decoder of every loader).</summary>
public static class ObservationText
{
    /// <summary>GB18030, a superset of GBK and GB2312: what Chinese Excel saves as "CSV" (strict: files are decoded by <see cref="TextDecoder"/>).</summary>
    public static Encoding Gb18030 => TextDecoder.StrictGb18030;

    /// <summary>Maps full-width ASCII forms (９８．５％, ＦＭＴ, the ideographic space) to their ASCII twins.</summary>
    public static string ToHalfWidth(string field)
    {
        if (!field.Any(IsFullWidth)) return field;
        var chars = field.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == IdeographicSpace) chars[i] = ' ';
            else if (c is >= FullWidthFirst and <= FullWidthLast) chars[i] = (char)(c - FullWidthOffset);
        }
        return new string(chars);
    }

    /// <summary>A value as typed in a spreadsheet ("1,234", "98.5%", " 12 ") reduced to a plain number literal.</summary>
    /// <remarks>Only digit groups of three after a comma are taken as thousands separators; anything else stays and fails the numeric check.</remarks>
    public static string NormaliseNumber(string value)
    {
        var v = ToHalfWidth(value).Trim();
        if (v.EndsWith('%')) v = v[..^1].TrimEnd();
        if (v.Contains(',') && IsGroupedNumber(v)) v = v.Replace(",", "", StringComparison.Ordinal);
        return v;
    }

    private static bool IsGroupedNumber(string v)
    {
        var groups = v.TrimStart('-', '+').Split('.')[0].Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit)) && groups.Skip(1).All(g => g.Length == 3);
    }

    private const char IdeographicSpace = '\u3000';
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    private static bool IsFullWidth(char c) => c == IdeographicSpace || c is >= FullWidthFirst and <= FullWidthLast;
}
