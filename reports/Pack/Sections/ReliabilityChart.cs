using ScottPlot;
using Wcc.Reports.Charts;
using Palette = Wcc.Reports.Charts.Palette;
using Wcc.Reports.Common;
using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The reliability diagram of the methods appendix: mean predicted P(met) against the share of targets met, per
/// method, beside the diagonal a calibrated forecast lies on.</summary>
public static class ReliabilityChart
{
    /// <summary>Pixel size of the embedded PNG.</summary>
    public const int Width = 640, Height = 420;

    private static readonly Color[] MethodColors = [Palette.Orange, Palette.Blue, Palette.BluishGreen, Palette.Vermillion];

    /// <summary>The reliability table for the page: one row per P(met) bin, one column per method ("0.29 → 0.17 (23)").</summary>
    public static SheetTable Pivot(ReportTable reliability)
    {
        var rows = reliability.Data.Rows;
        string Col(string name, object?[] r) => Cells.Text(r[reliability.Column(name)]);
        var bins = rows.Select(r => Cells.Count(r[reliability.Column("bin_no")])).Distinct().Order().ToList();
        var methods = MethodNames.All.Where(m => rows.Any(r => Col("method", r) == m)).ToList();
        var result = new List<object?[]>();
        foreach (var b in bins)
        {
            var inBin = rows.Where(r => Cells.Count(r[reliability.Column("bin_no")]) == b).ToList();
            var first = inBin[0];
            var cells = new List<object?>
            {
                $"{Cells.Number(first[reliability.Column("p_from")]):0.0}-{Cells.Number(first[reliability.Column("p_to")]):0.0}",
            };
            foreach (var m in methods)
            {
                var r = inBin.FirstOrDefault(x => Col("method", x) == m);
                var n = r is null ? 0 : Cells.Count(r[reliability.Column("n")]);
                cells.Add(n == 0 ? "—"
                    : $"{Cells.Number(r![reliability.Column("mean_p_met")]):0.00} → {Cells.Number(r[reliability.Column("share_met")]):0.00} ({n})");
            }
            result.Add(cells.ToArray());
        }
        // Method codes as headers: four long Chinese names do not fit an A4 page side by side (the scores table names them).
        return new SheetTable("可靠性", ["预测达标概率", .. methods], result);
    }

    /// <summary>A PNG <c>figure</c> (data URI) of <paramref name="reliability"/> (v_pack_backtest_reliability rows), or "" when empty.</summary>
    public static string Figure(ReportTable reliability)
    {
        var rows = reliability.Data.Rows.Where(r => Cells.Count(r[reliability.Column("n")]) > 0).ToList();
        if (rows.Count == 0) return "";
        ChartFont.Require();
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Palette.Neutral;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "完全校准";
        for (var m = 0; m < MethodNames.All.Count; m++)
        {
            var method = MethodNames.All[m];
            var points = rows.Where(r => Cells.Text(r[reliability.Column("method")]) == method)
                .OrderBy(r => Cells.Number(r[reliability.Column("p_from")]))
                .Select(r => (X: Cells.Number(r[reliability.Column("mean_p_met")]), Y: Cells.Number(r[reliability.Column("share_met")])))
                .ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.Color = MethodColors[m % MethodColors.Length];
            line.MarkerSize = 8;
            line.LineWidth = 2;
            line.LegendText = method;
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("预测达标概率(分组平均)");
        plot.YLabel("实际达标比例");
        plot.Title("回测可靠性图");
        plot.ShowLegend(Alignment.UpperLeft);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        const string caption = "各方法在选择回测中的预测达标概率(按0.2分组)与实际达标比例;点越接近虚线,概率越可信。明细见“可靠性表”。";
        return new Html()
            .Raw("<figure><img alt=\"回测可靠性图\" src=\"data:image/png;base64,").Raw(Convert.ToBase64String(png)).Raw("\">")
            .Raw("<figcaption>").Text(caption).Raw("</figcaption></figure>")
            .ToString();
    }
}
