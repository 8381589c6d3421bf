using System.Globalization;

namespace Wcc.Etl.Observations;

/// <summary>What the row rules know of one indicator: its declared bounds (infinite when none) and whether it is a count.</summary>
public readonly record struct IndicatorLimits(double Lower, double Upper, bool IsCount);

/// <summary>A bound of a <see cref="RangeRule"/>: a constant, or one of the indicator's declared bounds (NULL when it has none).</summary>
/// <param name="Sql">The bound in SQL over the checks' typed row.</param>
/// <param name="Value">The same bound in .NET for one indicator (infinite for "no bound").</param>
public sealed record RuleBound(string Sql, Func<IndicatorLimits, double> Value)
{
    /// <summary>A fixed bound.</summary>
    public static RuleBound Constant(double value) => new(value.ToString("R", CultureInfo.InvariantCulture), _ => value);

    /// <summary>The indicator's declared lower bound (<c>dim_indicator.lower_bound</c>).</summary>
    public static readonly RuleBound IndicatorLower = new("lower_bound", l => l.Lower);

    /// <summary>The indicator's declared upper bound (<c>dim_indicator.upper_bound</c>).</summary>
    public static readonly RuleBound IndicatorUpper = new("upper_bound", l => l.Upper);
}

/// <summary>One check of an observation row, declared once: the reason code it writes to <c>etl_reject</c>, the SQL condition
/// under which the general checks refuse a row, and the message SQL of the reject. The fast path's .NET gate and its reader
/// types are derived from the same declarations (<see cref="ObservationRules"/>).</summary>
/// <param name="Code">The <see cref="RejectReason"/> code.</param>
/// <param name="MessageSql">SQL (over the reject row <c>r</c> and the suggestions <c>si</c>, <c>sa</c>) of the reason a person reads.</param>
public abstract record ObservationRule(string Code, string MessageSql)
{
    /// <summary>SQL over the checks' typed row, true when this rule refuses the row (rules are tried in the order of
    /// <see cref="ObservationRules.RowRules"/>; the first that refuses gives the reason).</summary>
    public abstract string RefusesSql { get; }
}

/// <summary>A record that could not be split into the header's fields (set by the reader, carried in <c>parse_error</c>).</summary>
public sealed record ParseRule(string Code, string MessageSql) : ObservationRule(Code, MessageSql)
{
    public override string RefusesSql => $"parse_error = '{Code}'";
}

/// <summary>A code that must name a row of a dimension (the checks join it; the fast path reads it as an ENUM of the dimension).</summary>
/// <param name="KnownColumn">The typed row's flag that the join found the code.</param>
public sealed record KnownCodeRule(string Code, string MessageSql, string KnownColumn) : ObservationRule(Code, MessageSql)
{
    public override string RefusesSql => $"NOT {KnownColumn}";
}

/// <summary>A field whose value must be one of a fixed list (the fast path reads it as an ENUM of <paramref name="Values"/>).</summary>
/// <param name="Column">The typed row's (normalised) field.</param>
/// <param name="Optional">An empty field is accepted (it takes its default).</param>
public sealed record AcceptedValuesRule(string Code, string MessageSql, string Column, IReadOnlyList<string> Values, bool Optional)
    : ObservationRule(Code, MessageSql)
{
    /// <summary>The values as a SQL list: <c>'F', 'M', 'T'</c>.</summary>
    public string ValuesSql => string.Join(", ", Values.Select(v => $"'{v}'"));

    public override string RefusesSql => Optional
        ? $"{Column} IS NOT NULL AND {Column} NOT IN ({ValuesSql})"
        : $"{Column} IS NULL OR {Column} NOT IN ({ValuesSql})";
}

/// <summary>A number that must be present (not NULL) and lie within [<paramref name="Lower"/>, <paramref name="Upper"/>];
/// a NULL bound in SQL, an infinite one in .NET, does not bound.</summary>
/// <param name="RefusesMissing">A missing (unreadable) number is refused by this rule (else an earlier rule refuses it).</param>
/// <param name="CountsOnly">The rule applies to count indicators only.</param>
public sealed record RangeRule(string Code, string MessageSql, string Column, RuleBound? Lower, RuleBound? Upper,
    bool RefusesMissing = false, bool CountsOnly = false) : ObservationRule(Code, MessageSql)
{
    public override string RefusesSql
    {
        get
        {
            var outside = string.Join(" OR ", new[]
            {
                RefusesMissing ? $"{Column} IS NULL" : null,
                Lower is null ? null : $"{Column} < {Lower.Sql}",
                Upper is null ? null : $"{Column} > {Upper.Sql}",
            }.OfType<string>());
            return CountsOnly ? $"measure_kind = 'count' AND ({outside})" : outside;
        }
    }

    /// <summary>The interval this rule accepts for one indicator, in .NET.</summary>
    public (double Lower, double Upper) Accepts(IndicatorLimits limits) => CountsOnly && !limits.IsCount
        ? (double.NegativeInfinity, double.PositiveInfinity)
        : (Lower?.Value(limits) ?? double.NegativeInfinity, Upper?.Value(limits) ?? double.PositiveInfinity);
}

