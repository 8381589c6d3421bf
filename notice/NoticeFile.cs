using Wcc.Warehouse.Vocabulary;
using System.Text;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Text;

namespace Wcc.Notice;

/// <summary>Reads a notice file as text: UTF-8 (BOM stripped), UTF-16 with BOM, or GB18030, strictly (see <see cref="TextDecoder"/>).</summary>
public static class NoticeFile
{
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
        var text = Decode(bytes, path);
        NoticeLimits.RequireText(text, path);
        return text;
    }

    /// <summary>Decodes notice bytes with the one decoder of every loader (<see cref="TextDecoder"/>) and applies the
    /// character rule (<see cref="TextRules"/>: the notice is free text, so tabs and line breaks are fine).</summary>
    public static string Decode(byte[] bytes) => Decode(bytes, "the notice");

    private static string Decode(byte[] bytes, string label)
    {
        var text = TextDecoder.Decode(bytes, label).Text;
        var bad = TextRules.IndexOfRefused(text, freeText: true);
        if (bad >= 0)
        {
            var line = text.AsSpan(0, bad).Count('\n') + 1;
            throw new WccException($"{label}: line {line}: {TextRules.Describe(text, bad)} is not text ({RejectReasonVocabulary.Label(RejectReasonVocabulary.Codes.ControlCharacter)}; is this a plain-text notice?)",
                TextRules.Hint, exitCode: 2);
        }
        return text;
    }
}
