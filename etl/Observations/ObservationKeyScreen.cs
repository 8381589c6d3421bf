using System.Numerics;

namespace Wcc.Etl.Observations;

/// <summary>Finds duplicate keys and F + M vs T mismatches of count indicators among the rows of one load, from
/// compact codes DuckDB hands over while it inserts them.</summary>
/// <remarks>
/// A GROUP BY over the 10 M rows a load has just written (still transaction-local, so scanned uncompressed) cost about
/// a quarter of a bare COPY. Here the rows are seen once, while the insert runs: DuckDB computes one 64-bit code per row
/// (<see cref="KeyCodeSql"/>), which <see cref="ObservationRowGate"/> passes on with the value to <see cref="Add"/>.
/// The check then partitions the codes by their top bits and aggregates each partition in a small hash table that stays
/// in cache, on every core.
/// Like the SQL it replaces, it works on a hash of the key: a collision can only make it report a problem that is not
/// there (the caller then runs the exact general checks), never hide one.
/// </remarks>
public sealed class ObservationKeyScreen
{
    // Code layout: bits 63..3 = hash of (indicator, area, year, age group, urban/rural); bit 2 = count indicator;
    // bits 1..0 = sex (1 F, 2 M, 3 T: the order of ObservationRules.Sex). Grouping by code >> 2 therefore groups by key (and the count flag, which a key fixes).
    private const int SexBits = 2;
    private const ulong SexMask = 3;
    private const ulong CountFlag = 4;

    /// <summary>Average rows per partition: small enough for a partition's hash table to stay in the CPU cache.</summary>
    private const int RowsPerPartition = 16384;

    /// <summary>SQL for a row's key code without the count flag (see <see cref="WithCountFlag"/>); the sex bits are 0 when the
    /// area is missing or the sex is not F, M or T, which <see cref="HasSex"/> refuses.</summary>
    public static string KeyCodeSql(string indicator, string area, string year, string sex, string ageGroup, string urbanRural) =>
        $"((hash({indicator}, {area}, {year}, {ageGroup}, {urbanRural}) & ~7::UBIGINT) " +
        $"| (CASE WHEN {area} IS NULL THEN 0 {SexBitsSql(sex)} ELSE 0 END)::UBIGINT)";

    /// <summary>The sex bits of the accepted sex codes (<see cref="ObservationRules.Sex"/>): 1, 2, 3 in their declared order.</summary>
    private static string SexBitsSql(string sex) =>
        string.Join(" ", ObservationRules.Sex.Values.Select((code, i) => $"WHEN {sex} = '{code}' THEN {i + 1}"));

    /// <summary>The code names an area and a valid sex.</summary>
    public static bool HasSex(ulong code) => (code & SexMask) != 0;

    /// <summary>The code marked as belonging to a count indicator (whose F + M must match T).</summary>
    public static ulong WithCountFlag(ulong code, bool isCount) => isCount ? code | CountFlag : code & ~CountFlag;

    private readonly ulong[] codes;
    private readonly double[] values;
    private long rows;
    private bool overflowed;

    /// <param name="capacity">Most rows that will be handed over (the file's data lines).</param>
    public ObservationKeyScreen(long capacity)
    {
        var size = (int)Math.Min(Math.Max(capacity, 0), Array.MaxLength);
        codes = GC.AllocateUninitializedArray<ulong>(size);
        values = GC.AllocateUninitializedArray<double>(size);
    }

    /// <summary>Rows handed over so far.</summary>
    public long Rows => Volatile.Read(ref rows);

    /// <summary>Takes a chunk of accepted rows (called concurrently from DuckDB's threads). Past the capacity nothing more is
    /// kept and the screen reports a problem, so no row is ever skipped unseen.</summary>
    public void Add(ReadOnlySpan<ulong> rowCodes, ReadOnlySpan<double> rowValues)
    {
        if (rowCodes.Length != rowValues.Length) throw new ArgumentException("one value per code", nameof(rowValues));
        var end = Interlocked.Add(ref rows, rowCodes.Length);
        if (end > codes.Length)
        {
            Volatile.Write(ref overflowed, true);
            return;
        }
        var start = (int)(end - rowCodes.Length);
        rowCodes.CopyTo(codes.AsSpan(start));
        rowValues.CopyTo(values.AsSpan(start));
    }

