using System.Text;
using System.Text.RegularExpressions;

namespace Wcc.Notice;

/// <summary>Accumulates chapters and tasks line by line for <see cref="NoticeParser"/>, checking the numbering.</summary>
/// <remarks>
/// Numbers as written are kept as task numbers (1. 2. 3.) while they stay unique; where the numbering restarts per
/// chapter (（一） under each 一、) or restarts in a table's next domain, tasks are numbered in document order instead,
/// and a gap in the written numbers leaves the same gap (（一）（三） → 1, 3): a task the parser cannot find never
/// shifts the ones after it.
/// </remarks>
internal sealed partial class NoticeBuilder(int periodEndYear, int? documentYear, NoticeLayout layout)
{
    private readonly List<ParsedChapter> chapters = [];
    private readonly List<ParsedTask> tasks = [];
    private readonly List<NoticeWarning> warnings = [];
    private readonly HashSet<int> taskNumbers = [];
    private PendingTask? pending;
    private int lastTaskNo;
    private int lastWrittenInChapter;
    private bool chapterSinceLastTask;
    private bool numberInDocumentOrder = layout.TaskKind is LineKind.Paren or LineKind.ParenArabic or LineKind.Ordinal;
    private bool firstListedLeads;

    /// <summary>The notice has said that the first unit listed leads (排在第一位的部门为牵头部门，下同): it holds from here on.</summary>
    public void StateConvention() => firstListedLeads = true;

