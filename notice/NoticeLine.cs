using System.Text.RegularExpressions;

namespace Wcc.Notice;

/// <summary>What a line of a notice is, judged on its own.</summary>
/// <remarks>
/// Chinese 一、; Paren （一）; Arabic 1. 1、; ParenArabic (1) （1）; Ordinal 一是…; DigitTitle 5.2019年… (a number whose
/// title starts with digits: a task only where the numbering expects it); Row "1 任务 单位" (a table row flattened
/// with spaces, a task only under a table header); CellNumber "80 |" (a row number alone on its line, the row's cells on
/// the lines after it: a task only under a 序号 header of one cell per line).
/// </remarks>
internal enum LineKind { Blank, Chinese, Paren, Arabic, ParenArabic, Ordinal, DigitTitle, Row, CellNumber, Text }

/// <summary>A classified line: kind, the number it starts with (if any) and the text after the number.</summary>
internal sealed record NoticeLine(int LineNo, LineKind Kind, int Number, string Rest, string Raw)
{
    private static readonly Regex ChinesePattern = new($"^([{ChineseNumber.NumeralChars}]+)\\s*、\\s*(.*)$", RegexOptions.Compiled);
    private static readonly Regex ParenPattern = new($"^[(（]\\s*([{ChineseNumber.NumeralChars}]+)\\s*[)）]\\s*(.*)$", RegexOptions.Compiled);
    private static readonly Regex ParenArabicPattern = new(@"^[(（]\s*(\d{1,3})\s*[)）]\s*(.*)$", RegexOptions.Compiled);
    private static readonly Regex OrdinalPattern = new($"^([{ChineseNumber.NumeralChars}]+)是\\s*(.*)$", RegexOptions.Compiled);

    // 1. / 1． / 1、 — a full stop followed by a digit is a decimal, not a task number. Any number of digits: a task
    // number beyond NoticeLimits.MaxTasks must be refused loudly, not read as text continuing the task before it.
    private static readonly Regex ArabicPattern = new(@"^(\d+)\s*(?:[、]|[.．](?!\d))\s*(.*)$", RegexOptions.Compiled);

    // 5.2019年… : a task number whose title begins with digits, or a decimal starting a line; the builder decides.
    private static readonly Regex DigitTitlePattern = new(@"^(\d{1,3})[.．](\d.*)$", RegexOptions.Compiled);

    // "3 安排财政赤字2.18万亿元 财政部": a number, a space, then cells separated by spaces.
    private static readonly Regex RowPattern = new(@"^(\d{1,3})[ \t\u3000]+(\S.*)$", RegexOptions.Compiled);

    // "80 |", "3": a table's row number alone on its line.
    private static readonly Regex CellNumberPattern = new(@"^(\d{1,4})\s*[|｜]?$", RegexOptions.Compiled);

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
        if (CellNumberPattern.Match(line) is { Success: true } cell) return new NoticeLine(lineNo, LineKind.CellNumber, ArabicInt(cell.Groups[1].Value), "", raw);
        if (Numbered(ArabicPattern, line, ArabicInt) is { } arabic) return new NoticeLine(lineNo, LineKind.Arabic, arabic.No, arabic.Text, raw);
        if (Numbered(DigitTitlePattern, line, ArabicInt) is { } digits) return new NoticeLine(lineNo, LineKind.DigitTitle, digits.No, digits.Text, raw);
        if (Numbered(ParenArabicPattern, line, ArabicInt) is { } parenArabic) return new NoticeLine(lineNo, LineKind.ParenArabic, parenArabic.No, parenArabic.Text, raw);
        if (Numbered(ParenPattern, line, ChineseInt) is { } paren) return new NoticeLine(lineNo, LineKind.Paren, paren.No, paren.Text, raw);
        if (Numbered(ChinesePattern, line, ChineseInt) is { } chinese) return new NoticeLine(lineNo, LineKind.Chinese, chinese.No, chinese.Text, raw);
        if (Numbered(OrdinalPattern, line, ChineseInt) is { } ordinal && ordinal.No > 0) return new NoticeLine(lineNo, LineKind.Ordinal, ordinal.No, ordinal.Text, raw);
        if (Numbered(RowPattern, line, ArabicInt) is { } row) return new NoticeLine(lineNo, LineKind.Row, row.No, row.Text, raw);
        return new NoticeLine(lineNo, LineKind.Text, 0, line, raw);
    }

    /// <summary>This line read as plain text (a numbered-looking line that is not a task where it stands).</summary>
    public NoticeLine AsText() => this with { Kind = LineKind.Text, Number = 0, Rest = Raw.Trim() };

    private static (int No, string Text)? Numbered(Regex pattern, string line, Func<string, int> number)
    {
        var m = pattern.Match(line);
        return m.Success && m.Groups[2].Value.Trim().Length > 0 ? (number(m.Groups[1].Value), m.Groups[2].Value.Trim()) : null;
    }

    /// <summary>The number, or int.MaxValue when it has more digits than an int holds (still beyond every limit).</summary>
    private static int ArabicInt(string digits) => digits.Length > 9 ? int.MaxValue : ChineseNumber.ParseInt(digits);

    private static int ChineseInt(string numeral) => (int)(ChineseNumber.ParseNumerals(numeral) ?? 0);
}
