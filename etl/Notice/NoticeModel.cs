namespace Wcc.Etl.Notice;

/// <summary>What the parser read from a notice: chapters and tasks in document order, plus every problem it met.</summary>
public sealed record ParsedNotice(IReadOnlyList<ParsedChapter> Chapters, IReadOnlyList<ParsedTask> Tasks, IReadOnlyList<NoticeWarning> Warnings);

/// <summary>A chapter heading (一、…); <c>Line</c> is null for the implicit chapter of a notice without headings.</summary>
public sealed record ParsedChapter(int No, string Title, int? Line);

/// <summary>One numbered task: text without number and unit clause, units verbatim in the order written, 1-based line range.</summary>
public sealed record ParsedTask(
    int No,
    int ChapterNo,
    string Text,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Responsible,
    IReadOnlyList<TaskTarget> Targets,
    int LineFrom,
    int LineTo);

/// <summary>A quantified target read from task text (不少于6万人 -> >= 60000 人).</summary>
/// <param name="Comparator"><c>&gt;=</c>, <c>&lt;=</c> or <c>=</c>.</param>
/// <param name="Unit">Unit of measure as written (人, %, 次/年), or null.</param>
/// <param name="Deadline">Year named in the sentence, else the end of the notice period.</param>
/// <param name="Phrase">The phrase quoted from the text.</param>
/// <param name="Note">How the phrase was read when it is not literal (range lower end, which rate, coverage).</param>
public sealed record TaskTarget(string Comparator, double Value, string? Unit, int Deadline, string Phrase, string? Note = null);

/// <summary>A problem in the notice that did not stop parsing, with the 1-based line it is on.</summary>
/// <param name="Code">Stable machine code (unbalanced_bracket, empty_clause, duplicate_task, …).</param>
/// <param name="TaskNo">The task it concerns, when there is one.</param>
public sealed record NoticeWarning(int Line, string Code, string Message, int? TaskNo = null);

/// <summary>Stable warning codes, also written to <c>etl_reject.reason_code</c>.</summary>
public static class NoticeWarningCodes
{
    public const string UnbalancedBracket = "unbalanced_bracket";
    public const string EmptyClause = "empty_clause";
    public const string UnreadableClause = "unreadable_clause";
    public const string NoUnitClause = "no_unit_clause";
    public const string DuplicateUnit = "duplicate_unit";
    public const string DuplicateTask = "duplicate_task";
    public const string SkippedTask = "skipped_task_number";
    public const string TaskOutOfOrder = "task_out_of_order";
    public const string DuplicateChapter = "duplicate_chapter";
    public const string TextOutsideTask = "text_outside_task";
    public const string UnknownUnit = "unknown_unit";
}