    /// <summary>True when some key occurs twice with the same sex, or a count indicator's F + M differs from its T by more
    /// than max(|T| x <paramref name="relativeTolerance"/>, <paramref name="absoluteTolerance"/>).</summary>
    public bool HasProblems(double relativeTolerance, double absoluteTolerance)
    {
        if (Volatile.Read(ref overflowed)) return true;
        var total = (int)Rows;
        if (total == 0) return false;
        var partitionBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, total / RowsPerPartition)) + 1, 1, 16);
        var partitions = 1 << partitionBits;
        var shift = 64 - partitionBits;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, total / RowsPerPartition + 1));
        var range = (total + workers - 1) / workers;

        // A parallel counting sort into partitions by the top bits of the code: each worker counts its share of the rows,
        // then writes them to its own place inside every partition.
        var counts = new int[workers][];
        Parallel.For(0, workers, w =>
        {
            var histogram = counts[w] = new int[partitions];
            foreach (var code in codes.AsSpan(Math.Min(w * range, total), Math.Clamp(total - w * range, 0, range))) histogram[(int)(code >> shift)]++;
        });
        var starts = new int[partitions + 1];
        var offsets = new int[workers][];
        for (var w = 0; w < workers; w++) offsets[w] = new int[partitions];
        for (int p = 0, at = 0; p < partitions; p++)
        {
            starts[p] = at;
            for (var w = 0; w < workers; w++)
            {
                offsets[w][p] = at;
                at += counts[w][p];
            }
        }
        starts[partitions] = total;
        var sortedCodes = GC.AllocateUninitializedArray<ulong>(total);
        var sortedValues = GC.AllocateUninitializedArray<double>(total);
        Parallel.For(0, workers, w =>
        {
            var next = offsets[w];
            var end = Math.Min((w + 1) * range, total);
            for (var i = Math.Min(w * range, total); i < end; i++)
            {
                var at = next[(int)(codes[i] >> shift)]++;
                sortedCodes[at] = codes[i];
                sortedValues[at] = values[i];
            }
        });

        var found = 0;
        var largest = 0;
        for (var p = 0; p < partitions; p++) largest = Math.Max(largest, starts[p + 1] - starts[p]);
        Parallel.For(0, workers, () => new PartitionTable(largest), (worker, state, table) =>
        {
            for (var p = worker; p < partitions && Volatile.Read(ref found) == 0; p += workers)
            {
                var span = new Range(starts[p], starts[p + 1]);
                if (table.HasProblems(sortedCodes.AsSpan(span), sortedValues.AsSpan(span), relativeTolerance, absoluteTolerance))
                {
                    Interlocked.Exchange(ref found, 1);
                }
            }
            return table;
        }, _ => { });
        return found != 0;
    }

    /// <summary>An open-addressing table over one partition's keys: sexes seen and the F, M, T values of each key.</summary>
    private sealed class PartitionTable
    {
        private readonly ulong[] keys;
        private readonly byte[] sexes;
        private readonly double[] values; // three per slot: F, M, T

        public PartitionTable(int largestPartition)
        {
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, largestPartition * 2));
            keys = new ulong[capacity];
            sexes = new byte[capacity];
            values = new double[capacity * 3];
        }

        public bool HasProblems(ReadOnlySpan<ulong> codes, ReadOnlySpan<double> rowValues, double relativeTolerance, double absoluteTolerance)
        {
            var used = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, codes.Length * 2)) - 1;
            Array.Clear(sexes, 0, used + 1);
            for (var i = 0; i < codes.Length; i++)
            {
                var key = codes[i] >> SexBits;
                var sex = (int)(codes[i] & SexMask);
                // The low bits of the hash pick the slot (the top bits are the partition, equal for every row here).
                var slot = (int)(key >> 1) & used;
                while (sexes[slot] != 0 && keys[slot] != key) slot = (slot + 1) & used;
                var bit = (byte)(1 << (sex - 1));
                if ((sexes[slot] & bit) != 0) return true;
                keys[slot] = key;
                sexes[slot] |= bit;
                values[slot * 3 + sex - 1] = rowValues[i];
            }
            for (var slot = 0; slot <= used; slot++)
            {
                if (sexes[slot] != 7 || (keys[slot] & (CountFlag >> SexBits)) == 0) continue;
                var f = values[slot * 3];
                var m = values[slot * 3 + 1];
                var t = values[slot * 3 + 2];
                if (Math.Abs(f + m - t) > Math.Max(Math.Abs(t) * relativeTolerance, absoluteTolerance)) return true;
            }
            return false;
        }
    }
}
