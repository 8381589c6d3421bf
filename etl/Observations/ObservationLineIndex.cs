using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wcc.Etl.Observations;

/// <summary>One streamed read of a file on a worker thread: its SHA-256 and, for clean files, a 64-bit hash of every data line.</summary>
/// <remarks>
/// Built while DuckDB loads the file, so it costs no wall time on an idle core. The fast path captures refused lines as
/// text; their hashes find their line numbers here instead of a single-threaded numbering pass over the file. A hash
/// collision can only number one line too many, which the caller's count check turns into a run of the general path.
/// </remarks>
public sealed class ObservationLineIndex
{
    private const int BlockBytes = 4 << 20;

    /// <summary>Hex SHA-256 of the file bytes.</summary>
    public string Sha256 { get; }

    private readonly ulong[]? lineHashes;

    private ObservationLineIndex(string sha256, ulong[]? lineHashes)
    {
        Sha256 = sha256;
        this.lineHashes = lineHashes;
    }

    /// <summary>Starts reading <paramref name="path"/>; with <paramref name="dataLines"/> > 0 the data lines (after the header) are hashed too.</summary>
    public static Task<ObservationLineIndex> Start(string path, long dataLines) => Task.Run(() => Build(path, dataLines));

    /// <summary>Physical line numbers (header = 1) of the data lines whose text is one of <paramref name="lines"/>, in file order.</summary>
    /// <exception cref="InvalidOperationException">The index was built without line hashes.</exception>
    public IReadOnlyList<(long LineNo, string Raw)> Find(IEnumerable<string> lines)
    {
        if (lineHashes is null) throw new InvalidOperationException("line hashes were not built for this file");
        var wanted = new Dictionary<ulong, string>();
        foreach (var line in lines) wanted.TryAdd(Hash(Encoding.UTF8.GetBytes(line)), line);
        var found = new List<(long, string)>();
        for (var i = 0; i < lineHashes.Length; i++)
        {
            if (wanted.TryGetValue(lineHashes[i], out var raw)) found.Add((i + 2, raw));
        }
        return found;
    }

    private static ObservationLineIndex Build(string path, long dataLines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var hashes = dataLines > 0 ? new ulong[dataLines] : null;
        var buffer = new byte[BlockBytes];
        var carry = 0;
        long line = -1; // the header is line "-1" here: data line 0 is physical line 2
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0 || carry > 0)
        {
            sha.AppendData(buffer, carry, read);
            var length = carry + read;
            var span = buffer.AsSpan(0, length);
            var start = 0;
            if (hashes is not null)
            {
                int lf;
                while ((lf = span[start..].IndexOf((byte)'\n')) >= 0)
                {
                    if (line >= 0 && line < hashes.Length) hashes[line] = Hash(span.Slice(start, lf));
                    line++;
                    start += lf + 1;
                }
                // The last line of the file may have no line break.
                if (read == 0 && start < length)
                {
                    if (line >= 0 && line < hashes.Length) hashes[line] = Hash(span[start..]);
                    start = length;
                }
            }
            else start = length;
            if (read == 0) break;
            // Keep a partial line for the next block; a line longer than the buffer is hashed as it stands (it cannot match).
            carry = start == 0 && length == buffer.Length ? 0 : length - start;
            if (carry > 0) span[start..].CopyTo(buffer);
        }
        return new ObservationLineIndex(Convert.ToHexStringLower(sha.GetHashAndReset()), hashes);
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
