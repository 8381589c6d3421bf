using Wcc.Warehouse.Vocabulary;
using CsvHelper;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Text;

namespace Wcc.Etl.Seeds;

/// <summary>Reads a reference CSV into <see cref="SeedRow"/>s with CsvHelper 34: exact header, same field count on every line.</summary>
/// <remarks>
/// Only turns CSV into text fields with line numbers; what a field must contain is each file type's rules
/// (<see cref="AreaSeedFile"/>, <see cref="UnitSeedFile"/>, …), so the rules live in one place per file.
/// </remarks>
public static class SeedCsv
{
    private const char Separator = ',';

    /// <summary>Free-text columns of the reference files, which may hold tabs and line breaks (<see cref="TextRules"/>);
    /// every other field is a name, a code or a number, on one line.</summary>
    public static readonly IReadOnlySet<string> FreeTextColumns = new HashSet<string>(StringComparer.Ordinal) { "note", "source", "phrase", "source_note" };

    // Set explicitly: CsvHelper 34 otherwise guesses the separator, and units.csv has ';' inside its alias lists.
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = Separator,
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Reads every data row of <paramref name="path"/>, refusing the file unless its header is exactly <paramref name="header"/>.</summary>
    /// <param name="optionalTrailing">How many of the header's last columns an older file may lack (columns added later, so
    /// researchers' files written before them still load).</param>
    public static IReadOnlyList<SeedRow> Read(string path, IReadOnlyList<string> header, int optionalTrailing = 0)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new WccException($"{file}: file not found ({path})", "check the path, or restore the file from the repository's seeds/ folder", exitCode: 2);
        }

        var rows = new List<SeedRow>();
        try
        {
            // The one decoder of every loader: UTF-8 or GB18030, strictly, one encoding per file.
            var text = TextDecoder.ReadFile(path, file).Text;
            using var reader = CsvReader.FromText(text, Options);
            var actual = reader.Headers.Select((name, i) => i == 0 ? name.TrimStart('\uFEFF') : name).ToArray();
            var accepted = Enumerable.Range(0, optionalTrailing + 1).Select(k => header.Take(header.Count - k).ToArray())
                .FirstOrDefault(h => actual.SequenceEqual(h, StringComparer.Ordinal));
            if (accepted is null)
            {
                throw SeedRow.Error(file, 1,
                    actual.Length == 0 ? "the header row is missing" : $"header is '{string.Join(',', actual)}', expected '{string.Join(',', header)}'");
            }
            while (reader.Read())
            {
                var line = reader.LineNumber;
                if (reader.FieldCount != accepted.Length)
                {
                    throw SeedRow.Error(file, line, $"{reader.FieldCount} fields, the header has {accepted.Length} (a comma inside a value needs quotes)");
                }
                var fields = new string[accepted.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = (reader.GetString(i) ?? string.Empty).Trim();
                    if (TextRules.Problem(fields[i], FreeTextColumns.Contains(accepted[i])) is { } problem)
                    {
                        throw new WccException($"{file} line {line}: {accepted[i]}: {problem} ({RejectReasonVocabulary.Label(RejectReasonVocabulary.Codes.ControlCharacter)})", TextRules.Hint + "; nothing was loaded", exitCode: 2);
                    }
                }
                rows.Add(new SeedRow(file, line, accepted, fields));
            }
        }
        catch (CsvFormatException ex)
        {
            throw SeedRow.Error(file, ex.LineNumber, $"malformed CSV ({ex.Message})");
        }
        return rows;
    }
}
