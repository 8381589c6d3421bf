using Wcc.Etl.Observations;

namespace Wcc.Tests.Etl.Observations;

public class ObservationRowGateTests
{
    // Rows as the fast load passes them: (indicator, sex, year, value), with NULL for a missing field.
    private const string Rows = """
        ('W01', 'T', 2019, 45.5::DOUBLE), -- accepted: a rate within [0, 100]
        ('W01', 'T', 2019, 100.0),       -- accepted: on the bound
        ('W01', 'T', 2019, 100.5),       -- out of bounds
        ('W01', 'T', 2019, 'NaN'),       -- not finite
        ('W01', 'T', 2019, 'inf'),       -- not finite
        ('W01', 'T', 2019, NULL),        -- not a number (NULL after TRY_CAST)
        ('W01', 'T', 1989, 45.5),        -- year out of range
        ('W01', 'T', NULL, 45.5),        -- no year
        ('W01', 'X', 2019, 45.5),        -- no valid sex
        (NULL,  'T', 2019, 45.5),        -- no indicator
        ('W10', 'F', 2019, -5.0),        -- negative count
        ('W10', 'F', 2019, 5000000.0)    -- accepted: counts have no upper bound
        """;

    private static (bool[] Accepted, long Screened) Run(VectorPointers vectors)
    {
        using var w = new ObservationTestWarehouse();
        w.Exec("CREATE TEMP TYPE gate_indicator AS ENUM (SELECT indicator_code FROM dim_indicator)");
        var gate = ObservationRowGate.ForIndicators(w.Connection, "gate_indicator", 100);
        gate.Register(w.Connection, "gate", vectors);
        var code = ObservationKeyScreen.KeyCodeSql("position", "'610100'", "year", "sex", "'_T'", "'_T'");
        var accepted = (string)w.Scalar($"""
            SELECT string_agg(gate({code}, coalesce(value, 'NaN'::DOUBLE), {ObservationRowGate.PackedSql("position", "year")})::VARCHAR, ',' ORDER BY n)
            FROM (SELECT row_number() OVER () AS n, enum_code(ic::gate_indicator) AS position, sex, year, value::DOUBLE AS value
                  FROM (VALUES
                  {Rows}
                  ) t(ic, sex, year, value))
            """)!;
        return (accepted.Split(',').Select(bool.Parse).ToArray(), gate.Screen.Rows);
    }

    [Fact]
    public void Gate_EachValueRule_RefusesItsRowAndScreensTheOthers()
    {
        var (accepted, screened) = Run(VectorPointers.Default);

        Assert.Equal([true, true, false, false, false, false, false, false, false, false, false, true], accepted);
        Assert.Equal(3, screened);
    }

    [Fact]
    public void Gate_PublicAccessors_DecideLikeTheInPlaceReads()
    {
        Assert.True(VectorPointers.Default.InPlace, $"DuckDB.NET changed: {VectorPointers.Default.FallbackReason}");
        var inPlace = Run(VectorPointers.Default);
        var byValue = Run(VectorPointers.ValueByValue);

        Assert.Equal(inPlace.Accepted, byValue.Accepted);
        Assert.Equal(inPlace.Screened, byValue.Screened);
    }
}
