using System.Buffers.Binary;
using System.Text;

namespace Wcc.Etl.Observations;

/// <summary>Finds the physical line numbers of given lines in a file by one streamed pass of 64-bit line hashes.</summary>
/// <remarks>
/// DuckDB's parallel CSV reader does not number the lines it reads (numbering forces a single thread), so the fast path
/// captures the rows it refuses as text and this pass numbers them afterwards. It runs only when a file has such rows,
/// and it is exact: a line that fails, fails wherever it occurs, so every line with that text is reported; a hash
/// collision can only report one line too many, which the caller's count check turns into a run of the general path.
/// </remarks>
public static class ObservationLineFinder
{
    private const int BlockBytes = 4 << 20;

    /// <summary>Physical line numbers (header = 1) of the data lines whose text is one of <paramref name="lines"/>, in file order.</summary>
    public static IReadOnlyList<(long LineNo, string Raw)> Find(string path, IEnumerable<string> lines)
    {
        var wanted = new Dictionary<ulong, string>();
        foreach (var line in lines) wanted.TryAdd(Hash(Encoding.UTF8.GetBytes(line)), line);
        var found = new List<(long, string)>();
        if (wanted.Count == 0) return found;

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockBytes];
        var carry = 0;
        long lineNo = 1; // physical number of the line that starts at the beginning of the current block
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0 || carry > 0)
        {
            var length = carry + read;
            var span = buffer.AsSpan(0, length);
            var start = 0;
            int lf;
            while ((lf = span[start..].IndexOf((byte)'\n')) >= 0)
            {
                Match(span.Slice(start, lf));
                start += lf + 1;
            }
            // The last line of the file may have no line break.
            if (read == 0)
            {
                if (start < length) Match(span[start..]);
                break;
            }
            // Keep a partial line for the next block; a line longer than the buffer is passed over (it cannot match).
            if (start == 0 && length == buffer.Length)
            {
                carry = 0;
                continue;
            }
            carry = length - start;
            if (carry > 0) span[start..].CopyTo(buffer);
        }
        return found;

        void Match(ReadOnlySpan<byte> line)
        {
            if (lineNo > 1 && wanted.TryGetValue(Hash(line), out var raw)) found.Add((lineNo, raw));
            lineNo++;
        }
    }

    private const ulong Seed = 0x9E3779B97F4A7C15;
    private const ulong Multiplier = 0xFF51AFD7ED558CCD;

    /// <summary>A fast 64-bit hash of a line's bytes (8 bytes a step, multiply and rotate; finalised like MurmurHash3).</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var h = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = ulong.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 31);
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (var i = bytes.Length - 1; i >= 0; i--) tail = (tail << 8) | bytes[i];
        h = (h ^ tail) * Multiplier;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        return h ^ (h >> 33);
    }
}
