using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Observations;

/// <summary>The long-CSV interchange format of observations: columns, accepted codes and the limits the checks apply.</summary>
public static class ObservationFormat
{
    /// <summary>Columns every file must have, in any order.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["indicator_code", "area_code", "year", "sex", "value"];

    /// <summary>Columns a file may add; missing ones take their defaults (_T, the file name, null).</summary>
    public static readonly IReadOnlyList<string> OptionalColumns = ["age_group", "urban_rural", "source", "status"];

    /// <summary>The one free-text column: it may hold tabs and line breaks (see <see cref="Wcc.Warehouse.Text.TextRules"/>).</summary>
    public const string FreeTextColumn = "source";

    /// <summary>Every column the staging table holds, in staging order.</summary>
    public static readonly IReadOnlyList<string> AllColumns = [.. RequiredColumns, .. OptionalColumns];

    /// <summary>Earliest year accepted: the warehouse's first year (<see cref="Wcc.Warehouse.Schema.WarehouseYears"/>).</summary>
    public const int MinYear = Wcc.Warehouse.Schema.WarehouseYears.First;

    /// <summary>Latest year accepted: the warehouse's last year.</summary>
    public const int MaxYear = Wcc.Warehouse.Schema.WarehouseYears.Last;

    /// <summary>Largest magnitude an observation may have: the warehouse's one bound (<see cref="WarehouseNumbers"/>).</summary>
    public const double MaxMagnitude = WarehouseNumbers.MaxMagnitude;

    /// <summary>Years are whole numbers written in digits ("2019"); "2e3" or "2019.0" are refused, not read as 2000 or 2019.</summary>
    public const string YearPattern = "[0-9]+";

    /// <summary>F + M may differ from T by this share of T (rounding in published tables) before a warning.</summary>
    public const double SexTotalRelativeTolerance = 0.01;

    /// <summary>...and by at least this absolute amount, so small counts rounded to units do not warn.</summary>
    public const double SexTotalAbsoluteTolerance = 1.0;

    /// <summary>Largest edit distance for which a "did you mean" suggestion is offered.</summary>
    public const int MaxSuggestionDistance = 3;

    /// <summary>The job name written to etl_run.</summary>
    public const string Job = LoadJobs.Observations;

    /// <summary>The header a file must start with (optional columns may follow).</summary>
    public static string ExpectedHeader => string.Join(',', RequiredColumns) + "[," + string.Join(",", OptionalColumns) + "]";
}

/// <summary>Stable reason codes written to <c>etl_reject.reason_code</c>.</summary>
public static class RejectReason
{
    public const string WrongColumnCount = "wrong_column_count";
    public const string UnbalancedQuotes = "unbalanced_quotes";
    public const string UnknownIndicator = "unknown_indicator";
    public const string UnknownArea = "unknown_area";
    public const string YearOutOfRange = "year_out_of_range";
    public const string BadSex = "bad_sex";
    public const string NonNumericValue = "non_numeric_value";
    public const string NotFinite = "not_finite";
    public const string NegativeCount = "negative_count";
    public const string OutOfBounds = "out_of_bounds";
    public const string BadStatus = "bad_status";
    public const string BadUrbanRural = "bad_urban_rural";
    public const string DuplicateKey = "duplicate_key";
    public const string ControlCharacter = "control_character";
    public const string BeyondMagnitude = "beyond_magnitude";

    /// <summary>Warning only: the row is loaded.</summary>
    public const string SexTotalMismatch = "sex_total_mismatch";
}
