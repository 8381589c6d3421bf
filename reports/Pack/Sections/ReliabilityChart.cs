using ScottPlot;
using Wcc.Analytics.Forecast.Model;
using Wcc.Reports.Charts;
using Palette = Wcc.Reports.Charts.Palette;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The reliability diagram of the methods appendix: mean predicted P(met) against the share of targets met, per
/// method, beside the diagonal a calibrated forecast lies on.</summary>
public static class ReliabilityChart
{
    /// <summary>Pixel size of the embedded PNG.</summary>
    public const int Width = 640, Height = 420;

    private static readonly Color[] MethodColors = [Palette.Orange, Palette.Blue, Palette.BluishGreen, Palette.Vermillion];

    /// <summary>A PNG <c>figure</c> of per-method reliability points (mean predicted P(met), share met), or "" when there are none;
    /// <paramref name="legend"/> names a method in the legend.</summary>
    public static string Figure(IReadOnlyList<(string Method, IReadOnlyList<(double X, double Y)> Points)> series, string title, string caption,
        Func<string, string> legend, int width = Width, int height = Height)
    {
        if (series.All(s => s.Points.Count == 0)) return "";
        ChartFont.Require();
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Palette.Neutral;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "完全校准";
        foreach (var (method, points) in series)
        {
            if (points.Count == 0) continue;
            var index = MethodNames.All.ToList().IndexOf(method);
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.Color = MethodColors[Math.Max(0, index) % MethodColors.Length];
            line.MarkerSize = 8;
            line.LineWidth = 2;
            line.LegendText = legend(method);
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("预测达标概率(分组平均)");
        plot.YLabel("实际达标比例");
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new Html()
            .Raw("<figure><img alt=\"").Text(title).Raw("\" src=\"data:image/png;base64,").Raw(Convert.ToBase64String(png)).Raw("\">")
            .Raw("<figcaption>").Text(caption).Raw("</figcaption></figure>")
            .ToString();
    }
}
