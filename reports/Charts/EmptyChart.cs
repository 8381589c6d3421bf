using ScottPlot;

namespace Wcc.Reports.Charts;

/// <summary>A chart with nothing to show says so in words, instead of drawing zeros on an empty axis.</summary>
public static class EmptyChart
{
    /// <summary>What a chart says when its caller gives no more specific note.</summary>
    public const string DefaultNote = "本期没有可显示的数据(各项均为0)。";

    private const int Width = 760, Height = 220;

    /// <summary>A figure with the title and the note centred, no axes; call <see cref="ChartFont.Require"/> first.</summary>
    public static (Plot Plot, int Width, int Height) Create(string title, string? note)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        // The title as text too: a frameless plot does not draw the axis title.
        var heading = plot.Add.Text(title, 0.5, 0.8);
        heading.LabelFontName = ChartFont.Family;
        heading.LabelFontSize = 18;
        heading.LabelBold = true;
        heading.LabelAlignment = Alignment.MiddleCenter;
        var text = plot.Add.Text(note ?? DefaultNote, 0.5, 0.4);
        text.LabelFontName = ChartFont.Family;
        text.LabelFontSize = 16;
        text.LabelFontColor = Palette.Black;
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Frameless();
        plot.HideGrid();
        return (plot, Width, Height);
    }
}
