using Wcc.Reports.Charts;
using Wcc.Reports.Common;

namespace Wcc.Reports.Pack;

/// <summary>Embeds report charts into the pack as PNG data URIs, so index.html is one self-contained file.</summary>
public static class PackFigures
{
    /// <summary>A <c>figure</c> with the chart's PNG and its caption, or an empty string when the report drew no such chart.</summary>
    public static string Figure(ReportOutput report, string chartName)
    {
        var png = report.Files.FirstOrDefault(f => Path.GetFileName(f) == chartName + ".png");
        var caption = report.Captions.FirstOrDefault(c => c.ChartName == chartName);
        if (png is null || caption is null) return "";
        var data = Convert.ToBase64String(File.ReadAllBytes(png));
        return new Html()
            .Raw("<figure><img alt=\"").Text(caption.Title).Raw("\" src=\"data:image/png;base64,").Raw(data).Raw("\">")
            .Raw("<figcaption>").Text(caption.ToText()).Raw("</figcaption></figure>")
            .ToString();
    }

    /// <summary>Every chart a report drew, in the order it drew them.</summary>
    public static string All(ReportOutput report) =>
        string.Concat(report.Captions.Select(c => Figure(report, c.ChartName)));
}
