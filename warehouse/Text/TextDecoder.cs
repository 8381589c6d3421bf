using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Text;

/// <summary>A decoded input file: its text (line breaks as LF) and the encoding it was read in.</summary>
public sealed record DecodedText(string Text, string EncodingName);

/// <summary>The one decoder of every text input (observations, reference CSVs, notices): each file is read in exactly one
/// encoding, and only when every byte of it decodes strictly in that encoding.</summary>
/// <remarks>
/// The rule: a UTF-8 or UTF-16 byte-order mark names the encoding; otherwise the file is UTF-8 when all of it is valid
/// UTF-8, else GB18030 (what Chinese Excel and WPS save) when all of it decodes strictly as GB18030 and no line of it is
/// UTF-8 Chinese text. A file that is neither, or that mixes the two (a UTF-8 file with one line pasted from a GBK file,
/// a stray 0xFF byte), is refused with its first offending line: decoding it either way would store mojibake.
/// Line breaks come out as LF (CRLF and lone CR are turned into LF), so line numbers count the way editors show them.
/// The work is streamed in blocks cut at line ends (LF and CR are single bytes in UTF-8 and GB18030 alike), so a
/// 400 MB file is transcoded without being held in memory (<see cref="Transcode(string, string)"/>).
/// </remarks>
public static partial class TextDecoder
{
    public const string Utf8 = "utf-8";
    public const string Utf8WithBom = "utf-8-bom";
    public const string Gb18030 = "gb18030";
    public const string Utf16 = "utf-16";

    /// <summary>Windows code page of GB18030, a superset of GBK and GB2312.</summary>
    private const int Gb18030CodePage = 54936;

    private const int BlockBytes = 4 << 20;

    /// <summary>Longest line read: no line of a CSV or a notice comes near it, and an endless "line" (a binary file, a device)
    /// must end in a refusal, not in all the memory there is.</summary>
    public const int MaxLineBytes = 256 << 20;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 that throws on any byte sequence it does not define (never a replacement character).</summary>
    public static Encoding StrictGb18030 { get; } = CreateStrictGb18030();

    private static Encoding CreateStrictGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and decodes <paramref name="path"/>; messages name the file by <paramref name="label"/> (default: the path).</summary>
    public static DecodedText ReadFile(string path, string? label = null)
    {
        Files.InputFile.RequireReadable(path, label ?? path);
        return Decode(File.ReadAllBytes(path), label ?? path);
    }

