namespace Wcc.Reports.Pack;

/// <summary>Options of <c>wcc pack</c>.</summary>
/// <param name="OutputDirectory">Where index.html, pack.pdf, pack.docx, tables.xlsx and units/ go.</param>
/// <param name="Period">The notice period the pack evaluates, e.g. 2018-2020.</param>
/// <param name="AsOfYear">Year of the data the evaluation stands on; null takes the latest observation year. The pack shows the forecasts stored for it, refreshing them first when they are not current.</param>
/// <param name="Overwrite">Replace an existing pack in <paramref name="OutputDirectory"/>.</param>
/// <param name="WritePdf">Print pack.pdf with headless Chromium (tests of the HTML alone switch it off).</param>
public sealed record PackOptions(string OutputDirectory, string Period = "2018-2020", int? AsOfYear = null, bool Overwrite = false, bool WritePdf = true);

/// <summary>What <c>wcc pack</c> wrote, and why the PDF is missing when it is.</summary>
/// <param name="Document">pack.docx: the same content as index.html, for offices that edit the report in Word.</param>
public sealed record PackResult(string IndexHtml, string? Pdf, string Workbook, string Document, IReadOnlyList<string> UnitPages, string? PdfProblem, int AsOfYear)
{
    /// <summary>units/*.pdf, one per unit page (empty when the pack is written without PDFs).</summary>
    public IReadOnlyList<string> UnitPdfs { get; init; } = [];

    /// <summary>Why the stored forecasts and backtests were recomputed before the pack (in Chinese); null when they were
    /// current and the pack only read them.</summary>
    public string? ForecastRefreshReason { get; init; }

    /// <summary>True when the warehouse was opened read-only (its stored forecasts were current): no write lock was taken.</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>A step of the pack build, for the progress display.</summary>
public sealed record PackProgress(int Step, int Steps, string Description);
