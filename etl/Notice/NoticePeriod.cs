using System.Text.RegularExpressions;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Etl.Notice;

/// <summary>Finds the period a notice covers from its title (2018-2020年…), so targets without a year get its end as deadline.</summary>
public static partial class NoticePeriod
{
    /// <summary>How many leading lines may hold the title; later year ranges are quotations (规划(2011-2020年)).</summary>
    private const int TitleLines = 20;

    /// <summary>End year of the first year range in the title lines, else <see cref="NoticeParser.DefaultPeriodEndYear"/>.</summary>
    /// <remarks>A range outside the warehouse's years, or one that ends before it starts, is refused: its end would
    /// become the deadline of every target without a year and the start of the next plan period.</remarks>
    /// <param name="fileName">Names the file in the refusal.</param>
    public static int EndYear(string text, string fileName = "the notice")
    {
        var lineNo = 0;
        foreach (var line in text.Split('\n').Take(TitleLines))
        {
            lineNo++;
            var m = RangePattern().Match(line);
            if (!m.Success) continue;
            var (start, end) = (ChineseNumber.ParseInt(m.Groups["start"].Value), ChineseNumber.ParseInt(m.Groups["end"].Value));
            if (start > end || !WarehouseYears.Contains(start) || !WarehouseYears.Contains(end))
            {
                throw new WccException(
                    $"{fileName} line {lineNo}: the period {start}-{end} in the title is not a period within {WarehouseYears.Range}",
                    "check the years in the notice's title (e.g. 2018-2020年…)", exitCode: 2);
            }
            return end;
        }
        return NoticeParser.DefaultPeriodEndYear;
    }

    /// <summary>The range <see cref="EndYear"/> reads (the first in the title lines), or null when they name none.</summary>
    public static (int Start, int End)? TitleRange(string text) =>
        text.Split('\n').Take(TitleLines).Select(Range).FirstOrDefault(r => r is not null);

    /// <summary>The first year range in <paramref name="title"/> (2018-2020年…), or null when it names none.</summary>
    public static (int Start, int End)? Range(string title)
    {
        var m = RangePattern().Match(title);
        return m.Success ? (ChineseNumber.ParseInt(m.Groups["start"].Value), ChineseNumber.ParseInt(m.Groups["end"].Value)) : null;
    }

    [GeneratedRegex(@"(?<![\d(（])(?<start>\d{4})\s*[-－—~～至]\s*(?<end>\d{4})\s*年")]
    private static partial Regex RangePattern();
}
