using ScottPlot;

namespace Wcc.Reports.Charts;

/// <summary>A labelled matrix: rows and columns named in Chinese, colour by value, optional text in each cell.</summary>
public sealed record HeatmapInput(
    string Title,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    double[,] Values,
    IColormap Colormap,
    double Min,
    double Max,
    string?[,]? CellText = null,
    string? ColorBarLabel = null,
    IReadOnlyList<(string Label, Color Color)>? Legend = null,
    IReadOnlyList<int>? RowSeparators = null,
    IReadOnlyList<int>? ColumnSeparators = null);

/// <summary>Draws heatmaps sized so every row and column label fits (A4-readable cells, rotated column labels).</summary>
public static class HeatmapChart
{
    /// <summary>Tick and cell text size (px); 12 px Chinese stays legible when an A4 page scales the figure.</summary>
    public const float LabelSize = 13;

    private const int MinCell = 22;
    private const int MaxFigureWidth = 2400;
    private const int ColorBarSpace = 140;
    private const int TitleSpace = 60;
    private const int Pad = 30;

    /// <summary>Builds the plot and picks a pixel size; call <see cref="ChartFont.Require"/> first.</summary>
    public static (Plot Plot, int Width, int Height) Create(HeatmapInput input)
    {
        var rows = input.RowLabels.Count;
        var cols = input.ColumnLabels.Count;
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);

        // ScottPlot 5.1 draws nothing for a one-column or one-row heatmap; pad with a NaN line kept outside the axis limits.
        var hm = plot.Add.Heatmap(Padded(input.Values, rows, cols));
        hm.Colormap = input.Colormap;
        hm.ManualRange = new ScottPlot.Range(input.Min, input.Max);
        hm.Rectangle = new CoordinateRect(0, cols == 1 ? 2 : cols, rows == 1 ? -1 : 0, rows);
        hm.NaNCellColor = Palette.Neutral;
        // Cells as rectangles keep the SVG crisp (a bitmap of a few pixels blurs in viewers).
        hm.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();

        var cellTextWidth = input.CellText is null ? 0 : MaxCellText(input.CellText);
        var cell = (int)Math.Max(MinCell, cellTextWidth + 8);
        var columnLabelWidth = TextMetrics.MaxWidth(input.ColumnLabels, LabelSize);
        var rotate = columnLabelWidth > cell - 4;
        var bottom = (rotate ? columnLabelWidth : LabelSize) + Pad + 10;
        var left = TextMetrics.MaxWidth(input.RowLabels, LabelSize) + Pad;
        var right = input.Legend is not null ? 40 + TextMetrics.MaxWidth(input.Legend.Select(l => l.Label), LabelSize) + Pad : ColorBarSpace;
        var titleWidth = TextMetrics.Width(input.Title, 18) + 2 * Pad;
        var width = (int)Math.Min(MaxFigureWidth, Math.Max(titleWidth, left + cols * cell + right));
        var height = (int)(TitleSpace + rows * cell + bottom);

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, cols).Select(c => c + 0.5).ToArray(), input.ColumnLabels.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows).Select(r => rows - r - 0.5).ToArray(), input.RowLabels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // the automatic layout does not measure rotated labels: reserve their length
            plot.Axes.Bottom.MinimumSize = (float)(columnLabelWidth + Pad);
        }
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Title(input.Title);
        plot.Axes.Title.Label.FontSize = 18;
        plot.Axes.Title.Label.FontName = ChartFont.Family;

        if (input.CellText is not null) AddCellText(plot, input, rows, cols);
        foreach (var r in input.RowSeparators ?? []) AddLine(plot.Add.HorizontalLine(rows - r));
        foreach (var c in input.ColumnSeparators ?? []) AddLine(plot.Add.VerticalLine(c));

        if (input.Legend is not null)
        {
            foreach (var (label, color) in input.Legend)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color, LineWidth = 0 });
            }
            plot.Legend.FontName = ChartFont.Family;
            plot.Legend.FontSize = LabelSize;
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            var bar = plot.Add.ColorBar(hm);
            bar.Label = input.ColorBarLabel ?? "";
            bar.LabelStyle.FontName = ChartFont.Family;
            bar.LabelStyle.FontSize = LabelSize;
        }
        // last, so nothing added afterwards rescales the axes (and the NaN padding stays hidden)
        plot.Axes.SetLimits(0, cols, 0, rows);
        return (plot, width, height);
    }

    private static double[,] Padded(double[,] values, int rows, int cols)
    {
        if (rows > 1 && cols > 1) return values;
        var padded = new double[rows == 1 ? 2 : rows, cols == 1 ? 2 : cols];
        for (var r = 0; r < padded.GetLength(0); r++)
        {
            for (var c = 0; c < padded.GetLength(1); c++) padded[r, c] = r < rows && c < cols ? values[r, c] : double.NaN;
        }
        return padded;
    }

    private static double MaxCellText(string?[,] text)
    {
        double max = 0;
        foreach (var t in text)
        {
            if (t is not null) max = Math.Max(max, TextMetrics.Width(t, LabelSize - 2));
        }
        return max;
    }

    private static void AddCellText(Plot plot, HeatmapInput input, int rows, int cols)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var text = input.CellText![r, c];
                if (string.IsNullOrEmpty(text)) continue;
                var v = input.Values[r, c];
                var background = double.IsNaN(v) ? Palette.Neutral
                    : input.Colormap.GetColor((v - input.Min) / Math.Max(1e-12, input.Max - input.Min));
                var label = plot.Add.Text(text, c + 0.5, rows - r - 0.5);
                label.LabelFontName = ChartFont.Family;
                label.LabelFontSize = LabelSize - 2;
                label.LabelFontColor = Palette.TextOn(background);
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }
    }

    private static void AddLine(ScottPlot.Plottables.AxisLine line)
    {
        line.Color = Palette.Black;
        line.LineWidth = 2;
    }
}
