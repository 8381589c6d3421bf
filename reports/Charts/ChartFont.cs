using SkiaSharp;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Charts;

/// <summary>The CJK font every chart uses, checked before any plot is drawn so Chinese never renders as boxes.</summary>
public static class ChartFont
{
    /// <summary>Debian package fonts-wqy-microhei; fonts-noto-cjk draws glyphs but ScottPlot clips them.</summary>
    public const string Family = "WenQuanYi Micro Hei";

    private static readonly Lock gate = new();

    /// <summary>
    /// Makes <see cref="Family"/> ScottPlot's default font and returns the family ScottPlot resolves for it;
    /// throws a <see cref="WccException"/> saying how to install it when the system lacks it.
    /// </summary>
    public static string Require()
    {
        lock (gate)
        {
            if (!IsInstalled(Family)) throw Missing();
            // Set before plottables are added: Font.Automatic() and Fonts.Detect leave tick labels in DejaVu.
            ScottPlot.Fonts.Default = Family;
            var resolved = ScottPlot.Fonts.GetTypeface(Family, bold: false, italic: false).FamilyName;
            if (!string.Equals(resolved, Family, StringComparison.OrdinalIgnoreCase)) throw Missing();
            return resolved;
        }
    }

    /// <summary>True when the system font manager knows the family (SkiaSharp's lookup, as ScottPlot uses).</summary>
    public static bool IsInstalled(string family) =>
        SKFontManager.Default.GetFontFamilies().Any(f => string.Equals(f, family, StringComparison.OrdinalIgnoreCase));

    private static WccException Missing() => new(
        $"the chart font \"{Family}\" is not installed, so Chinese labels would render as empty boxes",
        "install it with `sudo apt-get install fonts-wqy-microhei` (or run scripts/setup-os.sh), then run the report again",
        exitCode: 4);
}
