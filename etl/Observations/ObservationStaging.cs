using System.Buffers;
using System.Text;
using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Text;

namespace Wcc.Etl.Observations;

/// <summary>What the staging step learnt about one file.</summary>
/// <param name="Sha256">The file's SHA-256 (hex), computed on a worker thread from the blocks the scan reads (see <see cref="BlockHasher"/>).</param>
/// <param name="Route">duckdb (clean UTF-8, read by read_csv) or dotnet (decoded and normalised here).</param>
/// <param name="SourceSql">The relation the checks read: the staging table, or for clean files a query over the file itself
/// (saves materialising 10 M raw rows twice).</param>
/// <param name="DataLines">Data lines counted independently of the SQL (header excluded), for the reconciliation.</param>
/// <param name="Header">The parsed header of a clean file (route duckdb), which the fast path reads with DuckDB's CSV reader; null on the .NET route.</param>
/// <param name="SpaceBesideSeparator">Some field of a clean file may start or end with a space; false lets the fast path skip
/// looking for such fields row by row.</param>
/// <param name="ReadPath">The file DuckDB reads: the input itself, or its UTF-8 transcoding (route transcoded), which
/// <see cref="TemporaryFile"/> then names for deletion after the load.</param>
public sealed record StagedFile(Task<string> Sha256, string Route, string Encoding, string SourceSql, long DataLines, ObservationHeader? Header = null,
    bool SpaceBesideSeparator = true, string? ReadPath = null, string? TemporaryFile = null)
{
    /// <summary>True when DuckDB reads the lines itself (the input, or its transcoding), so the fast path may run.</summary>
    public bool ReadByDuckDb => Route is ObservationStaging.DuckDbRoute or ObservationStaging.TranscodedRoute;

    /// <summary>Deletes the transcoding, if one was written.</summary>
    public void DeleteTemporaryFile()
    {
        if (TemporaryFile is not null) File.Delete(TemporaryFile);
    }
}

/// <summary>Puts every record of one observation file into the TEMP table <c>obs_stage</c> as raw strings plus its line number.</summary>
/// <remarks>
/// Clean files (valid UTF-8, LF line breaks, no quotes, no full-width forms, no blank lines, no control characters) are
/// read by DuckDB itself, one line per row, and split in SQL: that keeps a 10 M row load near the speed of a bare COPY.
/// GB18030, CRLF and BOM files are first transcoded (<see cref="TextDecoder.Transcode(string, string)"/>) and, when that
/// is clean, read the same way. Anything else is decoded by <see cref="TextDecoder"/>, split into RFC 4180 records by
/// <see cref="ObservationCsv"/>, checked against <see cref="TextRules"/> and appended. Either way every record becomes one
/// staged row, numbered by its first line, malformed ones carrying a parse error.
/// </remarks>
public static class ObservationStaging
{
    /// <summary>Name of the staging table (TEMP: private to the connection, gone with the transaction).</summary>
    public const string StageTable = "obs_stage";

    /// <summary>Clean UTF-8 read by DuckDB as it is.</summary>
    public const string DuckDbRoute = "duckdb";

    /// <summary>GB18030, CRLF or BOM files that, once transcoded to UTF-8 with LF line ends, are clean and read by DuckDB.</summary>
    public const string TranscodedRoute = "transcoded";

    /// <summary>Decoded and split in .NET (quotes, full-width forms, blank lines, control characters, UTF-16).</summary>
    public const string DotNetRoute = "dotnet";

    private const int ScanBlockBytes = 4 << 20;

    /// <summary>Longest line DuckDB may meet on the clean route: a longer one never fits a scan block, so it goes the .NET route.</summary>
    private const int MaxCleanLineBytes = 2 * ScanBlockBytes;

    /// <summary>Column separator the line-reader asks DuckDB for: a control byte that the scan proved absent, so each line is one field.</summary>
    private const byte LineReaderDelimiter = 0x1F;

    /// <summary>Bytes that send a file to the .NET route: quote, CR, the line-reader delimiter, lead bytes of full-width forms
    /// and the ideographic space, and every control byte (C0, DEL, and 0xC2, the lead byte of the C1 controls), so that the
    /// character rule of <see cref="TextRules"/> is applied to each field there.</summary>
    private static readonly SearchValues<byte> SlowRouteBytes = SearchValues.Create(
    [
        (byte)'"', (byte)'\r', 0xEF, 0xE3, 0x7F, 0xC2,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0C, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, LineReaderDelimiter,
    ]);

    /// <summary>(Re)creates the empty staging table.</summary>
    public static void Create(DuckDBConnection connection)
    {
        var fields = string.Join(", ", ObservationFormat.AllColumns.Select(c => $"{c} VARCHAR"));
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {StageTable} (line_no BIGINT, raw VARCHAR, parse_error VARCHAR, parse_detail VARCHAR, {fields})");
    }

