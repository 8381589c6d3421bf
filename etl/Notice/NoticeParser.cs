using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Notice;

/// <summary>Parses a responsibility-division notice (重点工作责任分工) into chapters, tasks, unit clauses and targets.</summary>
/// <remarks>
/// Numbering schemes, most specific first: arabic tasks (1. 1． 1、) under 一、 chapters; （一） tasks under
/// 一、 chapters (numbered in document order, as they restart per chapter); 一、 tasks in one implicit chapter.
/// Everything before the first numbered line is preamble.
/// </remarks>
public static class NoticeParser
{
    /// <summary>Deadline of targets whose sentence names no year: the end of the 2018-2020 notice period.</summary>
    public const int DefaultPeriodEndYear = 2020;

    /// <summary>Title of the chapter that holds every task of a notice without chapter headings.</summary>
    public const string ImplicitChapterTitle = "（未分章）";

    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> names the file in errors.</summary>
    public static ParsedNotice Parse(string text, string fileName, int periodEndYear = DefaultPeriodEndYear)
    {
        if (string.IsNullOrWhiteSpace(text.Trim('\uFEFF')))
        {
            throw new WccException($"{fileName} is empty", "export the notice as plain text (UTF-8 or GB18030) and try again");
        }
        var lines = NoticeLine.Split(text);
        var (chapterKind, taskKind) = Scheme(lines, fileName);
        if (lines.FirstOrDefault(l => l.Kind == taskKind && l.Number > NoticeLimits.MaxTasks) is { } beyond)
        {
            throw new WccException(
                $"{fileName} line {beyond.LineNo}: task number {(beyond.Number == int.MaxValue ? "of ten or more digits" : beyond.Number)} is beyond the limit of {NoticeLimits.MaxTasks} tasks (NoticeLimits.MaxTasks)",
                "number the tasks 1-" + NoticeLimits.MaxTasks + "; if the line is not a task (e.g. it starts with a year), reword its start", exitCode: 2);
        }
        var builder = new NoticeBuilder(periodEndYear, sequentialNumbers: taskKind == LineKind.Paren);
        var started = false;
        foreach (var line in lines)
        {
            if (line.Kind == taskKind)
            {
                started = true;
                builder.StartTask(line);
            }
            else if (chapterKind is { } ck && line.Kind == ck)
            {
                started = true;
                builder.StartChapter(line);
            }
            else if (started && line.Kind != LineKind.Blank)
            {
                builder.AddText(line);
            }
        }
        var notice = builder.Finish();
        if (notice.Tasks.Count == 0) throw NoTasks(fileName);
        NoticeLimits.RequireProportionate(notice, fileName);
        return notice;
    }

    /// <summary>Which line kinds are chapters and which are tasks in this notice.</summary>
    private static (LineKind? Chapter, LineKind Task) Scheme(IReadOnlyList<NoticeLine> lines, string fileName)
    {
        var kinds = lines.Select(l => l.Kind).ToHashSet();
        if (kinds.Contains(LineKind.Arabic)) return (LineKind.Chinese, LineKind.Arabic);
        if (kinds.Contains(LineKind.Paren)) return (LineKind.Chinese, LineKind.Paren);
        if (kinds.Contains(LineKind.Chinese)) return (null, LineKind.Chinese);
        throw NoTasks(fileName);
    }

    private static WccException NoTasks(string fileName) => new(
        $"{fileName}: no numbered tasks found (expected lines like `1.…`, `1、…`, `（一）…` or `一、…`)",
        "check that this is the responsibility-division notice saved as plain text (UTF-8 or GB18030), one paragraph per line");
}
