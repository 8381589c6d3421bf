using System.Text.Json;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

/// <summary>The public corpus in tests/Notice/Corpus: real notices of the genre, each with its source and the
/// hand-checked tasks (number, lead units, responsible units) in document order.</summary>
public static class NoticeCorpus
{
    /// <summary>Separates unit names in the expected files (a name may itself hold 、 inside brackets).</summary>
    private const char UnitSeparator = '|';

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Notice", "Corpus");

    /// <summary>Every corpus notice, by file name.</summary>
    public static IReadOnlyList<CorpusNotice> All { get; } = Load();

    private static List<CorpusNotice> Load() =>
        Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var stem = Path.Combine(Folder, Path.GetFileNameWithoutExtension(path));
            using var source = JsonDocument.Parse(File.ReadAllText(stem + ".source.json"));
            var root = source.RootElement;
            var expected = File.ReadAllLines(stem + ".expected.tsv")
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('\t'))
                .Select(c => new ExpectedTask(int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), Units(c[1]), Units(c.Length > 2 ? c[2] : "")))
                .ToList();
            return new CorpusNotice(Path.GetFileName(path), path, root.GetProperty("title").GetString()!, root.GetProperty("issuer").GetString()!,
                root.GetProperty("level").GetString()!, root.GetProperty("url").GetString()!, expected);
        }).ToList();

    private static IReadOnlyList<string> Units(string cell) =>
        cell.Split(UnitSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses a corpus notice; a notice the parser refuses counts as no task found.</summary>
    public static IReadOnlyList<ParsedTask> Parse(CorpusNotice notice)
    {
        try
        {
            return NoticeFile.Parse(notice.Path).Tasks;
        }
        catch (WccException)
        {
            return [];
        }
    }

    /// <summary>How many expected tasks have exactly the expected lead units (same names, same order), tasks compared in
    /// document order: a task the parser misses shifts every later one, as it would in the warehouse.</summary>
    public static CorpusScore Score(CorpusNotice notice, IReadOnlyList<ParsedTask> parsed)
    {
        var leadRight = 0;
        var responsibleRight = 0;
        var numberRight = 0;
        for (var i = 0; i < notice.Expected.Count; i++)
        {
            if (i >= parsed.Count) break;
            var (want, got) = (notice.Expected[i], parsed[i]);
            if (want.Lead.SequenceEqual(got.Lead)) leadRight++;
            if (want.Responsible.SequenceEqual(got.Responsible)) responsibleRight++;
            if (want.Number == (got.WrittenNo ?? got.No)) numberRight++;
        }
        return new CorpusScore(notice.Expected.Count, parsed.Count, leadRight, responsibleRight, numberRight);
    }
}

/// <summary>One corpus notice: its text file, its source and the tasks a person read in it.</summary>
public sealed record CorpusNotice(string FileName, string Path, string Title, string Issuer, string Level, string Url, IReadOnlyList<ExpectedTask> Expected);

/// <summary>A task as read by hand: the number written, lead and responsible units in the order written.</summary>
public sealed record ExpectedTask(int Number, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible);

/// <summary>A notice's score: expected and parsed task counts, and how many tasks have the right lead, responsible units and number.</summary>
public sealed record CorpusScore(int Expected, int Parsed, int LeadRight, int ResponsibleRight, int NumberRight);
