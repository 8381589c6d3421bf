using System.Globalization;

namespace Wcc.Notice;

/// <summary>Reads numbers written with Chinese numerals (三十, 一百零五, 六万) or digits with a 万/千/亿 multiplier.</summary>
public static class ChineseNumber
{
    /// <summary>Characters a Chinese numeral is made of, for regular expressions.</summary>
    public const string NumeralChars = "零〇一二两三四五六七八九十百千万亿";

    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4,
        ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    private static readonly Dictionary<char, int> SmallUnits = new() { ['十'] = 10, ['百'] = 100, ['千'] = 1000 };

    private static readonly Dictionary<char, double> BigUnits = new() { ['万'] = 1e4, ['亿'] = 1e8 };

    /// <summary>The value of <paramref name="text"/>, or null when it is not a number.</summary>
    public static double? TryParse(string text)
    {
        text = AsciiDigits(text.Trim()).Replace('．', '.');
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)) return plain;
        var last = text[^1];
        if (text.Length > 1 && (BigUnits.ContainsKey(last) || last == '千')
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var scaled))
        {
            return scaled * (last == '千' ? 1000 : BigUnits[last]);
        }
        return ParseNumerals(text);
    }

    /// <summary>An integer written in any script's decimal digits (full-width １２ included); regexes' \d matches them all.</summary>
    public static int ParseInt(string digits) => int.Parse(AsciiDigits(digits), CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> with every decimal digit (full-width ０-９ and others) replaced by its ASCII digit.</summary>
    public static string AsciiDigits(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });

    /// <summary>Reads pure Chinese numerals; null when a character is not one.</summary>
    public static double? ParseNumerals(string text)
    {
        double total = 0, section = 0;
        var digit = -1;
        foreach (var c in text)
        {
            if (Digits.TryGetValue(c, out var d))
            {
                digit = d;
            }
            else if (SmallUnits.TryGetValue(c, out var small))
            {
                // 十 alone means 10 (十二 = 12).
                section += (digit < 0 ? 1 : digit) * small;
                digit = -1;
            }
            else if (BigUnits.TryGetValue(c, out var big))
            {
                total += (section + Math.Max(digit, 0)) * big;
                section = 0;
                digit = -1;
            }
            else
            {
                return null;
            }
        }
        return total + section + Math.Max(digit, 0);
    }
}
