using System.Buffers;
using DuckDB.NET.Data;

namespace Wcc.Etl.Observations;

/// <summary>The per-row gate of the fast load: DuckDB hands it every row its reader parsed; it applies the value rules
/// and records each accepted row's key for <see cref="ObservationKeyScreen"/>.</summary>
/// <remarks>
/// The rules are those of <see cref="ObservationChecks"/> for a parsed row (year in range, finite value, no negative count,
/// within the indicator's bounds), applied here rather than in SQL because DuckDB already has to call .NET once per chunk
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
            // The declared magnitude bounds every indicator, including those without bounds of their own.
            lower[r.Position] = Math.Max(r.IsCount ? Math.Max(r.Lower, 0) : r.Lower, -ObservationFormat.MaxMagnitude);
            upper[r.Position] = Math.Min(r.Upper, ObservationFormat.MaxMagnitude);
            isCount[r.Position] = r.IsCount;
        }
        return new ObservationRowGate(lower, upper, isCount, new ObservationKeyScreen(capacity));
    }

    /// <summary>SQL for the gate's third argument from an indicator's ENUM position and a year (either may be NULL).</summary>
    public static string PackedSql(string indicatorPosition, string year) =>
        $"(coalesce(({indicatorPosition})::INTEGER, {NoIndicator}) * {1 << YearBits} + least(greatest(coalesce({year}, 0), 0), {YearMask}))";

    /// <summary>Registers the gate as a volatile filter function <c>name(key_code, value, packed)</c> returning whether the row is accepted.</summary>
    /// <param name="readVectorsInPlace">Read DuckDB's vectors through <see cref="VectorPointers"/> when this DuckDB.NET allows it;
    /// false uses the public per-value accessors (tests compare the two).</param>
    public unsafe void Register(DuckDBConnection connection, string name, bool readVectorsInPlace = true)
    {
        var inPlace = readVectorsInPlace && VectorPointers.Available;
        connection.RegisterScalarFunction<ulong, double, int, bool>(name, (readers, writer, rows) =>
        {
            var count = (int)rows;
            // Pooled scratch: DuckDB calls this once per 2,048 rows, from its own threads.
            var accepted = ArrayPool<bool>.Shared.Rent(count);
            var keptCodes = ArrayPool<ulong>.Shared.Rent(count);
            var keptValues = ArrayPool<double>.Shared.Rent(count);
            try
            {
                if (inPlace)
                {
                    // Flat and never null: the SQL coalesces every argument.
                    Decide(new ReadOnlySpan<ulong>(VectorPointers.Data<ulong>(readers[0]), count),
                           new ReadOnlySpan<double>(VectorPointers.Data<double>(readers[1]), count),
                           new ReadOnlySpan<int>(VectorPointers.Data<int>(readers[2]), count), accepted, keptCodes, keptValues);
                    accepted.AsSpan(0, count).CopyTo(new Span<bool>(VectorPointers.Data<bool>(writer), count));
                    return;
                }
                var keyCodes = new ulong[count];
                var values = new double[count];
                var packed = new int[count];
                for (ulong i = 0; i < rows; i++)
                {
                    keyCodes[i] = readers[0].GetValue<ulong>(i);
                    values[i] = readers[1].GetValue<double>(i);
                    packed[i] = readers[2].GetValue<int>(i);
                }
                Decide(keyCodes, values, packed, accepted, keptCodes, keptValues);
                for (ulong i = 0; i < rows; i++) writer.WriteValue(accepted[i], i);
            }
            finally
            {
                ArrayPool<bool>.Shared.Return(accepted);
                ArrayPool<ulong>.Shared.Return(keptCodes);
                ArrayPool<double>.Shared.Return(keptValues);
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
                     && year >= ObservationFormat.MinYear && year <= ObservationFormat.MaxYear
                     && double.IsFinite(value) && value >= lower[position] && value <= upper[position];
            accepted[i] = ok;
            if (!ok) continue;
            codes[kept] = ObservationKeyScreen.WithCountFlag(keyCodes[i], isCount[position]);
            values[kept] = value;
            kept++;
        }
        Screen.Add(codes[..kept], values[..kept]);
    }
}
