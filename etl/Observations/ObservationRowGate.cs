using System.Buffers;
using DuckDB.NET.Data;

namespace Wcc.Etl.Observations;

/// <summary>The per-row gate of the fast load: DuckDB hands it every row its reader parsed; it applies the value rules
/// and records each accepted row's key for <see cref="ObservationKeyScreen"/>.</summary>
/// <remarks>
/// The rules are those of <see cref="ObservationRules"/> for a parsed row (year in range, finite value, within the interval
/// the value rules give each indicator: magnitude, no negative count, the indicator's bounds), applied here rather than in SQL because DuckDB already has to call .NET once per chunk
/// for the key screen: checking the same vectors there cost less than a join to the bounds and a CASE per row.
/// A row the gate refuses goes, as written, to the exact checks, which give it its reason.
/// </remarks>
public sealed class ObservationRowGate
{
    /// <summary>Year and indicator position are passed packed in one INTEGER: the year in the low 12 bits.</summary>
    private const int YearBits = 12;
    private const int YearMask = (1 << YearBits) - 1;

    /// <summary>Position passed for a missing indicator code; beyond any real position, so refused.</summary>
    private const int NoIndicator = (1 << (31 - YearBits)) - 1;

    /// <summary>The year rule's range (<see cref="ObservationRules.Year"/>).</summary>
    private static readonly int FirstYear = ObservationRules.YearRange.First;
    private static readonly int LastYear = ObservationRules.YearRange.Last;

    private readonly double[] lower;
    private readonly double[] upper;
    private readonly bool[] isCount;

    private ObservationRowGate(double[] lower, double[] upper, bool[] isCount, ObservationKeyScreen screen)
    {
        this.lower = lower;
        this.upper = upper;
        this.isCount = isCount;
        Screen = screen;
    }

    /// <summary>Where the accepted rows' keys go.</summary>
    public ObservationKeyScreen Screen { get; }

    /// <summary>The gate for the indicators of <c>dim_indicator</c>, indexed by their position in the ENUM type <paramref name="indicatorEnum"/>.</summary>
    public static ObservationRowGate ForIndicators(DuckDBConnection connection, string indicatorEnum, long capacity)
    {
        var rows = new List<(int Position, double Lower, double Upper, bool IsCount)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT enum_code(indicator_code::{indicatorEnum})::INTEGER, lower_bound, upper_bound, measure_kind = 'count' FROM dim_indicator";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetInt32(0), r.IsDBNull(1) ? double.NegativeInfinity : r.GetDouble(1),
                          r.IsDBNull(2) ? double.PositiveInfinity : r.GetDouble(2), r.GetBoolean(3)));
            }
        }
        var size = rows.Count == 0 ? 0 : rows.Max(r => r.Position) + 1;
        var lower = new double[size];
        var upper = new double[size];
        var isCount = new bool[size];
        foreach (var r in rows)
        {
            // One interval per indicator from the value rules (magnitude, counts not negative, the indicator's bounds).
            (lower[r.Position], upper[r.Position]) = ObservationRules.ValueInterval(new IndicatorLimits(r.Lower, r.Upper, r.IsCount));
            isCount[r.Position] = r.IsCount;
        }
        return new ObservationRowGate(lower, upper, isCount, new ObservationKeyScreen(capacity));
    }

    /// <summary>SQL for the gate's third argument from an indicator's ENUM position and a year (either may be NULL).</summary>
    public static string PackedSql(string indicatorPosition, string year) =>
        $"(coalesce(({indicatorPosition})::INTEGER, {NoIndicator}) * {1 << YearBits} + least(greatest(coalesce({year}, 0), 0), {YearMask}))";

    /// <summary>Registers the gate as a volatile filter function <c>name(key_code, value, packed)</c> returning whether the row is accepted.</summary>
    /// <param name="vectors">How DuckDB's vectors are read (<see cref="VectorPointers.Default"/>: in place when this DuckDB.NET
    /// allows it); tests pass <see cref="VectorPointers.ValueByValue"/> to compare the two.</param>
    public void Register(DuckDBConnection connection, string name, VectorPointers vectors)
    {
        connection.RegisterScalarFunction<ulong, double, int, bool>(name, (readers, writer, rows) =>
        {
            var count = (int)rows;
            // Pooled scratch: DuckDB calls this once per 2,048 rows, from its own threads.
            var accepted = ArrayPool<bool>.Shared.Rent(count);
            var keptCodes = ArrayPool<ulong>.Shared.Rent(count);
            var keptValues = ArrayPool<double>.Shared.Rent(count);
            // Only the value-by-value reads copy into these.
            var keyCodes = vectors.InPlace ? [] : ArrayPool<ulong>.Shared.Rent(count);
            var values = vectors.InPlace ? [] : ArrayPool<double>.Shared.Rent(count);
            var packed = vectors.InPlace ? [] : ArrayPool<int>.Shared.Rent(count);
            try
            {
                // Flat and never null: the SQL coalesces every argument.
                Decide(vectors.Read(readers[0], count, keyCodes), vectors.Read(readers[1], count, values), vectors.Read(readers[2], count, packed),
                       accepted, keptCodes, keptValues);
                vectors.Write<bool>(writer, accepted.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<bool>.Shared.Return(accepted);
                ArrayPool<ulong>.Shared.Return(keptCodes);
                ArrayPool<double>.Shared.Return(keptValues);
                if (!vectors.InPlace)
                {
                    ArrayPool<ulong>.Shared.Return(keyCodes);
                    ArrayPool<double>.Shared.Return(values);
                    ArrayPool<int>.Shared.Return(packed);
                }
            }
        }, new ScalarFunctionOptions { IsPureFunction = false });
    }

    /// <summary>Decides each row and hands the accepted ones to the screen; <paramref name="codes"/> and <paramref name="values"/> are scratch.</summary>
    private void Decide(ReadOnlySpan<ulong> keyCodes, ReadOnlySpan<double> rowValues, ReadOnlySpan<int> packed, Span<bool> accepted,
        Span<ulong> codes, Span<double> values)
    {
        var kept = 0;
        for (var i = 0; i < keyCodes.Length; i++)
        {
            var position = packed[i] >> YearBits;
            var year = packed[i] & YearMask;
            var value = rowValues[i];
            var ok = ObservationKeyScreen.HasSex(keyCodes[i]) && (uint)position < (uint)lower.Length
                     && year >= FirstYear && year <= LastYear
                     && FiniteRule.Accepts(value) && value >= lower[position] && value <= upper[position];
            accepted[i] = ok;
            if (!ok) continue;
            codes[kept] = ObservationKeyScreen.WithCountFlag(keyCodes[i], isCount[position]);
            values[kept] = value;
            kept++;
        }
        Screen.Add(codes[..kept], values[..kept]);
    }
}
