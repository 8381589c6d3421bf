using System.Globalization;
using System.Text.RegularExpressions;
using Wcc.Notice;
using Wcc.Warehouse.Schema;

namespace Wcc.Etl.Notice;

/// <summary>A notice file read and parsed, with the tasks that can be loaded (a repeated task number is refused) and its issues.</summary>
internal sealed partial class NoticeRead
{
    private NoticeRead(string path, string text, ParsedNotice notice, (int Start, int End)? period, int periodEndYear)
    {
        Path = path;
        Text = text;
        Notice = notice;
        Lines = text.TrimStart('\uFEFF').Split('\n');
        Issues = new NoticeIssues(notice.Warnings);
        var seen = new HashSet<int>();
        Loaded = notice.Tasks.Where(t => seen.Add(t.No)).ToList();
        foreach (var refused in notice.Tasks.Except(Loaded))
        {
            Issues.Reject(refused.LineFrom, NoticeWarningCodes.DuplicateTask, $"task {refused.No} repeats an earlier task number; not loaded");
        }
        Title = NoticeTitle.Read(text, notice);
        PeriodEndYear = periodEndYear;
        Period = period;
    }

    public string Path { get; }
    public string Text { get; }
    public ParsedNotice Notice { get; }
    public IReadOnlyList<string> Lines { get; }
    public NoticeIssues Issues { get; }

    /// <summary>The tasks to load: the first of each number.</summary>
    public IReadOnlyList<ParsedTask> Loaded { get; }

    public NoticeTitle Title { get; }

    /// <summary>The period named in the title lines (2018-2020年…), else the one year the title names (2024年… → 2024-2024), else null.</summary>
    public (int Start, int End)? Period { get; }

    /// <summary>Deadline of targets without a year: the period's end, else the parser's default.</summary>
    public int PeriodEndYear { get; }

    /// <summary>Reads and parses <paramref name="path"/>: refuses a missing, binary, oversized or task-less file (WccException).</summary>
    public static NoticeRead From(string path)
    {
        var text = NoticeFile.Read(path);
        var endYear = NoticePeriod.EndYear(text, path);
        var notice = NoticeParser.Parse(text, path, endYear);
        var period = NoticePeriod.TitleRange(text);
        if (period is null && SingleYear(notice.Metadata.Title ?? NoticeTitle.Read(text, notice).Document) is { } year)
        {
            // A yearly notice (2024年…工作方案): its year is its period and the deadline of targets that name none.
            period = (year, year);
            if (year != endYear) notice = NoticeParser.Parse(text, path, endYear = year);
        }
        return new NoticeRead(path, text, notice, period, endYear);
    }

    /// <summary>The one year a title names (2024年…), within the warehouse's years; null when it names none or several.</summary>
    private static int? SingleYear(string title)
    {
        var years = YearPattern().Matches(title).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return years.Count == 1 && WarehouseYears.Contains(years[0]) ? years[0] : null;
    }

    // 2024年 but not 〔2024〕 (a document number) nor (2011—2020年) (a quoted plan's period).
    [GeneratedRegex(@"(?<![\d〔\[［(（—-])((?:19|20)\d{2})\s*年")]
    private static partial Regex YearPattern();

    /// <summary>The dim_notice row: metadata from the notice's head where it states them, else the options.</summary>
    public NoticeRecord Record(string noticeId, string? areaCode, string? issuerOption, string? sha256, DateTime loadedAt, int version, bool isDefault)
    {
        var meta = Notice.Metadata;
        DateTime? issued = meta.Date is { } d && DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new NoticeRecord(noticeId, Title.Notice, Title.Document, Period?.Start, Period?.End ?? PeriodEndYear,
            System.IO.Path.GetFileName(Path), meta.Issuer ?? issuerOption, areaCode, meta.DocumentNumber, issued, sha256, loadedAt, version, isDefault);
    }
}
