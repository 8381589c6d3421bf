using System.Text;
using ScottPlot;
using Wcc.Warehouse.Query;

namespace Wcc.Reports.Charts;

/// <summary>A drawn chart with its pixel size, the data it shows and its caption, ready to be written.</summary>
public sealed record ChartSpec(string Name, Plot Plot, int Width, int Height, QueryResult Data, ChartCaption Caption);

/// <summary>Writes a chart as PNG and SVG, with its data as CSV and its caption as text, side by side.</summary>
public static class ChartFile
{
    /// <summary>Writes NAME.png, NAME.svg, NAME.csv and NAME.caption.txt into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(ChartSpec chart, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, chart.Name);
        var files = new[] { stem + ".png", stem + ".svg", stem + ".csv", stem + ".caption.txt" };
        chart.Plot.SavePng(files[0], chart.Width, chart.Height);
        chart.Plot.SaveSvg(files[1], chart.Width, chart.Height);
        Common.CsvExport.Write(files[2], chart.Data);
        File.WriteAllText(files[3], chart.Caption.ToText() + "\n" + chart.Caption.SourceLine() + "\n", new UTF8Encoding(false));
        return files;
    }
}

/// <summary>Rough text metrics for sizing figures before ScottPlot lays them out.</summary>
internal static class TextMetrics
{
    /// <summary>Width in pixels: a CJK character is about one em, Latin and digits about 0.6 em.</summary>
    public static double Width(string text, float fontSize) =>
        text.Sum(c => c > 0x2E80 ? fontSize : fontSize * 0.6);

    /// <summary>Widest of <paramref name="texts"/> (0 for none).</summary>
    public static double MaxWidth(IEnumerable<string> texts, float fontSize) =>
        texts.Select(t => Width(t, fontSize)).DefaultIfEmpty(0).Max();
}
