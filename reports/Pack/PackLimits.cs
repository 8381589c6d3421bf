using System.Text;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Pack;

/// <summary>How large the pack's index.html may grow, and how it degrades when the warehouse holds more text than a
/// printable pack can carry (a 50 MB notice once gave a 253 MB page that Chromium could not print in 209 s).</summary>
public static class PackLimits
{
    /// <summary>Largest index.html, in UTF-8 bytes (16 MiB): twice the page of the largest notice wcc accepts
    /// (<c>NoticeLimits</c>: 999 tasks, 2 MiB gives 8.8 MB), which Chromium prints in about 30 s.</summary>
    public const int MaxIndexHtmlBytes = 16 * 1024 * 1024;

    /// <summary>Note shown in place of the unit appendix when it is left out of index.html.</summary>
    public const string UnitAppendixLeftOut = "<section class=\"page\" id=\"units-left-out\"><h2>单位页</h2><p>单位页篇幅过大，未并入本页，请见 units/ 文件夹中的各单位页面。</p></section>";

    /// <summary>The index page: with the unit appendix when it fits the cap, else without it (the unit pages are
    /// written to units/ in any case); refuses when even that is over the cap.</summary>
    /// <param name="page">Renders the page with the given extra body (the unit appendix, or the note replacing it).</param>
    public static string IndexPage(Func<string, string> page, string unitBodies) => page(IndexExtraBody(page, unitBodies));

    /// <summary>What <see cref="IndexPage"/> puts after the sections: the unit appendix when the page fits the cap with it,
    /// else the note replacing it; refuses when even that is over the cap. The PDF's second print (contents with page
    /// numbers) and pack.docx reuse the choice.</summary>
    public static string IndexExtraBody(Func<string, string> page, string unitBodies)
    {
        if (Encoding.UTF8.GetByteCount(page(unitBodies)) <= MaxIndexHtmlBytes) return unitBodies;
        var bytes = Encoding.UTF8.GetByteCount(page(UnitAppendixLeftOut));
        if (bytes <= MaxIndexHtmlBytes) return UnitAppendixLeftOut;
        throw new WccException(
            $"the pack's index.html would be {bytes / (1024 * 1024)} MiB even without the unit pages, over the cap of {MaxIndexHtmlBytes / (1024 * 1024)} MiB (PackLimits.MaxIndexHtmlBytes)",
            new Remedy(RemedyAction.ReadTheDataInstead), hint: "the warehouse holds more text than a printable pack can carry");
    }
}
