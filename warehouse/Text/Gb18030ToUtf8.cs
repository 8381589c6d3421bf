using System.Text;

namespace Wcc.Warehouse.Text;

/// <summary>Strict GB18030 to UTF-8, bytes to bytes, for the streamed transcoding of large files.</summary>
/// <remarks>
/// .NET's GB18030 decoder runs at a fraction of the speed of DuckDB's CSV reader, which made transcoding cost more than
/// the load it enables. Here ASCII runs are copied in bulk and each two-byte character is one lookup in a table built
/// once from that same decoder (so the mapping is .NET's, exactly); the rare four-byte sequences are handed to the
/// decoder itself. Any byte sequence the strict decoder refuses is refused here too.
/// </remarks>
internal static class Gb18030ToUtf8
{
    private const int FirstLead = 0x81;
    private const int LastLead = 0xFE;
    private const int FirstTrail = 0x40;
    private const int LastTrail = 0xFE;
    private const int Trails = LastTrail - FirstTrail + 1;

    /// <summary>UTF-8 of every two-byte sequence, packed little-endian with its length in the top byte; 0 where it is not
    /// a GB18030 character. Two-byte GB18030 characters are all in the BMP, so 2 or 3 UTF-8 bytes.</summary>
    private static readonly Lazy<uint[]> TwoByteTable = new(BuildTable);

    private static uint[] BuildTable()
    {
        var table = new uint[(LastLead - FirstLead + 1) * Trails];
        Span<byte> pair = stackalloc byte[2];
        Span<char> decoded = stackalloc char[4];
        for (var lead = FirstLead; lead <= LastLead; lead++)
        {
            for (var trail = FirstTrail; trail <= LastTrail; trail++)
            {
                if (trail == 0x7F) continue;
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                try
                {
                    if (TextDecoder.StrictGb18030.GetChars(pair, decoded) == 1) table[(lead - FirstLead) * Trails + trail - FirstTrail] = Pack(decoded[0]);
                }
                catch (DecoderFallbackException)
                {
                    // Not a character: stays 0.
                }
            }
        }
        return table;
    }

    private static uint Pack(char c)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var n = Encoding.UTF8.GetBytes([c], utf8);
        uint packed = 0;
        for (var k = n - 1; k >= 0; k--) packed = (packed << 8) | utf8[k];
        return packed | ((uint)n << 24);
    }

    /// <summary>Converts <paramref name="source"/> (whole lines) into <paramref name="target"/> (at least 3 bytes per source byte, plus 4);
    /// returns the bytes written, or -1 when some sequence is not GB18030.</summary>
    public static int Convert(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var table = TwoByteTable.Value;
        var i = 0;
        var o = 0;
        Span<char> four = stackalloc char[4];
        while (i < source.Length)
        {
            var lead = source[i];
            if (lead < 0x80)
            {
                var ascii = source[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (ascii < 0) ascii = source.Length - i;
                source.Slice(i, ascii).CopyTo(target[o..]);
                i += ascii;
                o += ascii;
                continue;
            }
            if (lead is < FirstLead or > LastLead || i + 1 >= source.Length) return -1;
            var second = source[i + 1];
            if (second is >= FirstTrail and <= LastTrail)
            {
                var packed = table[(lead - FirstLead) * Trails + second - FirstTrail];
                if (packed == 0) return -1;
                // Four bytes written, two or three kept: the next character overwrites the rest.
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(target[o..], packed & 0x00FF_FFFF);
                o += (int)(packed >> 24);
                i += 2;
                continue;
            }
            if (second is >= 0x30 and <= 0x39 && i + 3 < source.Length)
            {
                int n;
                try
                {
                    n = TextDecoder.StrictGb18030.GetChars(source.Slice(i, 4), four);
                }
                catch (DecoderFallbackException)
                {
                    return -1;
                }
                o += Encoding.UTF8.GetBytes(four[..n], target[o..]);
                i += 4;
                continue;
            }
            return -1;
        }
        return o;
    }
}
