using System.Text;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Notice;

/// <summary>Reads a notice file as text: UTF-8 (BOM stripped), UTF-16 with BOM, or GB18030 when the bytes are not UTF-8.</summary>
public static class NoticeFile
{
    /// <summary>Windows code page of GB18030, the encoding Chinese government offices save plain text in.</summary>
    private const int Gb18030CodePage = 54936;

    static NoticeFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads and parses <paramref name="path"/>; the use case behind <c>wcc parse-notice</c>.</summary>
    /// <param name="periodEndYear">Deadline for targets without a year; null reads it from the title (2018-2020年).</param>
    public static ParsedNotice Parse(string path, int? periodEndYear = null)
    {
        var text = Read(path);
        return NoticeParser.Parse(text, path, periodEndYear ?? NoticePeriod.EndYear(text, path));
    }

    /// <summary>The decoded text of <paramref name="path"/>.</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new WccException($"notice file not found: {path}", "check the path (the notice is the single .txt in seeds/)", exitCode: 2);
        }
        var bytes = NoticeLimits.ReadBounded(path);
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (WccException ex)
        {
            // Decode knows only bytes; the message must still name the file.
            throw new WccException($"{path}: {ex.Message}", ex.Hint, ex.ExitCode);
        }
        NoticeLimits.RequireText(text, path);
        return text;
    }

    /// <summary>Decodes notice bytes; invalid UTF-8 is taken as GB18030 (which every byte sequence decodes under).</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return Strict(new UTF8Encoding(false, true), bytes, 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(Gb18030CodePage).GetString(bytes);
        }
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip)
    {
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new WccException("the notice starts with a UTF-8 byte-order mark but is not valid UTF-8", "re-save the file as UTF-8 (or GB18030 without a BOM)");
        }
    }
}
