using Wcc.Etl.Observations;

namespace Wcc.Tests.Etl.Observations;

public class ObservationKeyScreenTests
{
    private const double Relative = ObservationFormat.SexTotalRelativeTolerance;
    private const double Absolute = ObservationFormat.SexTotalAbsoluteTolerance;

    // A key code as KeyCodeSql lays it out: the key's hash in the high bits, the sex in the low two (1 F, 2 M, 3 T).
    private static ulong Code(int key, int sex, bool isCount = false) =>
        ObservationKeyScreen.WithCountFlag((((ulong)key * 0x9E3779B97F4A7C15UL) & ~7UL) | (uint)sex, isCount);

    private static ObservationKeyScreen Screen(params (ulong Code, double Value)[] rows)
    {
        var screen = new ObservationKeyScreen(rows.Length);
        // Several chunks, as DuckDB hands them over.
        foreach (var chunk in rows.Chunk(3)) screen.Add(chunk.Select(r => r.Code).ToArray(), chunk.Select(r => r.Value).ToArray());
        return screen;
    }

    [Fact]
    public void HasProblems_DistinctKeysAndConsistentCounts_IsFalse()
    {
        var screen = Screen((Code(1, 1, true), 10), (Code(1, 2, true), 20), (Code(1, 3, true), 30),
                            (Code(2, 1), 40), (Code(2, 2), 60), (Code(2, 3), 45), // a rate: T is not F + M, and need not be
                            (Code(3, 3, true), 7));

        Assert.False(screen.HasProblems(Relative, Absolute));
    }

    [Fact]
    public void HasProblems_SameKeyAndSexTwice_IsTrue()
    {
        Assert.True(Screen((Code(1, 3), 45.5), (Code(2, 3), 1), (Code(1, 3), 46)).HasProblems(Relative, Absolute));
    }

    [Theory]
    [InlineData(1000, 1100, 5000, true)]   // far off
    [InlineData(1000, 1100, 2100.5, false)] // within the absolute tolerance
    [InlineData(1000, 1100, 2110, false)]  // within 1 % of T
    [InlineData(1000, 1100, 2200, true)]   // beyond 1 % of T
    public void HasProblems_CountIndicator_ComparesFPlusMWithT(double f, double m, double t, bool expected)
    {
        var screen = Screen((Code(5, 1, true), f), (Code(5, 2, true), m), (Code(5, 3, true), t));

        Assert.Equal(expected, screen.HasProblems(Relative, Absolute));
    }

    [Fact]
    public void HasProblems_ManyRowsWithOneDuplicate_FindsIt()
    {
        // Enough rows for many partitions and both workers.
        const int keys = 200_000;
        var rows = Enumerable.Range(0, keys).SelectMany(k => new[] { (Code(k, 1, true), 1.0), (Code(k, 2, true), 2.0), (Code(k, 3, true), 3.0) }).ToList();

        Assert.False(Screen([.. rows]).HasProblems(Relative, Absolute));
        rows.Add((Code(123_456, 2, true), 2.0));
        Assert.True(Screen([.. rows]).HasProblems(Relative, Absolute));
    }

    [Fact]
    public void HasProblems_MoreRowsThanCapacity_IsTrue()
    {
        var screen = new ObservationKeyScreen(2);
        screen.Add([Code(1, 1), Code(2, 1), Code(3, 1)], [1, 2, 3]);

        Assert.True(screen.HasProblems(Relative, Absolute));
    }

    [Fact]
    public void HasProblems_AfterMoreRowsArrive_ScreensThemAll()
    {
        // The fast load screens once after its insert and again when staged rows join: the second run sees every row.
        var again = new ObservationKeyScreen(3);
        again.Add([Code(1, 1), Code(2, 1)], [1, 2]);
        Assert.False(again.HasProblems(Relative, Absolute));
        again.Add([Code(2, 1)], [2]);
        Assert.True(again.HasProblems(Relative, Absolute));
    }

    [Fact]
    public void HasSex_NoSexBits_IsFalse()
    {
        Assert.False(ObservationKeyScreen.HasSex(Code(1, 0)));
        Assert.True(ObservationKeyScreen.HasSex(Code(1, 3)));
    }
}
