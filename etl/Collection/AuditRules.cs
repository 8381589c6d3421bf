using DuckDB.NET.Data;
using Wcc.Etl.Seeds;

namespace Wcc.Etl.Collection;

/// <summary>A year-on-year tolerance: changes within it need no explanation.</summary>
public sealed record YearOnYearTolerance(double Tolerance, string Unit, string? Note);

/// <summary>A cross-indicator rule: <paramref name="IndicatorCode"/> may not exceed <paramref name="TotalCode"/> (same area, year, sex).</summary>
public sealed record NotAboveRule(string IndicatorCode, string TotalCode, string? Note);

/// <summary>The audit rules of <c>dim_audit_rule</c> (seeds/audit_rules.csv), ready to apply.</summary>
public sealed class AuditRules(IReadOnlyDictionary<string, YearOnYearTolerance> byKind, IReadOnlyDictionary<string, YearOnYearTolerance> byIndicator, IReadOnlyList<NotAboveRule> notAbove)
{
    /// <summary>F + M may differ from T by rounding only: half a unit (counts are whole numbers).</summary>
    public const double SexSumTolerance = 0.5;

    /// <summary>Copy-paste and below-city patterns are judged only with at least this many districts (two can agree by chance).</summary>
    public const int MinDistrictsForPattern = 3;

    /// <summary>The cross-indicator rules.</summary>
    public IReadOnlyList<NotAboveRule> NotAbove { get; } = notAbove;

    /// <summary>The tolerance for an indicator: its own, else its measure kind's, else none (no check).</summary>
    public YearOnYearTolerance? ToleranceFor(string indicatorCode, string measureKind) =>
        byIndicator.TryGetValue(indicatorCode, out var own) ? own : byKind.GetValueOrDefault(measureKind);

    /// <summary>Reads the rules from the warehouse.</summary>
    public static AuditRules Read(DuckDBConnection connection)
    {
        var byKind = new Dictionary<string, YearOnYearTolerance>(StringComparer.Ordinal);
        var byIndicator = new Dictionary<string, YearOnYearTolerance>(StringComparer.Ordinal);
        var notAbove = new List<NotAboveRule>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rule_kind, measure_kind, indicator_code, related_indicator_code, tolerance, tolerance_unit, note FROM dim_audit_rule ORDER BY rule_id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            if (r.GetString(0) == AuditRuleSeedFile.YearOnYear)
            {
                var tolerance = new YearOnYearTolerance(r.GetDouble(4), r.GetString(5), S(6));
                if (S(2) is { } code) byIndicator[code] = tolerance;
                else if (S(1) is { } kind) byKind[kind] = tolerance;
            }
            else
            {
                notAbove.Add(new NotAboveRule(r.GetString(2), r.GetString(3), S(6)));
            }
        }
        return new AuditRules(byKind, byIndicator, notAbove);
    }
}