    /// <summary>Decodes a whole file's bytes by the rule above; <paramref name="label"/> names the file in refusals.</summary>
    public static DecodedText Decode(byte[] bytes, string label)
    {
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var utf16 = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                return new DecodedText(NormaliseLineBreaks(utf16.GetString(bytes, 2, bytes.Length - 2)), Utf16);
            }
            catch (DecoderFallbackException)
            {
                throw Refuse(label, LineOfUtf16Error(bytes), "starts with a UTF-16 byte-order mark but is not valid UTF-16");
            }
        }
        using var output = new MemoryStream(bytes.Length + 16);
        string encoding;
        using (var input = new MemoryStream(bytes, writable: false)) encoding = Transcode(input, output, label);
        return new DecodedText(Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length), encoding);
    }

    /// <summary>Writes <paramref name="sourcePath"/> as UTF-8 with LF line breaks (no BOM) to <paramref name="destinationPath"/>;
    /// returns the source encoding. Refuses files that are not wholly one encoding (nothing usable is left written then).</summary>
    public static string Transcode(string sourcePath, string destinationPath)
    {
        using var input = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var output = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return Transcode(input, output, sourcePath);
    }

    /// <summary>True when <paramref name="bytes"/> start with a UTF-16 byte-order mark (streamed transcoding does not handle those).</summary>
    public static bool HasUtf16Mark(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF);

    private static string Transcode(Stream input, Stream output, string label)
    {
        // First try UTF-8: the bytes are copied (line breaks normalised) and checked block by block. At the first block that
        // is not UTF-8 the whole file is read again as GB18030, which also decides whether it mixes the two.
        var start = output.Position;
        var bom = SkipUtf8Bom(input);
        if (CopyIfUtf8(input, output, label)) return bom ? Utf8WithBom : Utf8;
        if (bom) throw Refuse(label, FirstBadUtf8Line(input, bom, label), "starts with a UTF-8 byte-order mark but is not valid UTF-8");
        input.Position = 0;
        output.SetLength(start);
        output.Position = start;
        DecodeGb18030(input, output, label);
        return Gb18030;
    }

    private static bool SkipUtf8Bom(Stream input)
    {
        Span<byte> head = stackalloc byte[3];
        var n = input.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (n == 3 && head.SequenceEqual(Encoding.UTF8.Preamble)) return true;
        input.Position = 0;
        return false;
    }

    /// <summary>Streams UTF-8 bytes through with line breaks normalised; false (output incomplete) at the first invalid block.</summary>
    private static bool CopyIfUtf8(Stream input, Stream output, string label)
    {
        var lines = new LineBlocks(input, label);
        var normalised = Array.Empty<byte>();
        while (lines.Next(out var block, out _))
        {
            if (!System.Text.Unicode.Utf8.IsValid(block)) return false;
            Ensure(ref normalised, block.Length);
            var n = LineBlocks.Normalise(block, normalised);
            output.Write(normalised, 0, n);
        }
        return true;
    }

    private static long FirstBadUtf8Line(Stream input, bool bom, string label)
    {
        input.Position = bom ? 3 : 0;
        var lines = new LineBlocks(input, label);
        while (lines.Next(out var block, out var firstLine))
        {
            var lineNo = firstLine;
            foreach (var line in LineBlocks.Lines(block))
            {
                if (!System.Text.Unicode.Utf8.IsValid(line)) return lineNo;
                lineNo++;
            }
        }
        return 1;
    }

    /// <summary>Decodes the whole stream strictly as GB18030, refusing it at the first line that is not GB18030 or when
    /// some line is UTF-8 Chinese text (a mixed file, which GB18030 would turn into mojibake without an error).</summary>
    /// <remarks>Blocks are converted in parallel, one per core (the work is per line, so blocks are independent), and
    /// written in file order.</remarks>
    private static void DecodeGb18030(Stream input, Stream output, string label)
    {
        var lines = new LineBlocks(input, label);
        var workers = Math.Max(1, Environment.ProcessorCount);
        var blocks = new GbBlock[workers];
        for (var k = 0; k < workers; k++) blocks[k] = new GbBlock();
        long? utf8Chinese = null;
        long? notGb = null;
        while (notGb is null)
        {
            var count = 0;
            while (count < workers && lines.Next(out var block, out var firstLine)) blocks[count++].Take(block, firstLine);
            if (count == 0) break;
            Parallel.For(0, count, k => blocks[k].Convert());
            for (var k = 0; k < count; k++)
            {
                var b = blocks[k];
                utf8Chinese ??= b.Utf8Chinese;
                if (b.NotGb is { } bad)
                {
                    notGb = bad;
                    break;
                }
                output.Write(b.Output, 0, b.OutputLength);
            }
        }
        if (utf8Chinese is { } u)
        {
            // Found again only now: the common case (a clean GB18030 file) never needs it.
            var bad = FirstBadUtf8Line(input, bom: false, label);
            throw new WccException(
                $"{label}: line {bad}: bytes that are not UTF-8, while line {u} is UTF-8 Chinese text: the file mixes two encodings or holds a stray byte (编码混用)",
                $"save the whole file as UTF-8 (Excel: 另存为 \"CSV UTF-8\"), or retype line {bad}; nothing was loaded",
                exitCode: 2);
        }
        if (notGb is { } g) throw Refuse(label, g, "holds bytes that are neither UTF-8 nor GB18030 (e.g. a stray 0xFF)");
    }

    /// <summary>One block of whole lines of a GB18030 file and what converting it found.</summary>
    private sealed class GbBlock
    {
        private byte[] input = [];
        private int length;
        private long firstLine;
        private byte[] normalised = [];

        public byte[] Output { get; private set; } = [];
        public int OutputLength { get; private set; }
        public long? Utf8Chinese { get; private set; }
        public long? NotGb { get; private set; }

        public void Take(ReadOnlySpan<byte> block, long first)
        {
            Ensure(ref input, block.Length);
            block.CopyTo(input);
            length = block.Length;
            firstLine = first;
        }

        public void Convert()
        {
            (Utf8Chinese, NotGb, OutputLength) = (null, null, 0);
            var block = input.AsSpan(0, length);
            // Per line only where it matters: lines with non-ASCII bytes (pure ASCII is the same in both encodings).
            var lineNo = firstLine;
            foreach (var line in LineBlocks.Lines(block.ContainsAnyExceptInRange((byte)0, (byte)0x7F) ? block : []))
            {
                // UTF-8 Chinese text starts its non-ASCII with a three- or four-byte sequence; a GB18030 line rarely does,
                // so the full check runs for few lines.
                var first = line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (first >= 0 && first + 2 < line.Length && line[first] is >= 0xE2 and <= 0xF4
                    && line[first + 1] is >= 0x80 and <= 0xBF && line[first + 2] is >= 0x80 and <= 0xBF
                    && System.Text.Unicode.Utf8.IsValid(line) && IsUtf8ChineseText(line))
                {
                    Utf8Chinese ??= lineNo;
                }
                lineNo++;
            }
            Ensure(ref normalised, block.Length);
            var utf8 = Output;
            Ensure(ref utf8, 3 * block.Length + 4);
            Output = utf8;
            var n = LineBlocks.Normalise(block, normalised);
            var bytes = Gb18030ToUtf8.Convert(normalised.AsSpan(0, n), Output);
            if (bytes < 0) NotGb = firstLine + LineOfGbError(block);
            else OutputLength = bytes;
        }
    }

    /// <summary>Valid UTF-8 whose non-ASCII characters are Chinese text: CJK ideographs and the punctuation of CJK and
    /// full-width forms. GB18030 bytes are almost never valid UTF-8 of that kind (their rare accidental UTF-8 decodes to
    /// Latin, Greek or Cyrillic letters), so one such line is proof that a file which is not wholly UTF-8 mixes encodings.</summary>
    private static bool IsUtf8ChineseText(ReadOnlySpan<byte> line)
    {
        var ideograph = false;
        foreach (var rune in Encoding.UTF8.GetString(line).EnumerateRunes())
        {
            if (rune.Value < 0x80) continue;
            if (rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x3FFFF) ideograph = true;
            else if (rune.Value is not (>= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF or >= 0x2000 and <= 0x206F)) return false;
        }
        return ideograph;
    }

    /// <summary>0-based index, within <paramref name="block"/>, of the first line that does not decode as GB18030.</summary>
    private static long LineOfGbError(ReadOnlySpan<byte> block)
    {
        var i = 0L;
        foreach (var line in LineBlocks.Lines(block))
        {
            try
            {
                StrictGb18030.GetCharCount(line);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
            i++;
        }
        return i;
    }

    /// <summary>Line of the first unpaired surrogate (or the odd last byte), the only ways UTF-16 can be invalid.</summary>
    private static long LineOfUtf16Error(byte[] bytes)
    {
        var bigEndian = bytes[0] == 0xFE;
        var line = 1L;
        var expectLow = false;
        for (var i = 2; i + 1 < bytes.Length; i += 2)
        {
            var unit = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : (bytes[i + 1] << 8) | bytes[i];
            var low = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != low) return line;
            expectLow = unit is >= 0xD800 and <= 0xDBFF;
            if (unit == '\n') line++;
        }
        return line;
    }

    private static void Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
    }

    private static WccException Refuse(string label, long line, string what) =>
        new($"{label}: line {line}: the file {what} (编码错误)",
            "re-save the file as UTF-8 (Excel: 另存为 \"CSV UTF-8\"; Notepad: 编码 UTF-8) and run again; nothing was loaded",
            exitCode: 2);

    /// <summary>Turns CRLF and lone CR into LF.</summary>
    public static string NormaliseLineBreaks(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
