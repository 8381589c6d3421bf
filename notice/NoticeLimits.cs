using System.Globalization;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Notice;

/// <summary>Proportionate limits on a notice: a file beyond them is refused at once, with a message, instead of
/// being parsed, built and packed for minutes (a 50 MB "notice" took `wcc pack` 209 s and wrote a 253 MB page).</summary>
/// <remarks>
/// The seed notice is 12.7 KB with 38 tasks and 25 units; a provincial or national responsibility division is a
/// few hundred KB with at most a few hundred tasks. Each limit leaves a wide margin above that.
/// </remarks>
public static class NoticeLimits
{
    /// <summary>Largest notice file read, in bytes (2 MiB): at most this many plus one byte are ever read, so
    /// /dev/zero or an endless pipe is refused, not read for ever.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Most tasks a notice may hold; also the largest task number (arabic numbering has three digits in this genre).</summary>
    public const int MaxTasks = 999;

    /// <summary>Most distinct unit names (lead or responsible) a notice may name.</summary>
    public const int MaxUnits = 500;

    /// <summary>Share of characters that text never holds (C0 controls other than tab, line feed, form feed and
    /// carriage return; U+FFFD from undecodable bytes) above which a file is taken as binary, not text. One NUL is enough.</summary>
    public const double MaxNonTextShare = 0.001;

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes of <paramref name="path"/>; refuses a larger file (or device).</summary>
    public static byte[] ReadBounded(string path) =>
        BoundedFile.Read(path, MaxBytes, "a notice", "NoticeLimits.MaxBytes",
            "pass the responsibility-division notice itself as plain text; a notice of this genre is a few tens of KB");

    /// <summary>Refuses decoded text that is not text: a NUL, or more than <see cref="MaxNonTextShare"/> controls or U+FFFD.</summary>
    public static void RequireText(string text, string path)
    {
        var nonText = 0;
        var firstLine = 0;
        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n') line++;
            if (!IsNonText(c)) continue;
            if (nonText++ == 0) firstLine = line;
        }
        if (nonText == 0) return;
        if (text.Contains('\0') || nonText > MaxNonTextShare * text.Length)
        {
            throw new WccException(
                $"{path} is not a text file: {nonText.ToString(CultureInfo.InvariantCulture)} control or undecodable character(s), the first on line {firstLine} (a binary file?)",
                "pass the notice saved as plain text (UTF-8 or GB18030), e.g. copied from the published document into a .txt file", exitCode: 2);
        }
    }

    private static bool IsNonText(char c) => c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f') && c < '\u0080');

    /// <summary>Refuses a parsed notice with more tasks, or more distinct units, than the limits.</summary>
    public static void RequireProportionate(ParsedNotice notice, string fileName)
    {
        if (notice.Tasks.Count > MaxTasks)
        {
            throw new WccException($"{fileName}: {notice.Tasks.Count} tasks, more than the limit of {MaxTasks} (NoticeLimits.MaxTasks); task {notice.Tasks[MaxTasks].No} starts on line {notice.Tasks[MaxTasks].LineFrom}",
                "check that this is one responsibility-division notice, one task per numbered paragraph", exitCode: 2);
        }
        var units = notice.Tasks.SelectMany(t => t.Lead.Concat(t.Responsible)).Distinct(StringComparer.Ordinal).Count();
        if (units > MaxUnits)
        {
            throw new WccException($"{fileName}: {units} distinct unit names, more than the limit of {MaxUnits} (NoticeLimits.MaxUnits)",
                "check the unit clauses (牵头单位：…；责任单位：…): a notice of this genre names a few dozen units", exitCode: 2);
        }
    }
}
