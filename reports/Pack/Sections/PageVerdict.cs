using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The verdict the unit pages, the district map and the attainment heatmap show for a target series, and how
/// each verdict is coloured and ranked. Defined once here so the pages follow the evaluation's vocabulary with one change.</summary>
/// <remarks>Today the verdict is the forecast status of the as-of year (已达成/有望达成/需加快/难以达成/数据不足). The evaluation
/// vocabulary at or after the deadline (已达标/基本达标/未达标/无数据) is already coloured and ranked below, so switching
/// <see cref="Of"/> to read it is the only change needed.</remarks>
public static class PageVerdict
{
    /// <summary>Verdicts from best to worst, with their CSS class (pack.css) and colour; both vocabularies.</summary>
    public static readonly IReadOnlyList<(string Label, string CssClass)> Ranked =
    [
        ("已达标", "met"), ("已达成", "met"),
        ("基本达标", "ontrack"), ("有望达成", "ontrack"),
        ("需加快", "accel"),
        ("未达标", "off"), ("难以达成", "off"),
        ("无数据", "nodata"), ("数据不足", "nodata"),
    ];

    /// <summary>The verdict of one series, from its row's status column (the forecast status today).</summary>
    public static string Of(object? status) => Cells.Text(status);

    /// <summary>The CSS class of a verdict (met, ontrack, accel, off, nodata); unknown labels are shown as no data.</summary>
    public static string CssClass(string verdict) =>
        Ranked.FirstOrDefault(v => v.Label == verdict).CssClass ?? "nodata";

    /// <summary>Rank of a verdict, 0 for the best; worse verdicts rank higher, no data last.</summary>
    public static int Rank(string verdict)
    {
        var classes = new[] { "met", "ontrack", "accel", "off", "nodata" };
        return Array.IndexOf(classes, CssClass(verdict));
    }

    /// <summary>True for verdicts that call for a warning: needs acceleration, off track, not met.</summary>
    public static bool IsAtRisk(string verdict) => CssClass(verdict) is "accel" or "off";

    /// <summary>True for verdicts that count as attained in a 达标率: met (已达成 / 已达标) only; on track is not yet met.</summary>
    public static bool IsMet(string verdict) => CssClass(verdict) == "met";
}
