using System.Globalization;
using System.Text.RegularExpressions;

namespace Wcc.Notice;

/// <summary>Reads the head of a notice (the lines before its first task): title, issuer, document number, issue date.</summary>
internal static partial class NoticeHead
{
    /// <summary>How many lines a title may be broken over (国务院关于落实《政府工作报告》/ 重点工作部门分工的意见).</summary>
    private const int MaxTitleLines = 3;

    /// <summary>How many non-empty head lines are searched for the title (a 文件 header and a number may come first).</summary>
    private const int TitleSearchLines = 6;

    /// <summary>Longest line taken as a signature (the issuer above the date).</summary>
    private const int MaxIssuerLength = 40;

    public static NoticeMetadata Read(IReadOnlyList<NoticeLine> lines, int firstTaskLine)
    {
        var head = lines.Where(l => l.LineNo < firstTaskLine && l.Kind != LineKind.Blank).Select(l => l.Raw.Trim()).ToList();
        var title = Title(head);
        var number = head.Select(l => DocumentNumberPattern().Match(l)).FirstOrDefault(m => m.Success)?.Value;
        string? date = null;
        string? issuer = null;
        for (var i = 0; i < head.Count && date is null; i++)
        {
            date = Date(head[i]);
            if (date is not null && i > 0 && IsSignature(head[i - 1])) issuer = head[i - 1];
        }
        if (issuer is null && title is not null)
        {
            var about = title.IndexOf("关于", StringComparison.Ordinal);
            if (about > 0) issuer = title[..about].Trim();
        }
        return new NoticeMetadata(title, issuer, number, date);
    }

    /// <summary>The first line holding 关于 joined with the lines that finish it (up to its 通知/意见…), prefixed by the
    /// issuer line above it when the title starts with 关于; else the first line, unless that is an address (ends in ：).</summary>
    private static string? Title(List<string> head)
    {
        var start = head.Take(TitleSearchLines).ToList().FindIndex(l => l.Contains("关于", StringComparison.Ordinal));
        if (start < 0) return head.Count > 0 && !head[0].EndsWith(':') && !head[0].EndsWith('：') ? head[0] : null;
        var title = head[start];
        for (var i = start + 1; i < head.Count && i < start + MaxTitleLines && !TitleEndPattern().IsMatch(title); i++) title += head[i];
        if (title.StartsWith("关于", StringComparison.Ordinal) && start > 0 && IsSignature(head[start - 1]) && !head[start - 1].EndsWith("文件", StringComparison.Ordinal))
        {
            title = head[start - 1] + title;
        }
        return SpacePattern().Replace(title, "");
    }

    private static bool IsSignature(string line) =>
        line.Length <= MaxIssuerLength && line.IndexOfAny("。，,；;：:（(".ToCharArray()) < 0 && !DocumentNumberPattern().IsMatch(line) && Date(line) is null;

    /// <summary>yyyy-MM-dd of a line that is only a date: 2018年5月8日, or 二○一二年六月二十日.</summary>
    private static string? Date(string line)
    {
        var m = DatePattern().Match(line);
        if (!m.Success) return null;
        var year = Number(m.Groups["y"].Value, digitByDigit: true);
        var month = Number(m.Groups["m"].Value, digitByDigit: false);
        var day = Number(m.Groups["d"].Value, digitByDigit: false);
        if (year is null || month is null or < 1 or > 12 || day is null or < 1 or > 31) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
    }

    private static int? Number(string text, bool digitByDigit)
    {
        text = ChineseNumber.AsciiDigits(text).Replace('○', '〇');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        if (!digitByDigit) return (int?)ChineseNumber.ParseNumerals(text);
        // 二○一二: a year is read digit by digit.
        var digits = text.Select(c => ChineseNumber.ParseNumerals(c.ToString())).ToList();
        return digits.All(d => d is >= 0 and <= 9) ? (int)digits.Aggregate(0.0, (acc, d) => acc * 10 + d!.Value) : null;
    }

    // 国发〔2020〕6号, 国办函[2016]38号, 鞍立政发〔2023〕2号: only when the line starts with it (a number cited in a sentence is another document's).
    [GeneratedRegex(@"^[\u4e00-\u9fa5]{1,10}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"^(?<y>\d{4}|[○〇零一二三四五六七八九]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")]
    private static partial Regex DatePattern();

    [GeneratedRegex("(?:通知|意见|决定|方案|办法|批复|函|要点|分解书|责任分工)$")]
    private static partial Regex TitleEndPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
