using System.Reflection;

namespace Wcc.Reports.Pack;

/// <summary>Assembles sections into complete, self-contained HTML documents (stylesheet inline, images as data URIs).</summary>
public static class PackDocument
{
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pack/Assets/pack.css")
            ?? throw new InvalidOperationException("Pack/Assets/pack.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>A full HTML page: title, inline stylesheet, optional table of contents, then the bodies in order.</summary>
    /// <param name="runningNotice">A notice for the top of every printed page (a CSS page-margin box, which Chromium
    /// prints on each page) and the top of the screen, e.g. while the figures are synthetic; null for none.</param>
    /// <param name="contentsPages">The printed page of each section (by id) for the contents list; null on screen, where
    /// there are no pages (see <see cref="PdfContents"/>).</param>
    public static string Page(string title, IEnumerable<PackSection> sections, bool tableOfContents, string? extraBody = null, string? runningNotice = null,
        IReadOnlyDictionary<string, int>? contentsPages = null)
    {
        var list = sections.ToList();
        var html = new Html()
            .Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw("</title><style>").Raw(Stylesheet.Value).Raw(PackStatus.Css).Raw("</style>");
        if (runningNotice is not null)
        {
            html.Raw("<style>@page { @top-center { content: \"").Raw(CssString(runningNotice)).Raw("\"; } }</style>");
        }
        html.Raw("</head><body>");
        if (runningNotice is not null) html.Element("div", runningNotice, "running-notice");
        if (list.Count > 0) html.Raw(list[0].Body);
        if (tableOfContents)
        {
            html.Raw("<nav class=\"toc page\" id=\"toc\"><h2>目录</h2><ol>");
            foreach (var s in list.Skip(1))
            {
                html.Raw($"<li><a href=\"#{Html.Escape(s.Id)}\">").Text(s.Title).Raw("</a>");
                if (contentsPages is not null && contentsPages.TryGetValue(s.Id, out var pageNo))
                {
                    html.Raw("<span class=\"toc-leader\"></span><span class=\"toc-page\">").Text(pageNo.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</span>");
                }
                html.Raw("</li>");
            }
            html.Raw("</ol></nav>");
        }
        foreach (var s in list.Skip(1)) html.Raw(s.Body);
        if (extraBody is not null) html.Raw(extraBody);
        return html.Raw("</body></html>\n").ToString();
    }

    /// <summary>Text for a CSS string literal: quotes, backslashes and line breaks escaped, markup characters as CSS escapes.</summary>
    private static string CssString(string text) => string.Concat(text.Select(c => c switch
    {
        '"' or '\\' or '<' or '>' or '&' or '\n' or '\r' => $"\\{(int)c:x} ",
        _ => c.ToString(),
    }));

    /// <summary>一, 二, … 九十九: section numbers as Chinese official documents write them.</summary>
    public static string ChineseNumeral(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n is < 1 or > 99) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n];
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }
}
