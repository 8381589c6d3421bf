using Wcc.Notice;

namespace Wcc.Reports.Compare.Model;

/// <summary>One notice held in memory for comparison: its tasks with chapters, units and targets, however it was read
/// (from the warehouse, from a parsed file, from a draft `wcc plan` wrote).</summary>
/// <param name="Id">The notice's key (AREA-START-END), shown in the report.</param>
/// <param name="Title">The document's title (2018-2020年西安市妇女儿童重点工作责任分工).</param>
/// <param name="PeriodStartYear">First year of the period the notice covers, when known.</param>
/// <param name="PeriodEndYear">Last year of that period, when known.</param>
/// <param name="IsSynthetic">True when the notice (or its targets) was generated from synthetic data, e.g. a plan draft.</param>
public sealed record NoticeSnapshot(
    string Id, string Title, int? PeriodStartYear, int? PeriodEndYear, IReadOnlyList<SnapshotTask> Tasks, bool IsSynthetic = false)
{
    /// <summary>A snapshot of a parsed notice; the period comes from its title (2018-2020年…) when it names one.</summary>
    public static NoticeSnapshot FromParsed(string id, ParsedNotice notice, string? title = null, bool isSynthetic = false)
    {
        var chapters = notice.Chapters.ToDictionary(c => c.No, c => c.Title);
        var documentTitle = title ?? notice.Metadata.Title ?? id;
        var period = NoticePeriod.Range(documentTitle);
        var tasks = notice.Tasks.Select(t => new SnapshotTask(
            t.No, t.ChapterNo, chapters.GetValueOrDefault(t.ChapterNo, ""), t.Text, t.Lead, t.Responsible,
            t.Targets.Select(g => SnapshotTarget.From(g, t.Text)).ToList())).ToList();
        return new NoticeSnapshot(id, documentTitle, period?.Start, period?.End, tasks, isSynthetic);
    }

    /// <summary>Parses a notice's text (as `wcc parse-notice` does) into a snapshot titled by the document it issues.</summary>
    public static NoticeSnapshot FromText(string id, string text, string fileName, bool isSynthetic = false)
    {
        var notice = NoticeParser.Parse(text, fileName, NoticePeriod.EndYear(text, fileName));
        return FromParsed(id, notice, NoticeTitle.Read(text, notice).Document, isSynthetic);
    }

    /// <summary>The period as people write it (2018-2020年), or the id when the notice states none.</summary>
    public string PeriodLabel => PeriodStartYear is { } s && PeriodEndYear is { } e ? $"{s}-{e}年" : Id;
}

/// <summary>One task of a notice: number, chapter, text (without its unit clause), lead and responsible units in the order written, targets.</summary>
public sealed record SnapshotTask(
    int No, int ChapterNo, string ChapterTitle, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible,
    IReadOnlyList<SnapshotTarget> Targets);

/// <summary>A quantified target of a task.</summary>
/// <param name="Subject">What is measured, as the text says it just before the phrase (城乡幼儿园毛入园率), or empty.</param>
/// <param name="Comparator"><c>&gt;=</c>, <c>&lt;=</c> or <c>=</c>.</param>
/// <param name="Year">The deadline year.</param>
/// <param name="Phrase">The phrase quoted from the text (在98%以上).</param>
/// <param name="Note">How the parser read the phrase when not literally (which of two rates), or null.</param>
public sealed record SnapshotTarget(string Subject, string Comparator, double Value, string? Unit, int? Year, string Phrase, string? Note)
{
    /// <summary>Characters that end the clause a target's subject is read from.</summary>
    private const string ClauseBreaks = "，,。；;：:！？、（(";

    /// <summary>A parsed target with its subject read from the task text.</summary>
    public static SnapshotTarget From(TaskTarget target, string taskText) =>
        new(SubjectOf(target.Phrase, taskText), target.Comparator, target.Value, target.Unit, target.Deadline, target.Phrase, target.Note);

    /// <summary>The clause before <paramref name="phrase"/> in <paramref name="text"/>, back to the last comma or full stop,
    /// without a leading 到2020年 (the deadline is compared apart).</summary>
    public static string SubjectOf(string phrase, string text)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0) return "";
        var start = text.LastIndexOfAny(ClauseBreaks.ToCharArray(), Math.Max(0, at - 1)) + 1;
        if (start > at) start = at;
        var subject = text[start..at].Trim();
        // 力争到2020年 / 到2025年底: the deadline is compared apart, what follows it is the subject.
        subject = System.Text.RegularExpressions.Regex.Replace(subject, @"^.{0,4}?[到至]\s*\d{4}\s*年(底|末)?", "").Trim();
        return subject;
    }
}