/// <summary>A number that must be finite (not NaN, not infinite); NaN also stands for a number that could not be read.</summary>
public sealed record FiniteRule(string Code, string MessageSql, string Column) : ObservationRule(Code, MessageSql)
{
    public override string RefusesSql => $"isnan({Column}) OR isinf({Column})";

    /// <summary>The .NET form of the rule (and of <see cref="ObservationRules.ValueRead"/> on the fast path, where an
    /// unreadable value arrives as NaN).</summary>
    public static bool Accepts(double value) => double.IsFinite(value);
}

/// <summary>A rule over several rows (a key repeated, F + M against T): the general checks apply it in their group pass and
/// the fast path in <see cref="ObservationKeyScreen"/>; declared here for its code and message.</summary>
public sealed record KeyRule(string Code, string MessageSql) : ObservationRule(Code, MessageSql)
{
    public override string RefusesSql => "false";
}

/// <summary>Every rule an observation row goes through, declared once, in the order a person would fix them.</summary>
/// <remarks>
/// The general checks (<see cref="ObservationChecks"/>) turn <see cref="RowRules"/> into one SQL CASE (the first rule that
/// refuses gives the reason) and <see cref="AllRules"/> into the CASE of the reject messages. The fast path derives from the
/// same rules its reader's ENUM types (<see cref="AcceptedValuesRule"/>, <see cref="KnownCodeRule"/>), the year range and
/// the per-indicator value interval of its .NET gate (<see cref="ObservationRowGate"/>); a row the gate refuses goes to the
/// general checks, which name its reason. Reason codes stay the constants of <see cref="RejectReason"/>.
/// </remarks>
public static class ObservationRules
{
    /// <summary>The record has the header's number of fields.</summary>
    public static readonly ParseRule ColumnCount = new(RejectReason.WrongColumnCount,
        "'wrong number of columns: expected the header''s count' || coalesce(', found ' || r.parse_detail, '')");

    /// <summary>Every quote opens and closes a field (RFC 4180).</summary>
    public static readonly ParseRule Quotes = new(RejectReason.UnbalancedQuotes,
        "'unbalanced quotes: ' || coalesce(r.parse_detail, '')");

    /// <summary>No control character in a field (<see cref="Wcc.Warehouse.Text.TextRules"/>); only the .NET route reads such files.</summary>
    public static readonly ParseRule ControlCharacters = new(RejectReason.ControlCharacter,
        "'control character ' || coalesce(r.parse_detail, '') || ': remove it and load the row again'");

    public static readonly KnownCodeRule KnownIndicator = new(RejectReason.UnknownIndicator,
        "'unknown indicator code ''' || coalesce(r.ic, '') || '''' || coalesce('; did you mean ''' || si.suggestion || '''?', '')",
        "indicator_known");

    public static readonly KnownCodeRule KnownArea = new(RejectReason.UnknownArea,
        "'unknown area code ''' || coalesce(r.ac, '') || '''' || coalesce('; did you mean ''' || sa.suggestion || '''?', '')",
        "area_known");

    /// <summary>A year written in digits (<see cref="ObservationFormat.YearPattern"/>; else <c>y</c> is NULL) within the warehouse's years.</summary>
    public static readonly RangeRule Year = new(RejectReason.YearOutOfRange,
        $"'year ''' || coalesce(r.year_raw, '') || ''' is not a year in {ObservationFormat.MinYear}-{ObservationFormat.MaxYear} written in digits'",
        "y", RuleBound.Constant(ObservationFormat.MinYear), RuleBound.Constant(ObservationFormat.MaxYear), RefusesMissing: true);

    /// <summary>Sex codes; their order is the order of the key screen's sex bits (F = 1, M = 2, T = 3).</summary>
    public static readonly AcceptedValuesRule Sex = new(RejectReason.BadSex,
        "'sex ''' || coalesce(r.sx, '') || ''' is not F, M or T'", "sx", ["F", "M", "T"], Optional: false);

    /// <summary>The value reads as a number (after the spreadsheet spellings are normalised).</summary>
    public static readonly RangeRule ValueRead = new(RejectReason.NonNumericValue,
        "'value ''' || coalesce(r.value_raw, '') || ''' is not a number'", "v", null, null, RefusesMissing: true);

    public static readonly FiniteRule Finite = new(RejectReason.NotFinite,
        "'value ''' || r.value_raw || ''' is NaN or infinite'", "v");

