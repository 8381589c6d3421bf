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
}
