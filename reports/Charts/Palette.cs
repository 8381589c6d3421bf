using ScottPlot;

namespace Wcc.Reports.Charts;

/// <summary>The colour-blind-safe palettes of every report, defined once.</summary>
/// <remarks>
/// Sequential levels: cividis (Nuñez et al. 2018, readable with any colour-vision deficiency).
/// Diverging gaps: ColorBrewer RdBu (colour-blind safe), negative red, positive blue.
/// Categories: Okabe-Ito (Okabe and Ito 2008).
/// </remarks>
public static class Palette
{
    /// <summary>Okabe-Ito colours by name.</summary>
    public static readonly Color Black = Color.FromHex("#000000");
    /// <summary>Okabe-Ito orange.</summary>
    public static readonly Color Orange = Color.FromHex("#E69F00");
    /// <summary>Okabe-Ito sky blue.</summary>
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    /// <summary>Okabe-Ito bluish green.</summary>
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    /// <summary>Okabe-Ito yellow.</summary>
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    /// <summary>Okabe-Ito blue.</summary>
    public static readonly Color Blue = Color.FromHex("#0072B2");
    /// <summary>Okabe-Ito vermillion.</summary>
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    /// <summary>Okabe-Ito reddish purple.</summary>
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    /// <summary>Neutral grey for collectives and "no data".</summary>
    public static readonly Color Neutral = Color.FromHex("#BBBBBB");

    /// <summary>Empty cell of a matrix.</summary>
    public static readonly Color Empty = Color.FromHex("#F2F2F2");

    /// <summary>The Okabe-Ito set in its usual order (black last, for lines only).</summary>
    public static IReadOnlyList<Color> Categorical { get; } = [Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black];

    /// <summary>Role colours, shared by the workload bars and the task x unit matrix.</summary>
    public static readonly Color Lead = Vermillion;

    /// <summary>Responsible-unit colour.</summary>
    public static readonly Color Responsible = SkyBlue;

    /// <summary>Sequential colormap for levels (counts, completeness): cividis.</summary>
    public static IColormap Sequential { get; } = new Interpolated("cividis",
        ["#00224E", "#123570", "#3B496C", "#575D6D", "#707173", "#8A8779", "#A69D75", "#C4B56C", "#E4CF5B", "#FEE838"]);

    /// <summary>Diverging colormap for gaps around a midpoint (attainment, parity): RdBu.</summary>
    public static IColormap Diverging { get; } = new Interpolated("RdBu",
        ["#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC"]);

    /// <summary>Verdict colours, the same as pack.css's --met, --ontrack, --accel, --off and --nodata (Okabe-Ito; the
    /// stylesheet colours tables, this the charts): met, on track, needs acceleration, off track / not met, no data.</summary>
    public static readonly Color VerdictMet = BluishGreen, VerdictOnTrack = SkyBlue, VerdictAccelerate = Orange, VerdictOff = Vermillion,
        VerdictNoData = Color.FromHex("#999999");

    /// <summary>Stepped colormap over the verdict colours in that order (values 0 to 4), for status heatmaps.</summary>
    public static IColormap Verdicts { get; } = new Stepped("verdicts", [VerdictMet, VerdictOnTrack, VerdictAccelerate, VerdictOff, VerdictNoData]);

    /// <summary>How favourable a female/male comparison is for women and girls, in [-1, 1]: log2(female / male), its sign
    /// turned by the indicator's direction, capped at a half / double. Positive = women or girls fare better (lower
    /// mortality on a lower-is-better indicator, higher coverage on a higher-is-better one); 0 = parity; NaN when a value
    /// is missing or not positive.</summary>
    public static double FemaleAdvantage(double femaleValue, double maleValue, string direction)
    {
        if (!(femaleValue > 0) || !(maleValue > 0)) return double.NaN;
        var log2 = Math.Log2(femaleValue / maleValue);
        var better = direction switch
        {
            "higher" => log2,
            "lower" => -log2,
            _ => throw new ArgumentException($"direction must be higher or lower, not '{direction}'", nameof(direction)),
        };
        return Math.Clamp(better, -1, 1);
    }

    /// <summary>Colour of a better/worse score in [-1, 1] on <see cref="Diverging"/>: worse is red, better is blue, 0 is white.</summary>
    public static Color BetterWorse(double score) => Diverging.GetColor((Math.Clamp(score, -1, 1) + 1) / 2);

    /// <summary>Stepped colormap for the role matrix: none, responsible, lead (values 0, 1, 2).</summary>
    public static IColormap Roles { get; } = new Stepped("roles", [Empty, Responsible, Lead]);

    /// <summary>Black or white, whichever reads better on <paramref name="background"/>.</summary>
    public static Color TextOn(Color background)
    {
        var luminance = (0.299 * background.R + 0.587 * background.G + 0.114 * background.B) / 255.0;
        return luminance > 0.55 ? Black : Colors.White;
    }

    /// <summary>Linear interpolation between evenly spaced colour stops.</summary>
    private sealed class Interpolated(string name, string[] hex) : IColormap
    {
        private readonly Color[] stops = hex.Select(Color.FromHex).ToArray();

        public string Name { get; } = name;

        public Color GetColor(double position)
        {
            if (double.IsNaN(position)) return Colors.Transparent;
            var p = Math.Clamp(position, 0, 1) * (stops.Length - 1);
            var i = Math.Min((int)Math.Floor(p), stops.Length - 2);
            var f = p - i;
            var (a, b) = (stops[i], stops[i + 1]);
            return new Color((byte)(a.R + (b.R - a.R) * f), (byte)(a.G + (b.G - a.G) * f), (byte)(a.B + (b.B - a.B) * f));
        }
    }

    /// <summary>Hard-edged bins, one colour per category.</summary>
    private sealed class Stepped(string name, Color[] colors) : IColormap
    {
        public string Name { get; } = name;

        public Color GetColor(double position)
        {
            if (double.IsNaN(position)) return Colors.Transparent;
            var i = (int)Math.Round(Math.Clamp(position, 0, 1) * (colors.Length - 1));
            return colors[i];
        }
    }
}