    /// <summary>The warehouse's one magnitude bound (<see cref="ObservationFormat.MaxMagnitude"/>).</summary>
    public static readonly RangeRule Magnitude = new(RejectReason.BeyondMagnitude,
        $"'value ' || r.value_raw || ' is beyond the largest accepted magnitude {ObservationFormat.MaxMagnitude.ToString("R", CultureInfo.InvariantCulture)}; check the unit or a typing error'",
        "v", RuleBound.Constant(-ObservationFormat.MaxMagnitude), RuleBound.Constant(ObservationFormat.MaxMagnitude));

    public static readonly RangeRule NonNegativeCount = new(RejectReason.NegativeCount,
        "'negative value ' || r.value_raw || ' for a count indicator'", "v", RuleBound.Constant(0), null, CountsOnly: true);

    public static readonly RangeRule IndicatorBounds = new(RejectReason.OutOfBounds,
        "'value ' || r.value_raw || ' outside the indicator''s bounds [' || coalesce(r.lower_bound::VARCHAR, '-inf') || ', ' || coalesce(r.upper_bound::VARCHAR, 'inf') || ']'",
        "v", RuleBound.IndicatorLower, RuleBound.IndicatorUpper);

    public static readonly AcceptedValuesRule Status = new(RejectReason.BadStatus,
        "'status ''' || r.st || ''' is not provisional, revised or estimated'", "st", ["provisional", "revised", "estimated"], Optional: true);

    /// <summary>Urban/rural codes; an empty field is the total, <c>_T</c> (the checks' <c>ur</c> is never NULL).</summary>
    public static readonly AcceptedValuesRule UrbanRural = new(RejectReason.BadUrbanRural,
        "'urban_rural ''' || r.ur || ''' is not U, R or _T'", "ur", ["U", "R", TotalCode], Optional: false);

    /// <summary>Warning only: the row is loaded.</summary>
    public static readonly KeyRule SexTotal = new(RejectReason.SexTotalMismatch,
        "'F + M = ' || r.sum_fm || ' differs from T = ' || r.v || ' by more than the tolerance; loaded'");

    public static readonly KeyRule UniqueKey = new(RejectReason.DuplicateKey,
        "'duplicate of line ' || r.first_line || ' (same indicator, area, year, sex, age group, urban/rural), first kept'");

    /// <summary>The code of a total over a breakdown (age group, urban/rural) when the field is empty.</summary>
    public const string TotalCode = "_T";

    /// <summary>The rules of one row, in the order they are tried.</summary>
    public static readonly IReadOnlyList<ObservationRule> RowRules =
    [
        ColumnCount, Quotes, ControlCharacters, KnownIndicator, KnownArea, Year, Sex, ValueRead, Finite, Magnitude,
        NonNegativeCount, IndicatorBounds, Status, UrbanRural,
    ];

    /// <summary>The bounds on a row's value, which the fast path's gate folds into one interval per indicator.</summary>
    public static readonly IReadOnlyList<RangeRule> ValueBounds = [Magnitude, NonNegativeCount, IndicatorBounds];

    /// <summary>Every rule, each with its reason code and message.</summary>
    public static readonly IReadOnlyList<ObservationRule> AllRules = [.. RowRules, SexTotal, UniqueKey];

    /// <summary>SQL: the reason code of the first row rule that refuses the row, or NULL.</summary>
    public static string FirstRefusalSql() =>
        "CASE\n" + string.Concat(RowRules.Select(r => $"    WHEN {r.RefusesSql} THEN '{r.Code}'\n")) + "END";

    /// <summary>SQL: the message of a reject row <c>r</c> from its reason code.</summary>
    public static string MessageSql() =>
        "CASE r.reason_code\n" + string.Concat(AllRules.Select(r => $"    WHEN '{r.Code}' THEN {r.MessageSql}\n")) + "END";

    /// <summary>SQL of the parse error of a line split into <paramref name="fieldsSql"/> (a list) against the header's field count.</summary>
    public static string ColumnCountSql(string fieldsSql, int fieldCount) =>
        $"CASE WHEN len({fieldsSql}) <> {fieldCount} THEN '{ColumnCount.Code}' END";

    /// <summary>The interval every value rule accepts for one indicator (the fast path's gate checks values against it).</summary>
    public static (double Lower, double Upper) ValueInterval(IndicatorLimits limits)
    {
        var (lower, upper) = (double.NegativeInfinity, double.PositiveInfinity);
        foreach (var rule in ValueBounds)
        {
            var (l, u) = rule.Accepts(limits);
            (lower, upper) = (Math.Max(lower, l), Math.Min(upper, u));
        }
        return (lower, upper);
    }

    /// <summary>The years the year rule accepts, in .NET.</summary>
    public static (int First, int Last) YearRange { get; } =
        ((int)Year.Lower!.Value(default), (int)Year.Upper!.Value(default));
}
