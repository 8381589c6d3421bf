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
    public static int MinYear => WarehouseYears.First;

    /// <summary>Latest year accepted: the warehouse's last year.</summary>
    public static int MaxYear => WarehouseYears.Last;

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

/// <summary>The reason codes the observation loader writes to <c>etl_reject.reason_code</c>: names for the codes of the one
/// reject-reason vocabulary (<see cref="RejectReasonVocabulary"/>, seeds/vocabulary/reject_reasons.csv).</summary>
public static class RejectReason
{
    public const string WrongColumnCount = RejectReasonVocabulary.Codes.WrongColumnCount;
    public const string UnbalancedQuotes = RejectReasonVocabulary.Codes.UnbalancedQuotes;
    public const string UnknownIndicator = RejectReasonVocabulary.Codes.UnknownIndicator;
    public const string UnknownArea = RejectReasonVocabulary.Codes.UnknownArea;
    public const string YearOutOfRange = RejectReasonVocabulary.Codes.YearOutOfRange;
    public const string BadSex = RejectReasonVocabulary.Codes.BadSex;
    public const string NonNumericValue = RejectReasonVocabulary.Codes.NonNumericValue;
    public const string NotFinite = RejectReasonVocabulary.Codes.NotFinite;
    public const string NegativeCount = RejectReasonVocabulary.Codes.NegativeCount;
    public const string OutOfBounds = RejectReasonVocabulary.Codes.OutOfBounds;
    public const string BadStatus = RejectReasonVocabulary.Codes.BadStatus;
    public const string BadUrbanRural = RejectReasonVocabulary.Codes.BadUrbanRural;
    public const string DuplicateKey = RejectReasonVocabulary.Codes.DuplicateKey;
    public const string ControlCharacter = RejectReasonVocabulary.Codes.ControlCharacter;
    public const string BeyondMagnitude = RejectReasonVocabulary.Codes.BeyondMagnitude;

    /// <summary>Warning only: the row is loaded.</summary>
    public const string SexTotalMismatch = RejectReasonVocabulary.Codes.SexTotalMismatch;
}
