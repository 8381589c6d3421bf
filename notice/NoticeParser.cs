using Wcc.Warehouse.Connection;

namespace Wcc.Notice;

/// <summary>Parses a responsibility-division notice (重点工作责任分工) into chapters, tasks, unit clauses and targets.</summary>
/// <remarks>
/// The task level is the numbering whose paragraphs end with unit clauses (1. 1、, （一）, (1), 一是, 一、); when none
/// does, arabic numbers are tasks first, then （一）, then 一、. 一、 above the task level are chapters, other numbers
/// above it headings, numbers below it points of the task. Tables flattened to text are read too: one row per line
/// under a 序号 header, or one cell per line under a 主要责任单位 column. Everything before the document's own title
/// (and before the first numbered line) is preamble; its head gives the notice's metadata.
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
        var layout = NoticeLayout.Read(lines) ?? throw NoTasks(fileName);
        if (lines.FirstOrDefault(l => IsTaskKind(l.Kind, layout) && l.Number > NoticeLimits.MaxTasks) is { } beyond)
        {
            throw new WccException(
                $"{fileName} line {beyond.LineNo}: task number {(beyond.Number == int.MaxValue ? "of ten or more digits" : beyond.Number)} is beyond the limit of {NoticeLimits.MaxTasks} tasks (NoticeLimits.MaxTasks)",
                "number the tasks 1-" + NoticeLimits.MaxTasks + "; if the line is not a task (e.g. it starts with a year), reword its start", exitCode: 2);
        }
        var firstTask = lines.FirstOrDefault(l => l.Kind == layout.TaskKind)?.LineNo ?? lines.Count + 1;
        var metadata = NoticeHead.Read(lines, firstTask);
        var builder = new NoticeBuilder(periodEndYear, DocumentYear(metadata), layout);
        var started = false;
        foreach (var line in lines)
        {
            if (line.Kind != LineKind.Blank && UnitClauseParser.StatesFirstListedLeads(line.Raw)) builder.StateConvention();
            if (line.LineNo <= layout.BodyStart) continue;
            var kind = line.Kind;
            if (kind == LineKind.DigitTitle)
            {
                // 5.2019年…: a task where the next task is due, else a line of text (a decimal).
                kind = layout.TaskKind == LineKind.Arabic && builder.IsNextTask(line) ? LineKind.Arabic : LineKind.Text;
            }
            if (kind == LineKind.CellNumber && layout.TaskKind != LineKind.CellNumber) kind = LineKind.Text;
            if (kind == layout.TaskKind)
            {
                started = true;
                builder.StartTask(line);
            }
            else if (layout.ChapterKind is { } ck && kind == ck)
            {
                started = true;
                builder.StartChapter(line);
            }
            else if (started && NoticeLayout.Rank(kind) >= 0 && NoticeLayout.Rank(kind) < NoticeLayout.Rank(layout.TaskKind))
            {
                builder.Heading();
            }
            else if (started && kind != LineKind.Blank)
            {
                builder.AddText(kind == line.Kind ? line : line.AsText());
            }
        }
        var notice = builder.Finish() with { Metadata = metadata };
        if (notice.Tasks.Count == 0) throw NoTasks(fileName);
        NoticeLimits.RequireProportionate(notice, fileName);
        return notice;
    }

    private static bool IsTaskKind(LineKind kind, NoticeLayout layout) =>
        kind == layout.TaskKind || (layout.TaskKind == LineKind.Arabic && kind == LineKind.DigitTitle);

    /// <summary>The year the notice was issued, for deadlines it gives relative to itself (5年内).</summary>
    private static int? DocumentYear(NoticeMetadata metadata) =>
        metadata.Date is { Length: >= 4 } date ? int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture) : null;

    private static WccException NoTasks(string fileName) => new(
        $"{fileName}: no numbered tasks found (expected lines like `1.…`, `1、…`, `（一）…`, `(1)…` or `一、…`)",
        "check that this is the responsibility-division notice saved as plain text (UTF-8 or GB18030), one paragraph per line; nothing was loaded");
}
