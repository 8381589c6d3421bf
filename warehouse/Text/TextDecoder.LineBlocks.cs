using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Text;

// Line-aware block reading for the decoder, kept apart from the decoding rules.
public static partial class TextDecoder
{
    /// <summary>Reads a stream in blocks that end at a line end, numbering lines (LF, CRLF and a lone CR each end one).</summary>
    private sealed class LineBlocks(Stream input, string label)
    {
        private static readonly SearchValues<byte> LineEnds = SearchValues.Create("\r\n"u8);
        // A small file (a seed, a notice) needs no 4 MB buffer.
        private byte[] buffer = new byte[(int)Math.Clamp(input.CanSeek ? input.Length - input.Position + 1 : BlockBytes, 16, BlockBytes)];
        private int start;
        private int end;
        private bool atEnd;
        private long nextLine = 1;
        private bool pendingCr;

        /// <summary>The next block of whole lines and the number of its first line; false at the end of the stream.</summary>
        public bool Next(out ReadOnlySpan<byte> block, out long firstLine)
        {
            // Move the unfinished tail to the front and fill the rest.
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            while (!atEnd && end < buffer.Length)
            {
                var read = input.Read(buffer, end, buffer.Length - end);
                if (read == 0) atEnd = true;
                end += read;
            }
            if (end == 0)
            {
                block = default;
                firstLine = nextLine;
                return false;
            }
            var data = buffer.AsSpan(0, end);
            int cut;
            if (atEnd) cut = end;
            else
            {
                // Cut after the last line end; a CR as the very last byte may be the first half of a CRLF: keep it back.
                var last = data.LastIndexOfAny(LineEnds);
                if (last == end - 1 && data[last] == (byte)'\r') last = data[..last].LastIndexOfAny(LineEnds);
                if (last < 0)
                {
                    // One line longer than the buffer: grow it, up to the limit.
                    if (buffer.Length >= MaxLineBytes)
                    {
                        throw new WccException($"{label}: line {nextLine}: longer than {MaxLineBytes >> 20} MB: not a line of text",
                            "check that this is the right file (a text or CSV file, not a binary one); nothing was loaded", exitCode: 2);
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                    return Next(out block, out firstLine);
                }
                cut = last + 1;
            }
            block = buffer.AsSpan(0, cut);
            firstLine = nextLine;
            nextLine += CountLineEnds(block, ref pendingCr);
            start = cut;
            return true;
        }

        private static long CountLineEnds(ReadOnlySpan<byte> block, ref bool pendingCr)
        {
            long n = block.Count((byte)'\n') + block.Count((byte)'\r') - block.Count("\r\n"u8);
            // A CRLF split across blocks was counted twice.
            if (pendingCr && block.Length > 0 && block[0] == (byte)'\n') n--;
            pendingCr = block.Length > 0 && block[^1] == (byte)'\r';
            return n;
        }

        /// <summary>Copies <paramref name="block"/> into <paramref name="target"/> with CRLF and CR as LF; returns the length.</summary>
        /// <remarks>Needs no state between blocks: <see cref="Next"/> never ends a block between the CR and the LF of a CRLF.</remarks>
        public static int Normalise(ReadOnlySpan<byte> block, byte[] target)
        {
            var written = 0;
            while (true)
            {
                var cr = block.IndexOf((byte)'\r');
                if (cr < 0)
                {
                    block.CopyTo(target.AsSpan(written));
                    return written + block.Length;
                }
                block[..cr].CopyTo(target.AsSpan(written));
                written += cr;
                target[written++] = (byte)'\n';
                block = cr + 1 < block.Length && block[cr + 1] == (byte)'\n' ? block[(cr + 2)..] : block[(cr + 1)..];
            }
        }

        /// <summary>The lines of a block (without their line ends); a trailing empty piece after the last break is not a line.</summary>
        public static LineEnumerator Lines(ReadOnlySpan<byte> block) => new(block);

        public ref struct LineEnumerator(ReadOnlySpan<byte> block)
        {
            private ReadOnlySpan<byte> rest = block;
            private bool done = block.Length == 0;

            public ReadOnlySpan<byte> Current { get; private set; }

            public readonly LineEnumerator GetEnumerator() => this;

            public bool MoveNext()
            {
                if (done) return false;
                var i = rest.IndexOfAny(LineEnds);
                if (i < 0)
                {
                    Current = rest;
                    done = true;
                    return true;
                }
                Current = rest[..i];
                rest = i + 1 < rest.Length && rest[i] == (byte)'\r' && rest[i + 1] == (byte)'\n' ? rest[(i + 2)..] : rest[(i + 1)..];
                if (rest.Length == 0) done = true;
                return true;
            }
        }
    }
}
