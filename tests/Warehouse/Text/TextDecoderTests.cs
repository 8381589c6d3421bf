using System.Text;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Text;

namespace Wcc.Tests.Warehouse.Text;

public class TextDecoderTests
{
    private static readonly Encoding Gb18030 = TextDecoder.StrictGb18030;

    [Fact]
    public void Decode_Utf8WithCrLf_IsUtf8WithLineFeeds()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("a,b\r\n市妇联,1\rx\n"), "f.csv");

        Assert.Equal(TextDecoder.Utf8, decoded.EncodingName);
        Assert.Equal("a,b\n市妇联,1\nx\n", decoded.Text);
    }

    [Fact]
    public void Decode_Gb18030_IsGb18030()
    {
        var decoded = TextDecoder.Decode(Gb18030.GetBytes("source\r\n西安统计年鉴\r\n𠀀😀\r\n"), "f.csv");

        Assert.Equal(TextDecoder.Gb18030, decoded.EncodingName);
        Assert.Equal("source\n西安统计年鉴\n𠀀😀\n", decoded.Text);
    }

    [Fact]
    public void Decode_Gb18030LineThatIsAccidentallyValidUtf8_StaysGb18030()
    {
        // 聽 is C2 A0 in GB18030: valid UTF-8 (a no-break space), but not Chinese text, so no proof of a mixed file.
        var bytes = Gb18030.GetBytes("名称\n聽\n市妇联\n");
        Assert.True(System.Text.Unicode.Utf8.IsValid(Gb18030.GetBytes("聽")));

        var decoded = TextDecoder.Decode(bytes, "f.csv");

        Assert.Equal("名称\n聽\n市妇联\n", decoded.Text);
    }

    [Fact]
    public void Decode_Utf8FileWithOneGbkLine_IsRefusedAtThatLine()
    {
        var bytes = Encoding.UTF8.GetBytes("h\n市卫健委年报\n").Concat(Gb18030.GetBytes("区统计局\n")).Concat(Encoding.UTF8.GetBytes("妇联\n")).ToArray();

        var ex = Assert.Throws<WccException>(() => TextDecoder.Decode(bytes, "mixed.csv"));

        Assert.Contains("mixed.csv: line 3", ex.Message);
        Assert.Contains("line 2 is UTF-8", ex.Message);
        Assert.Contains("UTF-8", ex.Hint);
        Assert.Equal(2, ex.ExitCode);
    }

    [Fact]
    public void Decode_StrayFfByte_IsRefusedAtItsLine()
    {
        var bytes = Encoding.ASCII.GetBytes("a\r\nb\r\nc").Append((byte)0xFF).Concat(Encoding.ASCII.GetBytes("\r\nd\r\n")).ToArray();

        var ex = Assert.Throws<WccException>(() => TextDecoder.Decode(bytes, "ff.csv"));

        Assert.Contains("ff.csv: line 3", ex.Message);
        Assert.Contains("neither UTF-8 nor GB18030", ex.Message);
    }

    [Fact]
    public void Decode_Utf16WithMark_IsDecoded()
    {
        var decoded = TextDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a\r\n妇联\n")], "u.csv");

        Assert.Equal(TextDecoder.Utf16, decoded.EncodingName);
        Assert.Equal("a\n妇联\n", decoded.Text);
    }

    /// <summary>The table-driven transcoding gives exactly .NET's strict GB18030 decoding, for every BMP character and the
    /// four-byte ones, across 4 MB block boundaries, with CRLF line ends.</summary>
    [Fact]
    public void Transcode_EveryCharacterOverManyBlocks_EqualsDotNetDecoding()
    {
        using var tmp = new TempDirectory();
        var line = new StringBuilder();
        var all = new StringBuilder();
        for (var c = 0x20; c <= 0xFFFD; c++)
        {
            if (char.IsSurrogate((char)c) || c is >= 0x7F and <= 0x9F) continue;
            line.Append((char)c);
            if (line.Length == 97)
            {
                all.Append(line).Append("\r\n");
                line.Clear();
            }
        }
        all.Append("𠀀𪚥😀👩‍👧\r\n");
        var block = all.ToString();
        var text = new StringBuilder();
        while (text.Length < 3_000_000) text.Append(block);
        var source = tmp.File("gb.csv");
        var bytes = Gb18030.GetBytes(text.ToString());
        File.WriteAllBytes(source, bytes);
        Assert.True(bytes.Length > 2 * (4 << 20));

        var encoding = TextDecoder.Transcode(source, tmp.File("utf8.csv"));

        Assert.Equal(TextDecoder.Gb18030, encoding);
        var expected = Gb18030.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(tmp.File("utf8.csv"), new UTF8Encoding(false, true)));
    }

    [Fact]
    public void Transcode_BadByteAfterManyBlocks_NamesTheExactLine()
    {
        using var tmp = new TempDirectory();
        var source = tmp.File("big.csv");
        const int goodLines = 400_000;
        using (var stream = File.Create(source))
        {
            var good = Gb18030.GetBytes("W01,610100,2019,T,45.5,西安统计年鉴\r\n");
            for (var i = 0; i < goodLines; i++) stream.Write(good);
            stream.Write([0x41, 0xFF, 0x0D, 0x0A]);
        }

        var ex = Assert.Throws<WccException>(() => TextDecoder.Transcode(source, tmp.File("out.csv")));

        Assert.Contains($"line {goodLines + 1}", ex.Message);
    }
}
