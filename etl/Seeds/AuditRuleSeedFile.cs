namespace Wcc.Etl.Seeds;

/// <summary>One audit rule of seeds/audit_rules.csv (see <c>dim_audit_rule</c>).</summary>
public sealed record AuditRuleRecord(
    int RuleId, string RuleKind, string? MeasureKind, string? IndicatorCode, string? RelatedIndicatorCode,
    double? Tolerance, string? ToleranceUnit, string? Note);

/// <summary>The rules of an audit rules file: year-on-year tolerances per measure kind or indicator, and cross-indicator rules.</summary>
public static class AuditRuleSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["rule_kind", "measure_kind", "indicator_code", "related_indicator_code", "tolerance", "tolerance_unit", "note"];

    /// <summary>A change from last year beyond the tolerance needs an explanation (说明).</summary>
    public const string YearOnYear = "yoy_change";

    /// <summary>The indicator may not exceed the related one (a sub-group above its total).</summary>
    public const string NotAbove = "not_above";

    /// <summary>Accepted rule kinds.</summary>
    public static readonly IReadOnlyList<string> RuleKinds = [YearOnYear, NotAbove];

    /// <summary>Tolerance in the indicator's own unit (percentage points for %).</summary>
    public const string Points = "points";

    /// <summary>Tolerance relative to last year's value.</summary>
    public const string Percent = "percent";

    /// <summary>Accepted tolerance units.</summary>
    public static readonly IReadOnlyList<string> ToleranceUnits = [Points, Percent];

    /// <summary>Reads and checks the file against the loaded indicators; refuses it whole at the first bad row.</summary>
    public static IReadOnlyList<AuditRuleRecord> Read(string path, IReadOnlySet<string> indicatorCodes)
    {
        var records = new List<AuditRuleRecord>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in SeedCsv.Read(path, Header))
        {
            var kind = row.OneOf("rule_kind", RuleKinds);
            var measure = row.Optional("measure_kind");
            var indicator = row.Optional("indicator_code");
            var related = row.Optional("related_indicator_code");
            if (measure is not null && !IndicatorSeedFile.MeasureKinds.Contains(measure))
            {
                throw row.Fail($"measure_kind '{measure}' is not one of {string.Join(", ", IndicatorSeedFile.MeasureKinds)}");
            }
            foreach (var (column, code) in new[] { ("indicator_code", indicator), ("related_indicator_code", related) })
            {
                if (code is not null && !indicatorCodes.Contains(code)) throw row.Fail($"{column} {code} is not in indicators.csv");
            }
            double? tolerance = null;
            string? unit = null;
            if (kind == YearOnYear)
            {
                if ((measure is null) == (indicator is null)) throw row.Fail("a yoy_change rule names either a measure_kind or an indicator_code");
                tolerance = row.Number("tolerance");
                if (tolerance <= 0) throw row.Fail($"tolerance {tolerance} must be above 0");
                unit = row.OneOf("tolerance_unit", ToleranceUnits);
            }
            else if (indicator is null || related is null || indicator == related)
            {
                throw row.Fail("a not_above rule names two different indicators: indicator_code (the part) and related_indicator_code (the total)");
            }
            var key = $"{kind}|{measure}|{indicator}|{related}";
            if (seen.TryGetValue(key, out var first)) throw row.Fail($"the same rule is declared on line {first}");
            seen[key] = row.LineNo;
            records.Add(new AuditRuleRecord((int)row.LineNo, kind, measure, indicator, related, tolerance, unit, row.Optional("note")));
        }
        return records;
    }
}