    public void StartChapter(NoticeLine line)
    {
        FlushTask();
        if (tasks.Count == 0 && line.Number == 1 && chapters.Count > 0)
        {
            // Numbered paragraphs of the covering notice came first; the document's own chapters start again at 一、.
            chapters.Clear();
        }
        if (chapters.Any(c => c.No == line.Number))
        {
            warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.DuplicateChapter, $"chapter number {line.Number} used twice; its tasks stay in chapter {chapters[^1].No}"));
            return;
        }
        chapters.Add(new ParsedChapter(line.Number, line.Rest, line.LineNo));
        lastWrittenInChapter = 0;
        chapterSinceLastTask = true;
    }

    /// <summary>A numbered line above the task level (（一） between 1. tasks): it ends the task before it and is no text of any task.</summary>
    public void Heading() => FlushTask();

    /// <summary>True when a line of digits (5.2019年…) stands where the next task is due, after a task that has its
    /// units: then it is that task. Otherwise it is a decimal continuing the open task (…不少于 / 2.5万元。).</summary>
    public bool IsNextTask(NoticeLine line) =>
        (line.Number == lastTaskNo + 1 || (line.Number == 1 && lastTaskNo > 1)) && (pending is null || pending.Closed || pending.EndsWithLabelLine || pending.HasTableUnits);

    public void StartTask(NoticeLine line)
    {
        FlushTask();
        var written = line.Number;
        if (written == 1 && lastWrittenInChapter > 1 && !chapterSinceLastTask)
        {
            // 1. again with no chapter heading between: a new section whose heading the text does not carry (a table's
            // next 领域). Its tasks are numbered in document order from here, and the section becomes a chapter.
            numberInDocumentOrder = true;
            var section = (chapters.Count == 0 ? 1 : chapters[^1].No) + 1;
            if (chapters.Count == 0) CurrentChapter();
            chapters.Add(new ParsedChapter(section, $"（第{section}部分）", line.LineNo));
            lastWrittenInChapter = 0;
            warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.NumberingRestart,
                $"numbering restarts at 1 after task {lastTaskNo}: read as a new section (chapter {section}); its tasks are numbered on from {lastTaskNo + 1}"));
        }
        int no;
        if (numberInDocumentOrder)
        {
            // Keep a gap in the written numbers as a gap: （一）（三） are tasks 1 and 3, not 1 and 2.
            var step = written > lastWrittenInChapter ? written - lastWrittenInChapter : 1;
            if (written <= lastWrittenInChapter)
            {
                warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.TaskOutOfOrder, $"task number {written} comes after {lastWrittenInChapter} in its chapter", lastTaskNo + 1));
            }
            else if (step > 1)
            {
                var missing = step == 2 ? $"{lastWrittenInChapter + 1}" : $"{lastWrittenInChapter + 1}-{written - 1}";
                warnings.Add(new NoticeWarning(line.LineNo, NoticeWarningCodes.SkippedTask, $"task number {written} follows {lastWrittenInChapter} in its chapter: {missing} missing", lastTaskNo + step));
            }
            no = lastTaskNo + step;
            taskNumbers.Add(no);
        }
        else
        {
            no = written;
            CheckNumber(no, line.LineNo);
        }
        lastWrittenInChapter = Math.Max(lastWrittenInChapter, written);
        lastTaskNo = Math.Max(lastTaskNo, no);
        chapterSinceLastTask = false;
        pending = new PendingTask(no, no == written ? null : written, CurrentChapter(), line.LineNo);
        if (line.Kind == LineKind.Row) pending.SetRow(line.Rest, layout.RowColumnLeads);
        else if (line.Kind != LineKind.CellNumber) pending.Append(line.Rest, line.LineNo);
    }

    /// <summary>A line that starts nothing: it continues the open task unless that task already ended with its unit clause.</summary>
    public void AddText(NoticeLine line)
    {
        if (pending is not null && layout.Table == TableForm.Cells)
        {
            pending.AddCell(NoticeLayout.Cell(line), line.LineNo, layout.CellColumns);
            return;
        }
        if (pending is not null && layout.Table == TableForm.Columns && NoticeLayout.IsUnitLine(line.Rest))
        {
            pending.AddUnitLine(line.Rest.Trim(), line.LineNo);
            return;
        }
        if (pending is not null && !pending.Closed && !(pending.EndsWithLabelLine && !UnitClauseParser.StartsWithLabel(line.Rest)))
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
        var (body, units, problems) = pending.Units(firstListedLeads);
        foreach (var (line, code, message) in problems)
        {
            warnings.Add(new NoticeWarning(line, code, $"task {pending.No}: {message}", pending.No));
        }
        var targets = TargetPhraseExtractor.Extract(body, periodEndYear, documentYear);
        tasks.Add(new ParsedTask(pending.No, pending.ChapterNo, body, units.Lead, units.Responsible, targets, pending.LineFrom, pending.LineTo,
            pending.WrittenNo, Confidence(problems.Select(p => p.Code))));
        pending = null;
    }

    /// <summary>Certain, less a penalty per guess or problem (see <see cref="TaskConfidence"/>).</summary>
    private static double Confidence(IEnumerable<string> codes) =>
        Math.Round(Math.Max(TaskConfidence.Floor, codes.Aggregate(TaskConfidence.Certain, (c, code) => c - code switch
        {
            NoticeWarningCodes.GuessedLead => TaskConfidence.GuessedLeadPenalty,
            NoticeWarningCodes.TableUnits => TaskConfidence.TableUnitsPenalty,
            NoticeWarningCodes.DuplicateUnit => 0,
            _ => TaskConfidence.WarningPenalty,
        })), 2);

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"[ \t\u3000]+")]
    private static partial Regex CellSeparator();

    /// <summary>A task being read: its text so far and whether its last line ended with a unit clause.</summary>
    private sealed class PendingTask(int no, int? writtenNo, int chapterNo, int lineFrom)
    {
        public int No { get; } = no;
        public int? WrittenNo { get; } = writtenNo;
        public int ChapterNo { get; } = chapterNo;
        public int LineFrom { get; } = lineFrom;
        public int LineTo { get; private set; } = lineFrom;
        public StringBuilder Text { get; } = new();
        public bool Closed { get; private set; }

        /// <summary>Unit lines of a one-cell-per-line table have been read for this task.</summary>
        public bool HasTableUnits => unitGroups.Count > 0;

        /// <summary>The last line was a label line (牵头单位：A on its own): more labels may follow, other text may not.</summary>
        public bool EndsWithLabelLine { get; private set; }

        // Table forms: groups of unit lines (one per target) or the unit cells of a row.
        private readonly List<(int Line, List<string> Units)> unitGroups = [];
        private bool textSinceUnits = true;
        private (List<string> Lead, List<string> Responsible)? rowUnits;

        /// <summary>How far back from the end of a task a unit clause is looked for after each line: looking at the whole
        /// text after every line made a task of many lines cost quadratic time (a 2 MB task took 20 s).</summary>
        private const int ClauseWindow = UnitClauseParser.ClauseWindow;

        public void Append(string text, int lineNo)
        {
            // Paragraphs of Chinese text join without a space.
            Text.Append(text);
            LineTo = lineNo;
            EndsWithLabelLine = UnitClauseParser.StartsWithLabel(text);
            if (unitGroups.Count > 0) textSinceUnits = true;
            var start = Math.Max(0, Text.Length - ClauseWindow);
            Closed = UnitClauseParser.FindClauseStart(Text.ToString(start, Text.Length - start)) >= 0;
        }

        /// <summary>The next cell of a row in a table of one cell per line: its column's role says what it holds.</summary>
        public void AddCell(string cell, int lineNo, IReadOnlyList<ColumnRole> columns)
        {
            rowUnits ??= ([], []);
            var role = cellIndex < columns.Count ? columns[cellIndex] : ColumnRole.Other;
            cellIndex++;
            LineTo = lineNo;
            Closed = true;
            switch (role)
            {
                case ColumnRole.Text: Text.Append(cell); break;
                case ColumnRole.Lead: rowUnits.Value.Lead.AddRange(UnitClauseParser.SplitUnits(cell)); break;
                case ColumnRole.Responsible: rowUnits.Value.Responsible.AddRange(UnitClauseParser.SplitUnits(cell)); break;
            }
        }

        private int cellIndex;

        public void AddUnitLine(string unit, int lineNo)
        {
            if (textSinceUnits || unitGroups.Count == 0) unitGroups.Add((lineNo, []));
            unitGroups[^1].Units.Add(unit);
            textSinceUnits = false;
            LineTo = lineNo;
        }

        /// <summary>A row's cells: the task text, then one cell per unit column of the header (lead columns first as written).</summary>
        public void SetRow(string cells, IReadOnlyList<bool> columnLeads)
        {
            var parts = CellSeparator().Split(cells.Trim());
            var unitCells = Math.Min(columnLeads.Count, parts.Length - 1);
            Text.Append(string.Concat(parts[..(parts.Length - unitCells)]));
            var lead = new List<string>();
            var responsible = new List<string>();
            for (var i = 0; i < unitCells; i++)
            {
                var units = UnitClauseParser.SplitUnits(parts[parts.Length - unitCells + i]);
                (columnLeads[columnLeads.Count - unitCells + i] ? lead : responsible).AddRange(units);
            }
            rowUnits = (lead, responsible);
            Closed = true;
        }

        /// <summary>The task's body and units with the problems met, each with the line it concerns.</summary>
        public (string Body, UnitClause Units, List<(int Line, string Code, string Message)> Problems) Units(bool firstListedLeads)
        {
            if (rowUnits is { } row) return (Text.ToString(), new UnitClause(row.Lead, row.Responsible), []);
            if (unitGroups.Count > 0) return TableUnits();
            var split = UnitClauseParser.Split(Text.ToString(), firstListedLeads);
            return (split.Body, split.Units, split.Problems.Select(p => (LineTo, p.Code, p.Message)).ToList());
        }

        /// <summary>One cell per line: the first unit after each group of targets is its 主要责任单位, the others its 责任单位.
        /// Where cell borders are lost this is a reading, so it is said on the first unit line.</summary>
        private (string, UnitClause, List<(int, string, string)>) TableUnits()
        {
            var lead = unitGroups.Select(g => g.Units[0]).Distinct().ToList();
            var responsible = unitGroups.SelectMany(g => g.Units.Skip(1)).Where(u => !lead.Contains(u)).Distinct().ToList();
            var problem = (unitGroups[0].Line, NoticeWarningCodes.TableUnits,
                $"units read from table lines {unitGroups[0].Line}-{LineTo}: the first unit after each target ({string.Join("、", lead)}) taken as 主要责任单位");
            return (Text.ToString(), new UnitClause(lead, responsible), [problem]);
        }
    }
}
