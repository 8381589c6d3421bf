using System.Globalization;
using ScottPlot;

namespace Wcc.Reports.Charts;

/// <summary>One stacked segment of every bar (e.g. the lead part of each unit's workload).</summary>
public sealed record BarSegment(string Label, Color Color, IReadOnlyList<double> Values);

/// <summary>Horizontal stacked bars for long Chinese category names, with the total written at each bar's end.</summary>
/// <param name="Muted">Categories drawn in the neutral colour (collectives), listed after a separator line.</param>
/// <param name="EmptyNote">What the chart says, in Chinese, when every bar is zero (see <see cref="EmptyChart"/>).</param>
public sealed record BarInput(
    string Title,
    string ValueAxisLabel,
    IReadOnlyList<string> Categories,
    IReadOnlyList<BarSegment> Segments,
    IReadOnlyList<bool>? Muted = null,
    string? MutedLegend = null,
    string ValueFormat = "0.#",
    string? EmptyNote = null);

/// <summary>Draws <see cref="BarInput"/>: first category at the top, sized so every name fits.</summary>
public static class BarChart
{
    private const float LabelSize = 13;
    private const int RowHeight = 24;
    /// <summary>Plot area width: with the legend below, the figure is ~750 px, so 13 px labels print at ~9 pt on A4.</summary>
    private const int DataWidth = 560;

    /// <summary>Room for the legend row below the axis.</summary>
    private const int LegendHeight = 50;
    private const int Pad = 40;
    private const double BarThickness = 0.7;

    /// <summary>Builds the plot and picks a pixel size; call <see cref="ChartFont.Require"/> first.</summary>
    public static (Plot Plot, int Width, int Height) Create(BarInput input)
    {
        var n = input.Categories.Count;
        // Zeros on a 0-1 axis tell a reader nothing: say so instead.
        if (input.Segments.All(s => s.Values.All(v => v == 0))) return EmptyChart.Create(input.Title, input.EmptyNote);
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        var totals = new double[n];
        var bars = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var y = n - 1 - i;
            var muted = input.Muted?[i] ?? false;
            foreach (var segment in input.Segments)
            {
                var v = segment.Values[i];
                if (v == 0) continue;
                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = totals[i],
                    Value = totals[i] + v,
                    FillColor = muted ? Palette.Neutral : segment.Color,
                    LineWidth = 0,
                    Size = BarThickness,
                    Orientation = Orientation.Horizontal,
                });
                totals[i] += v;
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;

        var max = totals.DefaultIfEmpty(0).Max();
        for (var i = 0; i < n; i++)
        {
            var label = plot.Add.Text(totals[i].ToString(input.ValueFormat, CultureInfo.InvariantCulture), totals[i] + max * 0.01, n - 1 - i);
            label.LabelFontName = ChartFont.Family;
            label.LabelFontSize = LabelSize - 1;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        var firstMuted = input.Muted?.ToList().IndexOf(true) ?? -1;
        if (firstMuted > 0)
        {
            var line = plot.Add.HorizontalLine(n - firstMuted - 0.5);
            line.Color = Palette.Black;
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), input.Categories.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = input.ValueAxisLabel;
        plot.Axes.Bottom.Label.FontName = ChartFont.Family;
        plot.Axes.Bottom.Label.FontSize = LabelSize + 1;
        plot.Title(input.Title);
        plot.Axes.Title.Label.FontName = ChartFont.Family;
        plot.Axes.Title.Label.FontSize = 18;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        // Room on the right for the value written after the longest bar.
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.12, -0.6, n - 0.4);

        foreach (var segment in input.Segments)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = segment.Label, FillColor = segment.Color, LineWidth = 0 });
        }
        if (input.MutedLegend is not null && firstMuted >= 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = input.MutedLegend, FillColor = Palette.Neutral, LineWidth = 0 });
        }
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = LabelSize;
        plot.ShowLegend(Edge.Bottom);

        var left = TextMetrics.MaxWidth(input.Categories, LabelSize) + Pad;
        var width = (int)Math.Max(TextMetrics.Width(input.Title, 18) + 2 * Pad, left + DataWidth + Pad);
        var height = n * RowHeight + 150 + LegendHeight;
        return (plot, width, height);
    }
}
