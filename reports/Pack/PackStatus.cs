namespace Wcc.Reports.Pack;

/// <summary>The five forecast statuses in the order the pack reports them, with their CSS class and English gloss.</summary>
public static class PackStatus
{
    public static readonly IReadOnlyList<(string Label, string CssClass, string English)> All =
    [
        ("已达成", "met", "met"),
        ("有望达成", "ontrack", "on track"),
        ("需加快", "accel", "needs acceleration"),
        ("难以达成", "off", "off track"),
        ("数据不足", "nodata", "insufficient data"),
    ];

    /// <summary>Statuses the early-warning section lists.</summary>
    public static readonly IReadOnlySet<string> AtRisk = new HashSet<string> { "需加快", "难以达成" };

    public static string CssClass(string? label) => All.FirstOrDefault(s => s.Label == label).CssClass ?? "nodata";

    /// <summary>A coloured status badge; the label is data, so it is escaped.</summary>
    public static string Badge(string? label) =>
        $"<span class=\"status {CssClass(label)}\">{Html.Escape(label ?? "数据不足")}</span>";
}
