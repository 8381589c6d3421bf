using System.Text.RegularExpressions;

namespace Wcc.Etl.Notice;

/// <summary>Finds the period a notice covers from its title (2018-2020年…), so targets without a year get its end as deadline.</summary>
public static partial class NoticePeriod
{
    /// <summary>How many leading lines may hold the title; later year ranges are quotations (规划(2011-2020年)).</summary>
    private const int TitleLines = 20;

    /// <summary>End year of the first year range in the title lines, else <see cref="NoticeParser.DefaultPeriodEndYear"/>.</summary>
    public static int EndYear(string text)
    {
        foreach (var line in text.Split('\n').Take(TitleLines))
        {
            var m = RangePattern().Match(line);
            if (m.Success) return ChineseNumber.ParseInt(m.Groups["end"].Value);
        }
        return NoticeParser.DefaultPeriodEndYear;
    }

    [GeneratedRegex(@"(?<![\d(（])(?<start>\d{4})\s*[-－—~～至]\s*(?<end>\d{4})\s*年")]
    private static partial Regex RangePattern();
}
