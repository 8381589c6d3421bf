using Wcc.Warehouse.Vocabulary;

namespace Wcc.Notice;

/// <summary>What the parser read from a notice: chapters and tasks in document order, plus every problem it met.</summary>
/// <param name="Metadata">Title, issuer, document number and date as found in the notice's head (empty when absent).</param>
public sealed record ParsedNotice(IReadOnlyList<ParsedChapter> Chapters, IReadOnlyList<ParsedTask> Tasks, IReadOnlyList<NoticeWarning> Warnings)
{
    public NoticeMetadata Metadata { get; init; } = NoticeMetadata.None;
}

/// <summary>What the head of a notice says about it: each field null when the notice does not state it.</summary>
/// <param name="Title">The notice's own title (…关于印发…的通知), its first line.</param>
/// <param name="Issuer">The issuing body: the signature above the date, else the title's part before 关于.</param>
/// <param name="DocumentNumber">The 发文字号 (国发〔2020〕6号).</param>
/// <param name="Date">The issue date (yyyy-MM-dd) written under the signature.</param>
public sealed record NoticeMetadata(string? Title, string? Issuer, string? DocumentNumber, string? Date)
{
    public static NoticeMetadata None { get; } = new(null, null, null, null);
}

/// <summary>A chapter heading (一、…); <c>Line</c> is null for the implicit chapter of a notice without headings.</summary>
public sealed record ParsedChapter(int No, string Title, int? Line);

/// <summary>One numbered task: text without number and unit clause, units verbatim in the order written, 1-based line range.</summary>
/// <param name="No">The task's number in the notice: as written, or its place in document order where numbering restarts.</param>
/// <param name="WrittenNo">The number as written when it differs from <paramref name="No"/> (（二）, or 1. of a table's second domain).</param>
/// <param name="Confidence">How sure the parser is of the task's units, 0-1: 1 when the notice states them plainly, lower for
/// each guess it had to make (see <see cref="TaskConfidence"/>); every guess is also a warning naming its line.</param>
public sealed record ParsedTask(
    int No,
    int ChapterNo,
    string Text,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Responsible,
    IReadOnlyList<TaskTarget> Targets,
    int LineFrom,
    int LineTo,
    int? WrittenNo = null,
    double Confidence = TaskConfidence.Certain);

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

/// <summary>Stable warning codes, written to <c>etl_reject.reason_code</c>: names for the codes of the one reject-reason
/// vocabulary (<see cref="RejectReasonVocabulary"/>, seeds/vocabulary/reject_reasons.csv).</summary>
public static class NoticeWarningCodes
{
    public const string UnbalancedBracket = RejectReasonVocabulary.Codes.UnbalancedBracket;
    public const string EmptyClause = RejectReasonVocabulary.Codes.EmptyClause;
    public const string UnreadableClause = RejectReasonVocabulary.Codes.UnreadableClause;
    public const string NoUnitClause = RejectReasonVocabulary.Codes.NoUnitClause;
    public const string DuplicateUnit = RejectReasonVocabulary.Codes.DuplicateUnit;
    public const string DuplicateTask = RejectReasonVocabulary.Codes.DuplicateTask;
    public const string SkippedTask = RejectReasonVocabulary.Codes.SkippedTask;
    public const string TaskOutOfOrder = RejectReasonVocabulary.Codes.TaskOutOfOrder;
    public const string DuplicateChapter = RejectReasonVocabulary.Codes.DuplicateChapter;
    public const string TextOutsideTask = RejectReasonVocabulary.Codes.TextOutsideTask;
    public const string UnknownUnit = RejectReasonVocabulary.Codes.UnknownUnit;
    public const string GuessedLead = RejectReasonVocabulary.Codes.GuessedLead;
    public const string TableUnits = RejectReasonVocabulary.Codes.TableUnits;
    public const string NumberingRestart = RejectReasonVocabulary.Codes.NumberingRestart;
}

/// <summary>Per-task confidence: certain, less one penalty per guess the parser made about the task's units.</summary>
public static class TaskConfidence
{
    /// <summary>Units stated plainly by labels (牵头单位：…) or by the notice's stated convention.</summary>
    public const double Certain = 1.0;

    /// <summary>Less for taking the first unit of an unlabelled list (A、B负责) as lead without a stated convention.</summary>
    public const double GuessedLeadPenalty = 0.2;

    /// <summary>Less for reading a flattened table: cell borders are lost, the first unit after a target is taken as its lead.</summary>
    public const double TableUnitsPenalty = 0.15;

    /// <summary>Less for any other problem on the task (unclosed bracket, text ignored, no unit clause …).</summary>
    public const double WarningPenalty = 0.3;

    /// <summary>Never below this: a task was still found and numbered.</summary>
    public const double Floor = 0.1;
}
