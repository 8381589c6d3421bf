using System.Globalization;

namespace Wcc.Etl.Notice;

/// <summary>A notice file read and parsed, with the tasks that can be loaded (a repeated task number is refused) and its issues.</summary>
internal sealed class NoticeRead
{
    private NoticeRead(string path, string text, ParsedNotice notice)
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
        PeriodEndYear = NoticePeriod.EndYear(text, path);
        Period = NoticePeriod.TitleRange(text);
    }

    public string Path { get; }
    public string Text { get; }
    public ParsedNotice Notice { get; }
    public IReadOnlyList<string> Lines { get; }
    public NoticeIssues Issues { get; }

    /// <summary>The tasks to load: the first of each number.</summary>
    public IReadOnlyList<ParsedTask> Loaded { get; }

    public NoticeTitle Title { get; }

    /// <summary>The period named in the title lines (2018-2020年…), else null.</summary>
    public (int Start, int End)? Period { get; }

    /// <summary>Deadline of targets without a year: the period's end, else the parser's default.</summary>
    public int PeriodEndYear { get; }

    /// <summary>Reads and parses <paramref name="path"/>: refuses a missing, binary, oversized or task-less file (WccException).</summary>
    public static NoticeRead From(string path)
    {
        var text = NoticeFile.Read(path);
        var notice = NoticeParser.Parse(text, path, NoticePeriod.EndYear(text, path));
        return new NoticeRead(path, text, notice);
    }

    /// <summary>The dim_notice row: metadata from the notice's head where it states them, else the options.</summary>
    public NoticeRecord Record(string noticeId, string? areaCode, string? issuerOption, string? sha256, DateTime loadedAt, int version, bool isDefault)
    {
        var meta = Notice.Metadata;
        DateTime? issued = meta.Date is { } d && DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new NoticeRecord(noticeId, Title.Notice, Title.Document, Period?.Start, Period?.End ?? PeriodEndYear,
            System.IO.Path.GetFileName(Path), meta.Issuer ?? issuerOption, areaCode, meta.DocumentNumber, issued, sha256, loadedAt, version, isDefault);
    }
}
