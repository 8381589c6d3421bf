using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Progress;

/// <summary>The statuses of a task's yearly progress report, by the names etl uses: read from the one vocabulary
/// (<see cref="ProgressStatusVocabulary"/>, seeds/vocabulary/progress_statuses.csv), never written here.</summary>
public static class ProgressStatus
{
    public static string NotStarted => ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.NotStarted);
    public static string InProgress => ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.InProgress);
    public static string Completed => ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.Completed);
    public static string Lagging => ProgressStatusVocabulary.Label(ProgressStatusVocabulary.Codes.Lagging);

    /// <summary>Every status, in the order forms list them.</summary>
    public static IReadOnlyList<string> All => ProgressStatusVocabulary.Labels;
}
