namespace Wcc.Etl.Observations;

/// <summary>One CSV record of an observation file: its first physical line, its text as written, its fields, or why it is malformed.</summary>
/// <param name="Error">Null, or a <see cref="RejectReason"/> code: the record could not be split into fields.</param>
public sealed record ObservationCsvRecord(long LineNo, string Raw, IReadOnlyList<string>? Fields, string? Error, string? Detail);

/// <summary>Splits decoded text (LF line breaks) into CSV records per RFC 4180: fields separated by commas, a field in
/// double quotes may hold commas, doubled quotes and line breaks; such a record is one row, numbered by its first line.</summary>
/// <remarks>
/// A stray quote must not swallow the rest of the file: a quoted field that spans lines is accepted only when its record
/// then ends cleanly with the header's number of fields. Otherwise the record's first line alone is refused (unbalanced
/// quotes) and reading goes on at the next line, as if the quote had not been there. Empty lines are skipped.
/// </remarks>
public static class ObservationCsv
{
    private const char Separator = ',';
    private const char Quote = '"';

    /// <summary>The records of <paramref name="text"/>; <paramref name="fieldCount"/> gives the header's field count once
    /// the first record (the header) has been read.</summary>
    public static IEnumerable<ObservationCsvRecord> Read(string text, Func<int?> fieldCount)
    {
        var position = 0;
        var line = 1L;
        while (position < text.Length)
        {
            if (text[position] == '\n')
            {
                position++;
                line++;
                continue;
            }
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0) lineEnd = text.Length;
            var (fields, end, breaks, error) = Parse(text, position);
            var expected = fieldCount();
            if (breaks > 0 && (error is not null || (expected is { } n && fields.Count != n)))
            {
                // A multi-line record that does not end cleanly: the quote was a stray one. Refuse its first line only.
                yield return new ObservationCsvRecord(line, text[position..lineEnd], null, RejectReason.UnbalancedQuotes,
                    "a quote opens a field that does not close on this line");
                position = lineEnd + 1;
                line++;
                continue;
            }
            var raw = text[position..end];
            if (error is not null) yield return new ObservationCsvRecord(line, text[position..lineEnd], null, RejectReason.UnbalancedQuotes, error);
            else if (expected is { } m && fields.Count != m) yield return new ObservationCsvRecord(line, raw, null, RejectReason.WrongColumnCount, fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else yield return new ObservationCsvRecord(line, raw, fields, null, null);
            // A malformed single-line record ends at its line end.
            position = (error is not null ? lineEnd : end) + 1;
            line += (error is not null ? 0 : breaks) + 1;
        }
    }

    /// <summary>Parses one record from <paramref name="start"/>: its fields, where it ends (its LF or the end of text), how many
    /// line breaks its quoted fields hold, and what is malformed (null when nothing).</summary>
    private static (List<string> Fields, int End, int Breaks, string? Error) Parse(string text, int start)
    {
        var fields = new List<string>();
        var i = start;
        var breaks = 0;
        var field = new System.Text.StringBuilder();
        while (true)
        {
            field.Clear();
            if (i < text.Length && text[i] == Quote)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) return (fields, text.Length, breaks, "a quoted field does not close before the end of the file");
                    var c = text[i];
                    if (c == Quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == Quote)
                        {
                            field.Append(Quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (c == '\n') breaks++;
                    field.Append(c);
                    i++;
                }
                if (i < text.Length && text[i] != Separator && text[i] != '\n')
                {
                    return (fields, EndOfLine(text, i), breaks, "text after the closing quote of a field");
                }
            }
            else
            {
                var stop = text.AsSpan(i).IndexOfAny(Separator, '\n', Quote);
                var end = stop < 0 ? text.Length : i + stop;
                if (end < text.Length && text[end] == Quote) return (fields, EndOfLine(text, end), breaks, "a quote inside an unquoted field");
                field.Append(text, i, end - i);
                i = end;
            }
            fields.Add(field.ToString());
            if (i >= text.Length || text[i] == '\n') return (fields, i, breaks, null);
            i++; // the separator
        }
    }

    private static int EndOfLine(string text, int from)
    {
        var lf = text.IndexOf('\n', from);
        return lf < 0 ? text.Length : lf;
    }
}
