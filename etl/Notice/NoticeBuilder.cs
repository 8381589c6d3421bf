using System.Text;

namespace Wcc.Etl.Notice;

/// <summary>Accumulates chapters and tasks line by line for <see cref="NoticeParser"/>, checking the numbering.</summary>
internal sealed class NoticeBuilder(int periodEndYear, bool sequentialNumbers)
{
    private readonly List<ParsedChapter> chapters = [];
    private readonly List<ParsedTask> tasks = [];
    private readonly List<NoticeWarning> warnings = [];
    private readonly HashSet<int> taskNumbers = [];
    private PendingTask? pending;
    private int lastTaskNo;

    public void StartChapter(NoticeLine line)
    {
        FlushTask();
        if (chapters.Any(c => c.No == line.Number))
        {
            warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.DuplicateChapter, $"chapter number {line.Number} used twice; its tasks stay in chapter {chapters[^1].No}"));
            return;
        }
        chapters.Add(new ParsedChapter(line.Number, line.Rest, line.LineNo));
    }

    public void StartTask(NoticeLine line)
    {
        FlushTask();
        var no = sequentialNumbers ? lastTaskNo + 1 : line.Number;
        CheckNumber(no, line.LineNo);
        lastTaskNo = Math.Max(lastTaskNo, no);
        pending = new PendingTask(no, CurrentChapter(), line.LineNo);
        pending.Append(line.Rest, line.LineNo);
    }

    /// <summary>A line that starts nothing: it continues the open task unless that task already ended with its unit clause.</summary>
    public void AddText(NoticeLine line)
    {
        if (pending is not null && !pending.Closed)
        {
            pending.Append(line.Rest, line.LineNo);
            return;
        }
        warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.TextOutsideTask, $"text outside any task ignored: {Shorten(line.Rest)}", pending?.No));
    }

    public ParsedNotice Finish()
    {
        FlushTask();
        return new ParsedNotice(chapters, tasks, warnings.OrderBy(w => w.Line).ToList());
    }

    private int CurrentChapter()
    {
        if (chapters.Count > 0) return chapters[^1].No;
        // Tasks before any heading (or a notice without headings) go to one implicit chapter.
        chapters.Add(new ParsedChapter(1, NoticeParser.ImplicitChapterTitle, null));
        return 1;
    }

    private void CheckNumber(int no, int lineNo)
    {
        if (!taskNumbers.Add(no))
        {
            warnings.Add(new NoticeWarning(lineNo, NoticeWarningCodes.DuplicateTask, $"task number {no} used twice", no));
        }
        else if (no > lastTaskNo + 1)
        {
            var missing = no == lastTaskNo + 2 ? $"{lastTaskNo + 1}" : $"{lastTaskNo + 1}-{no - 1}";
            warnings.Add(new NoticeWarning(lineNo, NoticeWarningCodes.SkippedTask, $"task number {no} follows {lastTaskNo}: {missing} missing", no));
        }
        else if (no <= lastTaskNo)
        {
            warnings.Add(new NoticeWarning(lineNo, NoticeWarningCodes.TaskOutOfOrder, $"task number {no} comes after {lastTaskNo}", no));
        }
    }

    private void FlushTask()
    {
        if (pending is null) return;
        var split = UnitClauseParser.Split(pending.Text.ToString());
        foreach (var (code, message) in split.Problems)
        {
            warnings.Add(new NoticeWarning(pending.LineTo, code, $"task {pending.No}: {message}", pending.No));
        }
        var targets = TargetPhraseExtractor.Extract(split.Body, periodEndYear);
        tasks.Add(new ParsedTask(pending.No, pending.ChapterNo, split.Body, split.Units.Lead, split.Units.Responsible, targets, pending.LineFrom, pending.LineTo));
        pending = null;
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    /// <summary>A task being read: its text so far and whether its last line ended with a unit clause.</summary>
    private sealed class PendingTask(int no, int chapterNo, int lineFrom)
    {
        public int No { get; } = no;
        public int ChapterNo { get; } = chapterNo;
        public int LineFrom { get; } = lineFrom;
        public int LineTo { get; private set; } = lineFrom;
        public StringBuilder Text { get; } = new();
        public bool Closed { get; private set; }

        /// <summary>How far back from the end of a task a unit clause is looked for: clauses are a line or two long.
        /// Looking at the whole text after every line made a task of many lines cost quadratic time (a 2 MB task took 20 s).</summary>
        private const int ClauseWindow = 4096;

        public void Append(string text, int lineNo)
        {
            // Paragraphs of Chinese text join without a space.
            Text.Append(text);
            LineTo = lineNo;
            var start = Math.Max(0, Text.Length - ClauseWindow);
            Closed = UnitClauseParser.FindClauseStart(Text.ToString(start, Text.Length - start)) >= 0;
        }
    }
}
