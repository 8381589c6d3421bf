using System.Globalization;
using Wcc.Etl.Observations;

namespace Wcc.Tests.Etl.Observations;

/// <summary>The rules declared once: their SQL (general checks) and .NET (fast path gate) forms decide alike.</summary>
public class ObservationRulesTests
{
    private static readonly double[] Values = [double.NegativeInfinity, -2e12, -1e12, -5, -0.0, 0, 0.5, 99.9, 100, 100.5, 1001, 1e12, 1.5e12, double.PositiveInfinity];

    [Fact]
    public void ValueRules_SqlAndDotNetForms_AcceptTheSameValues()
    {
        using var w = new ObservationTestWarehouse();
        var refuses = string.Join(" OR ", ObservationRules.ValueBounds.Select(r => $"({r.RefusesSql})"));
        var values = string.Join(", ", Values.Where(double.IsFinite).Select(v => $"({v.ToString("R", CultureInfo.InvariantCulture)}::DOUBLE)"));
        // One query over every indicator x value: what the SQL form refuses, with what the .NET form needs to decide.
        using var cmd = w.Connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT indicator_code, v, coalesce(lower_bound, '-inf'::DOUBLE), coalesce(upper_bound, 'inf'::DOUBLE), measure_kind = 'count',
                   coalesce({refuses}, false)
            FROM dim_indicator, (VALUES {values}) t(v)
            ORDER BY ALL
            """;
        using var r = cmd.ExecuteReader();
        var checkedRows = 0;
        while (r.Read())
        {
            var (indicator, value, sqlRefuses) = (r.GetString(0), r.GetDouble(1), r.GetBoolean(5));
            var (lower, upper) = ObservationRules.ValueInterval(new IndicatorLimits(r.GetDouble(2), r.GetDouble(3), r.GetBoolean(4)));
            var dotNetAccepts = value >= lower && value <= upper;
            Assert.True(sqlRefuses == !dotNetAccepts, $"{indicator} {value.ToString(CultureInfo.InvariantCulture)}: SQL refuses {sqlRefuses}, .NET accepts {dotNetAccepts}");
            checkedRows++;
        }
        Assert.Equal(3 * Values.Count(double.IsFinite), checkedRows);
    }

    [Fact]
    public void FirstRefusal_EachRowRule_GivesItsOwnCodeInDeclaredOrder()
    {
        using var w = new ObservationTestWarehouse();
        // One row per rule that fails it alone (and a good row); the CASE generated from the rules names each.
        var code = (string)w.Scalar($"""
            SELECT string_agg(coalesce(check_code, 'ok'), ',' ORDER BY n) FROM (
                SELECT n, {ObservationRules.FirstRefusalSql()} AS check_code FROM (
                    SELECT t.*, i.indicator_code IS NOT NULL AS indicator_known, i.measure_kind, i.lower_bound, i.upper_bound,
                           a.area_code IS NOT NULL AS area_known
                    FROM (VALUES
                        (1, NULL, 'W01', '610100', 2019, 'T', 5.0, NULL, '_T'),
                        (2, 'wrong_column_count', 'W01', '610100', 2019, 'T', 5.0, NULL, '_T'),
                        (3, NULL, 'W99', '610100', 2019, 'T', 5.0, NULL, '_T'),
                        (4, NULL, 'W01', '999999', 2019, 'T', 5.0, NULL, '_T'),
                        (5, NULL, 'W01', '610100', 1980, 'T', 5.0, NULL, '_T'),
                        (6, NULL, 'W01', '610100', 2019, 'X', 5.0, NULL, '_T'),
                        (7, NULL, 'W01', '610100', 2019, 'T', NULL, NULL, '_T'),
                        (8, NULL, 'W01', '610100', 2019, 'T', 'NaN'::DOUBLE, NULL, '_T'),
                        (9, NULL, 'W10', '610100', 2019, 'T', 2e12, NULL, '_T'),
                        (10, NULL, 'W10', '610100', 2019, 'T', -1, NULL, '_T'),
                        (11, NULL, 'W01', '610100', 2019, 'T', 101, NULL, '_T'),
                        (12, NULL, 'W01', '610100', 2019, 'T', 5, 'final', '_T'),
                        (13, NULL, 'W01', '610100', 2019, 'T', 5, NULL, 'X')
                    ) t(n, parse_error, ic, ac, y, sx, v, st, ur)
                    LEFT JOIN dim_indicator i ON i.indicator_code = t.ic
                    LEFT JOIN dim_area a ON a.area_code = t.ac))
            """)!;

        Assert.Equal(
            "ok,wrong_column_count,unknown_indicator,unknown_area,year_out_of_range,bad_sex,non_numeric_value,not_finite,beyond_magnitude," +
            "negative_count,out_of_bounds,bad_status,bad_urban_rural", code);
    }

    [Fact]
    public void AllRules_EachReasonCode_DeclaredOnceWithAMessage()
    {
        var codes = typeof(RejectReason).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToList();

        Assert.Equal(codes, ObservationRules.AllRules.Select(r => r.Code).Order().ToList());
        Assert.All(ObservationRules.AllRules, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageSql)));
    }

    [Fact]
    public void YearRange_IsTheWarehouseYears()
    {
        Assert.Equal((ObservationFormat.MinYear, ObservationFormat.MaxYear), ObservationRules.YearRange);
    }
}
