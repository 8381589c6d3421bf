namespace Wcc.Reports.Pack.Sections;

/// <summary>Tables of the unit pages and the district map: every cell escaped, numbers kept on one line (class num),
/// verdicts as coloured badges (class status). Layout rules live in pack.css.</summary>
public static class PageHtml
{
    /// <summary>One table cell: its text and how it is shown.</summary>
    public sealed record Cell(string Text, CellKind Kind)
    {
        public static Cell Plain(string text) => new(text, CellKind.Text);

        /// <summary>A number, or a number with its unit and year ("98.5%\n(2020年)"): never wrapped inside.</summary>
        public static Cell Number(string text) => new(text, CellKind.Number);

        public static Cell Verdict(string verdict) => new(verdict, CellKind.Verdict);

        /// <summary>Short lines that must not break inside a word ("单位\n(原市法制办)"): kept as written.</summary>
        public static Cell Label(string text) => new(text, CellKind.Label);
    }

    public enum CellKind { Text, Number, Verdict, Label }

    public static Html Table(Html html, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<Cell>> rows, string cssClass, string? caption = null)
    {
        html.Raw($"<table class=\"{Html.Escape(cssClass)}\">");
        if (caption is not null) html.Raw("<caption>").Text(caption).Raw("</caption>");
        html.Raw("<thead><tr>");
        foreach (var h in headers) html.Raw("<th>").Text(h).Raw("</th>");
        html.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw("<tr>");
            foreach (var cell in row)
            {
                switch (cell.Kind)
                {
                    case CellKind.Number:
                        html.Raw("<td class=\"num\">").Text(cell.Text).Raw("</td>");
                        break;
                    case CellKind.Label:
                        html.Raw("<td class=\"short\">").Text(cell.Text).Raw("</td>");
                        break;
                    case CellKind.Verdict:
                        html.Raw("<td class=\"verdict\"><span class=\"status ").Raw(PageVerdict.CssClass(cell.Text)).Raw("\">").Text(cell.Text).Raw("</span></td>");
                        break;
                    default:
                        html.Raw(Html.CellClass(null, cell.Text) == "short" ? "<td class=\"short\">" : "<td>").Text(cell.Text).Raw("</td>");
                        break;
                }
            }
            html.Raw("</tr>");
        }
        return html.Raw("</tbody></table>");
    }
}
