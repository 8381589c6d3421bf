using System.Text.RegularExpressions;

namespace Wcc.Etl.Notice;

/// <summary>What a line of a notice is, judged on its own.</summary>
internal enum LineKind { Blank, Chinese, Paren, Arabic, Text }

/// <summary>A classified line: kind, the number it starts with (if any) and the text after the number.</summary>
internal sealed record NoticeLine(int LineNo, LineKind Kind, int Number, string Rest, string Raw)
{
    private static readonly Regex ChinesePattern = new($"^([{ChineseNumber.NumeralChars}]+)\\s*、\\s*(.*)$", RegexOptions.Compiled);
    private static readonly Regex ParenPattern = new($"^[(（]\\s*([{ChineseNumber.NumeralChars}]+)\\s*[)）]\\s*(.*)$", RegexOptions.Compiled);

    // 1. / 1． / 1、 — a full stop followed by a digit is a decimal, not a task number. Any number of digits: a task
    // number beyond NoticeLimits.MaxTasks must be refused loudly, not read as text continuing the task before it.
    private static readonly Regex ArabicPattern = new(@"^(\d+)\s*(?:[、]|[.．](?!\d))\s*(.*)$", RegexOptions.Compiled);

    /// <summary>Splits text into classified lines, numbered from 1.</summary>
    public static IReadOnlyList<NoticeLine> Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var raw = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        return raw.Select((line, i) => Classify(i + 1, line)).ToList();
    }

    private static NoticeLine Classify(int lineNo, string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0) return new NoticeLine(lineNo, LineKind.Blank, 0, "", raw);
        if (Numbered(ArabicPattern, line, ArabicInt) is { } arabic) return new NoticeLine(lineNo, LineKind.Arabic, arabic.No, arabic.Text, raw);
        if (Numbered(ParenPattern, line, ChineseInt) is { } paren) return new NoticeLine(lineNo, LineKind.Paren, paren.No, paren.Text, raw);
        if (Numbered(ChinesePattern, line, ChineseInt) is { } chinese) return new NoticeLine(lineNo, LineKind.Chinese, chinese.No, chinese.Text, raw);
        return new NoticeLine(lineNo, LineKind.Text, 0, line, raw);
    }

    private static (int No, string Text)? Numbered(Regex pattern, string line, Func<string, int> number)
    {
        var m = pattern.Match(line);
        return m.Success && m.Groups[2].Value.Trim().Length > 0 ? (number(m.Groups[1].Value), m.Groups[2].Value.Trim()) : null;
    }

    /// <summary>The number, or int.MaxValue when it has more digits than an int holds (still beyond every limit).</summary>
    private static int ArabicInt(string digits) => digits.Length > 9 ? int.MaxValue : ChineseNumber.ParseInt(digits);

    private static int ChineseInt(string numeral) => (int)(ChineseNumber.ParseNumerals(numeral) ?? 0);
}
