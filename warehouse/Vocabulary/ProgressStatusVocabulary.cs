using System.Globalization;

namespace Wcc.Warehouse.Vocabulary;

/// <summary>One progress status (a row of seeds/vocabulary/progress_statuses.csv and of vocab_progress_status).</summary>
/// <param name="Code">Stable English code the C# code refers to, e.g. lagging.</param>
/// <param name="FormOrder">Position in the forms' drop-down list.</param>
/// <param name="Severity">How far behind the report says the task is (higher is worse).</param>
/// <param name="Label">The Chinese label units choose and outputs print.</param>
/// <param name="IsBehind">True when the report says the task is behind.</param>
/// <param name="IsComplete">True when the report says the task is complete.</param>
public sealed record ProgressStatusTerm(string Code, int FormOrder, int Severity, string Label, string English, bool IsBehind, bool IsComplete);

/// <summary>
/// The statuses of a task's yearly progress report: defined once, in seeds/vocabulary/progress_statuses.csv; the schema
/// stores the same rows in vocab_progress_status, which the views join, and every C# reader (forms, intake, ledgers,
/// synthetic reports, charts) asks this class.
/// </summary>
public static class ProgressStatusVocabulary
{
    /// <summary>The seed and its table.</summary>
    public static readonly VocabularySeed Seed = new(
        "seeds/vocabulary/progress_statuses.csv", "vocab_progress_status",
        ["status_code", "form_order", "severity", "label_zh", "label_en", "is_behind", "is_complete"]);

    /// <summary>Codes the code refers to; the labels are in the seed.</summary>
    public static class Codes
    {
        public const string NotStarted = "not_started";
        public const string InProgress = "in_progress";
        public const string Completed = "completed";
        public const string Lagging = "lagging";
    }

    private static readonly Lazy<IReadOnlyList<ProgressStatusTerm>> terms = new(() => Seed.Rows.Select(r =>
    {
        int Whole(string column) => int.TryParse(Seed.Cell(r, column), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new InvalidOperationException($"{Seed.SeedPath}: {column} '{Seed.Cell(r, column)}' of {r[0]} is not a whole number");
        bool Flag(string column) => Seed.Cell(r, column) switch
        {
            "true" => true,
            "false" => false,
            var other => throw new InvalidOperationException($"{Seed.SeedPath}: {column} '{other}' of {r[0]} is not true or false"),
        };
        return new ProgressStatusTerm(r[0], Whole("form_order"), Whole("severity"), Seed.Cell(r, "label_zh"), Seed.Cell(r, "label_en"), Flag("is_behind"), Flag("is_complete"));
    }).OrderBy(t => t.FormOrder).ToList());

    /// <summary>Every status, in the order forms list them.</summary>
    public static IReadOnlyList<ProgressStatusTerm> All => terms.Value;

    /// <summary>Every label, in the order forms list them.</summary>
    public static IReadOnlyList<string> Labels => All.Select(t => t.Label).ToList();

    /// <summary>Labels of the statuses that count as behind, least severe first (as prose lists them: lagging, not started).</summary>
    public static IReadOnlyList<string> BehindLabels => All.Where(t => t.IsBehind).OrderBy(t => t.Severity).Select(t => t.Label).ToList();

    /// <summary>The status with this code.</summary>
    public static ProgressStatusTerm Get(string code) =>
        All.FirstOrDefault(t => t.Code == code) ?? throw new KeyNotFoundException($"{Seed.SeedPath} has no status {code}");

    /// <summary>The label of the status with this code.</summary>
    public static string Label(string code) => Get(code).Label;
}
