namespace Wcc.Etl.Collection;

/// <summary>A cell as read from a returned workbook: its address and text (a formula in a text column kept as its formula text).</summary>
/// <param name="Number">The number when the cell is stored as one (not as text).</param>
/// <param name="IsPercentFormatted">The cell shows a percentage (0.98 displayed as 98%).</param>
public sealed record ReadCell(string Sheet, string Ref, string? Text, double? Number = null, bool IsPercentFormatted = false)
{
    /// <summary>For a numeric cell computed by a formula: the formula as typed (=1+1), which text columns keep instead of the result.</summary>
    public string? FormulaText { get; init; }

    /// <summary>True when the cell holds nothing but blanks.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && Number is null;
}

/// <summary>One data row of 指标数据 as read.</summary>
public sealed record IndicatorRow(uint RowNo, string? IndicatorCode, string? AreaCode, string? Sex, ReadCell Value, string? Explanation, string? DataSource);

/// <summary>One data row of 任务进展 as read.</summary>
public sealed record ProgressRow(uint RowNo, string? TaskNoText, ReadCell Status, string? Narrative, string? Evidence, ReadCell? CompletionDate);

/// <summary>A returned workbook as read, before any audit: its keys and data rows, with the sheet each was found on.</summary>
public sealed record ReturnedWorkbook(
    string FilePath, string UnitName, int Round, string KeySheet, string KeyCell,
    string? IndicatorSheet, IReadOnlyList<IndicatorRow> Indicators,
    string? ProgressSheet, IReadOnlyList<ProgressRow> Progress);