    /// <summary>Stages <paramref name="path"/>; refuses the file (WccException) when its header is wrong or its encoding is not one.</summary>
    public static StagedFile Stage(DuckDBConnection connection, string path, bool forceDotNet)
    {
        // The scan's one read of the input also feeds the hash, which runs on the core the single-threaded scan leaves idle.
        var hasher = new BlockHasher();
        ScanResult scan;
        try
        {
            scan = Scan(path, hasher);
        }
        finally
        {
            hasher.Complete();
        }
        var sha256 = hasher.Sha256;
        if (scan.Clean && !forceDotNet) return ReadByDuckDb(sha256, path, scan, DuckDbRoute, TextDecoder.Utf8, null);

        // What Excel on a Chinese Windows writes (GB18030, CRLF) is transcoded to UTF-8 with LF line ends, strictly, in one
        // streamed pass (a file mixing encodings is refused here); when that is clean, DuckDB reads it like any clean file.
        if (!forceDotNet && !StartsWithUtf16Mark(path))
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"wcc-load-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
            try
            {
                var encoding = TextDecoder.Transcode(path, temporary);
                var transcoded = Scan(temporary, null);
                if (transcoded.Clean) return ReadByDuckDb(sha256, temporary, transcoded, TranscodedRoute, encoding, temporary, path);
                var text = File.ReadAllText(temporary, Encoding.UTF8);
                File.Delete(temporary);
                return new StagedFile(sha256, DotNetRoute, encoding, StageTable, StageRecords(connection, path, text));
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }
        var decoded = TextDecoder.ReadFile(path);
        return new StagedFile(sha256, DotNetRoute, decoded.EncodingName, StageTable, StageRecords(connection, path, decoded.Text));
    }

    private static StagedFile ReadByDuckDb(Task<string> sha256, string readPath, ScanResult scan, string route, string encoding, string? temporary,
        string? reportedPath = null)
    {
        var header = ObservationHeader.Parse(scan.HeaderLine?.Split(','), reportedPath ?? readPath);
        var dataLines = Math.Max(0, scan.Lines - 1);
        return new StagedFile(sha256, route, encoding, "(" + LineReaderSql(readPath, header) + ")", dataLines, header, scan.SpaceBesideSeparator,
            readPath, temporary);
    }

    private static bool StartsWithUtf16Mark(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && TextDecoder.HasUtf16Mark(head);
    }

    /// <param name="SpaceBesideSeparator">Some field may start or end with a space (a space next to a comma or a line end).</param>
    private sealed record ScanResult(bool Clean, string? HeaderLine, long Lines, bool SpaceBesideSeparator);

