namespace Wcc.Warehouse.Files;

/// <summary>Cheap proofs that a written file is whole: not empty, and for binary formats the bytes its format begins and ends with.</summary>
/// <remarks>
/// A full disk or a killed child process leaves a truncated file that still has a size; the trailers catch that
/// (a PDF without %%EOF is what pdfinfo refuses, a Parquet file without its closing PAR1 has no footer to read).
/// </remarks>
public static class OutputFileCheck
{
    /// <summary>How far from the end a PDF's %%EOF may sit (writers append a newline or a few bytes of padding).</summary>
    private const int PdfTrailerWindow = 1024;

    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();
    private static readonly byte[] PngHeader = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PngEnd = [(byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
    private static readonly byte[] ZipHeader = [(byte)'P', (byte)'K', 3, 4];

    /// <summary>Null when <paramref name="path"/> looks whole, else what is wrong with it.</summary>
    public static string? Problem(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return "is missing";
        if (info.Length == 0) return "is empty";
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".pdf" => Framed(path, PdfHeader, PdfEnd, PdfTrailerWindow) ? null : "is not a complete PDF (no %PDF- header or no %%EOF trailer)",
            ".parquet" => Framed(path, ParquetMagic, ParquetMagic, ParquetMagic.Length) ? null : "is not a complete Parquet file (no PAR1 footer)",
            ".png" => Framed(path, PngHeader, PngEnd, PngEnd.Length) ? null : "is not a complete PNG (no IEND chunk)",
            ".xlsx" => Framed(path, ZipHeader, [], 0) ? null : "is not an xlsx (zip) file",
            ".docx" => Framed(path, ZipHeader, [], 0) ? null : "is not a docx (zip) file",
            _ => null,
        };
    }

    /// <summary>True when the file starts with <paramref name="head"/> and its last <paramref name="window"/> bytes contain <paramref name="tail"/>.</summary>
    private static bool Framed(string path, byte[] head, byte[] tail, int window)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length < head.Length + tail.Length) return false;
        var start = new byte[head.Length];
        stream.ReadExactly(start);
        if (!start.AsSpan().SequenceEqual(head)) return false;
        if (tail.Length == 0) return true;
        var size = (int)Math.Min(window, stream.Length);
        var end = new byte[size];
        stream.Seek(-size, SeekOrigin.End);
        stream.ReadExactly(end);
        return end.AsSpan().IndexOf(tail) >= 0;
    }
}
