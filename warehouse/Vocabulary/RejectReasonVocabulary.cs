namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// Why a loader refused an input row or loaded it with a warning: defined once, in seeds/vocabulary/reject_reasons.csv
/// (code, Chinese label, what to do), stored in vocab_reject_reason on every schema refresh. etl_reject.reason_code
/// holds the code (a relationship the data tests check); the loaders' messages and the pack's reject summary take the
/// label and the remedy from the table. The loaders name codes only through <see cref="Codes"/>.
/// </summary>
public static class RejectReasonVocabulary
{
    /// <summary>The seed and its table.</summary>
    public static readonly VocabularySeed Seed = new(
        "seeds/vocabulary/reject_reasons.csv", "vocab_reject_reason", ["reason_code", "sort_order", "label_zh", "label_en", "action_zh"]);

    /// <summary>Codes written to etl_reject.reason_code (each a row of the seed; VocabularySeedTests checks both ways).</summary>
    public static class Codes
    {
        // Observation files (wcc load): rows refused, or loaded with a warning (sex_total_mismatch).
        public const string WrongColumnCount = "wrong_column_count";
        public const string UnbalancedQuotes = "unbalanced_quotes";
        public const string ControlCharacter = "control_character";
        public const string UnknownIndicator = "unknown_indicator";
        public const string UnknownArea = "unknown_area";
        public const string YearOutOfRange = "year_out_of_range";
        public const string BadSex = "bad_sex";
        public const string NonNumericValue = "non_numeric_value";
        public const string NotFinite = "not_finite";
        public const string BeyondMagnitude = "beyond_magnitude";
        public const string NegativeCount = "negative_count";
        public const string OutOfBounds = "out_of_bounds";
        public const string BadStatus = "bad_status";
        public const string BadUrbanRural = "bad_urban_rural";
        public const string DuplicateKey = "duplicate_key";
        public const string SexTotalMismatch = "sex_total_mismatch";

        // Progress ledgers (besides unknown_unit, bad_status and duplicate_key above and below).
        public const string UnknownTask = "unknown_task";
        public const string UnknownUnit = "unknown_unit";
        public const string BadYear = "bad_year";
        public const string BadDate = "bad_date";

        // The notice: warnings of the parser and of the load, and refused tasks (duplicate_task).
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
        public const string GuessedLead = "guessed_lead";
        public const string TableUnits = "table_units";
        public const string NumberingRestart = "numbering_restart";
    }

    /// <summary>Every code of the seed, in its order.</summary>
    public static IReadOnlyList<string> All => Seed.Rows.Select(r => r[0]).ToList();

    /// <summary>The Chinese label of the reason with this code.</summary>
    public static string Label(string code) => Seed.Cell(Row(code), "label_zh");

    /// <summary>What to do about a row refused or warned for this reason, in Chinese.</summary>
    public static string Action(string code) => Seed.Cell(Row(code), "action_zh");

    private static IReadOnlyList<string> Row(string code) =>
        Seed.Rows.FirstOrDefault(r => r[0] == code) ?? throw new KeyNotFoundException($"{Seed.SeedPath} has no reject reason {code}");
}