    /// <summary>One streamed pass: decides whether DuckDB may read the file as is and counts its lines; every block read
    /// is also handed to <paramref name="hasher"/>, when given.</summary>
    private static ScanResult Scan(string path, BlockHasher? hasher)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[ScanBlockBytes];
        var carry = 0;
        var clean = true;
        string? header = null;
        var previousEndedWithLf = false;
        long lines = 0;
        var lastByte = (byte)'\n';
        var spaced = false;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0 || carry > 0)
        {
            var length = carry + read;
            var atEnd = read == 0;
            hasher?.Add(buffer.AsSpan(carry, read));
            // Work on whole lines so a multi-byte character is never cut; keep the tail for the next block.
            var cut = atEnd ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            if (cut == 0) cut = length == buffer.Length ? length : 0;
            // A line longer than a block would exceed read_csv's max_line_size: the .NET route reads it (and rejects it).
            if (!atEnd && cut == length && buffer[cut - 1] != (byte)'\n') clean = false;
            var block = buffer.AsSpan(0, cut);
            lines += block.Count((byte)'\n');
            if (cut > 0) lastByte = block[^1];
            if (header is null && cut > 0)
            {
                var lf = block.IndexOf((byte)'\n');
                var line = lf < 0 ? block : block[..lf];
                var headerBytes = line.StartsWith("\uFEFF"u8) ? line[3..] : line;
                header = Encoding.UTF8.GetString(headerBytes);
                // CR-only line ends make the whole file one "header" line: it too must go the .NET route.
                if (headerBytes.IndexOfAny(SlowRouteBytes) >= 0) clean = false;
                block = lf < 0 ? [] : block[(lf + 1)..];
                // A blank line straight after the header must also send the file to the .NET route.
                previousEndedWithLf = lf >= 0;
            }
            if (clean && cut > 0)
            {
                clean = block.IndexOfAny(SlowRouteBytes) < 0
                        && System.Text.Unicode.Utf8.IsValid(block)
                        && block.IndexOf("\n\n"u8) < 0
                        && !(previousEndedWithLf && block.Length > 0 && block[0] == (byte)'\n');
                previousEndedWithLf = block.Length > 0 && block[^1] == (byte)'\n';
            }
            // Blocks start at a line start, so a leading space of a line's first field shows as block[0] there.
            // Most blocks hold no space at all, and one byte search settles that.
            spaced = spaced || (block.IndexOf((byte)' ') >= 0
                     && (block[0] == (byte)' ' || block[^1] == (byte)' '
                         || block.IndexOf(", "u8) >= 0 || block.IndexOf(" ,"u8) >= 0 || block.IndexOf(" \n"u8) >= 0 || block.IndexOf("\n "u8) >= 0));
            carry = length - cut;
            buffer.AsSpan(cut, carry).CopyTo(buffer);
            if (atEnd) break;
        }
        // A last line without a line break still counts.
        if (lastByte != (byte)'\n') lines++;
        return new ScanResult(clean, header, lines, spaced);
    }

    private const string LineColumn = "{'raw': 'VARCHAR'}";

    /// <summary>A query giving the staged columns straight from a clean file: one row per line, split in SQL.</summary>
    private static string LineReaderSql(string path, ObservationHeader header)
    {
        var columns = string.Join(", ", header.Positions.Select((p, i) =>
            (p < 0 ? "CAST(NULL AS VARCHAR)" : $"f[{p + 1}]") + " AS " + ObservationFormat.AllColumns[i]));
        // row_number() OVER () streams in input order (insertion order is preserved), so it numbers lines.
        return $"""
            SELECT line_no, raw,
                   {ObservationRules.ColumnCountSql("f", header.FieldCount)} AS parse_error,
                   CASE WHEN len(f) <> {header.FieldCount} THEN len(f)::VARCHAR END AS parse_detail,
                   {columns}
            FROM (
                SELECT row_number() OVER () + 1 AS line_no, raw, string_split(raw, ',') AS f
                FROM {LineSql(path)}
            )
            """;
    }

    /// <summary>The file path as a SQL string literal.</summary>
    /// <remarks>Table-function arguments cannot be bound as parameters in DuckDB, so the path is spliced as a string
    /// literal with its single quotes doubled; positions and counts spliced next to it are our own integers.</remarks>
    public static string PathLiteral(string path) => "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The one-column line reader over a clean file: every physical line after the header, in file order, as <c>raw</c>.</summary>
    public static string LineSql(string path) =>
        $"read_csv({PathLiteral(path)}, columns = {LineColumn}, header = false, skip = 1, auto_detect = false, " +
        $"delim = chr({LineReaderDelimiter}), quote = '', escape = '', new_line = '\\n', null_padding = false, max_line_size = {MaxCleanLineBytes})";

    /// <summary>Splits decoded text into records (RFC 4180, see <see cref="ObservationCsv"/>) and appends one staged row per
    /// record, with its fields normalised, or with the reason it cannot be read (malformed, a control character).</summary>
    /// <returns>The number of staged rows (records plus malformed lines).</returns>
    private static long StageRecords(DuckDBConnection connection, string path, string text)
    {
        ObservationHeader? header = null;
        using var appender = connection.CreateAppender(StageTable);
        var fields = new string?[ObservationFormat.AllColumns.Count];
        long staged = 0;
        foreach (var record in ObservationCsv.Read(text, () => header?.FieldCount))
        {
            if (header is null)
            {
                header = ObservationHeader.Parse(record.Fields ?? record.Raw.Split(','), path);
                continue;
            }
            var (error, detail) = (record.Error, record.Detail);
            if (record.Fields is { } parsed)
            {
                for (var i = 0; i < fields.Length && error is null; i++)
                {
                    var p = header.Positions[i];
                    var column = ObservationFormat.AllColumns[i];
                    if (p >= 0 && TextRules.Problem(parsed[p], freeText: column == ObservationFormat.FreeTextColumn) is { } problem)
                    {
                        (error, detail) = (RejectReason.ControlCharacter, $"{problem} in column {column}");
                    }
                    fields[i] = p < 0 ? null : column switch
                    {
                        "value" => ObservationText.NormaliseNumber(parsed[p]),
                        ObservationFormat.FreeTextColumn => parsed[p],
                        _ => ObservationText.ToHalfWidth(parsed[p]),
                    };
                }
            }
            var row = appender.CreateRow().AppendValue(record.LineNo).AppendValue(record.Raw);
            if (error is null) row.AppendNullValue().AppendNullValue();
            else row.AppendValue(error).AppendValue(detail);
            foreach (var f in fields) row.AppendValue(error is null ? f : null);
            row.EndRow();
            staged++;
        }
        if (header is null) ObservationHeader.Parse(null, path);
        return staged;
    }
}
