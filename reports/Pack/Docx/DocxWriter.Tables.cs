using DocumentFormat.OpenXml.Wordprocessing;

namespace Wcc.Reports.Pack.Docx;

// Tables of the pack in Word: the HTML table with a repeated header row and widths laid out as a browser would, and the status counts as a one-row table.
public sealed partial class DocxWriter
{
    /// <summary>Bounds of a column's weight (in display characters) when sharing the table width between columns:
    /// a column of one digit still gets room for its header, and one long text column does not squeeze the rest.</summary>
    private const int MinColumnWeight = 4, MaxColumnWeight = 36;

    private const string HeaderShading = "F3F5F7", RuleColor = "D0D4D9";

    private void Table(HtmlNode html)
    {
        var caption = html.Children.FirstOrDefault(c => c.Tag == "caption");
        if (caption is not null) Add(Paragraph(DocxStyles.Caption, InlineRuns(caption, false, false)));
        var rows = html.Descendants().Where(n => n.Tag == "tr").ToList();
        if (rows.Count == 0) return;
        var columns = rows.Max(r => r.Children.Count(c => c.Tag is "td" or "th"));
        var widths = ColumnWidths(rows, columns);
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Color = "1A1A1A" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        foreach (var tr in rows)
        {
            var header = tr.Children.All(c => c.Tag != "td");
            var rowProperties = new TableRowProperties(new CantSplit());
            if (header) rowProperties.Append(new TableHeader());
            var row = new TableRow(rowProperties);
            var cells = tr.Children.Where(c => c.Tag is "td" or "th").ToList();
            for (var c = 0; c < columns; c++)
            {
                var properties = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(), Type = TableWidthUnitValues.Dxa });
                if (header)
                {
                    properties.Append(new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = "1A1A1A" }));
                    properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderShading });
                }
                var paragraph = Paragraph(DocxStyles.TableText, c < cells.Count ? InlineRuns(cells[c], header, preLine: true) : []);
                if (c < cells.Count && cells[c].HasClass("num")) paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Right };
                row.Append(new TableCell(properties, paragraph));
            }
            table.Append(row);
        }
        Add(table);
        // A table directly followed by another would merge into one in Word: a small paragraph keeps them apart.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact })));
    }

    /// <summary>Column widths as a browser lays out an automatic table: every column gets at least its longest
    /// unbreakable piece (a number, a Latin word; Chinese breaks between characters), and the rest of the text width is
    /// shared in proportion to how much more each column would need to hold its longest line unbroken.</summary>
    private static int[] ColumnWidths(List<HtmlNode> rows, int columns)
    {
        var natural = new double[columns];
        var minimum = new double[columns];
        foreach (var tr in rows)
        {
            var cells = tr.Children.Where(c => c.Tag is "td" or "th").ToList();
            for (var c = 0; c < cells.Count && c < columns; c++)
            {
                var lines = cells[c].InnerText().Split('\n');
                natural[c] = Math.Max(natural[c], lines.Max(TextTwips));
                var unbreakable = lines.Select(l => TextTwips(l) <= ShortLineTwips ? TextTwips(l) : Word().Matches(l).Select(m => TextTwips(m.Value)).DefaultIfEmpty(0).Max()).Max();
                // A header keeps up to four Chinese characters on a line ("达成概率", not "达/成/概/率").
                if (cells[c].Tag == "th") unbreakable = Math.Max(unbreakable, Math.Min(TextTwips(cells[c].InnerText()), 4 * CjkTwips));
                minimum[c] = Math.Max(minimum[c], unbreakable);
            }
        }
        var need = natural.Select(n => n + CellPadding).ToArray();
        var floor = minimum.Select(m => m + CellPadding).ToArray();
        double[] widths;
        if (need.Sum() <= TextWidth) widths = need.Select(n => n + (TextWidth - need.Sum()) * n / need.Sum()).ToArray();
        else if (floor.Sum() <= TextWidth)
        {
            var slack = need.Zip(floor, (n, f) => n - f).ToArray();
            var room = TextWidth - floor.Sum();
            widths = floor.Zip(slack, (f, s) => f + room * s / slack.Sum()).ToArray();
        }
        else widths = floor.Select(f => f * TextWidth / floor.Sum()).ToArray(); // Too wide for A4 portrait even at minimum: scale.
        var result = widths.Select(w => (int)w).ToArray();
        result[^1] += TextWidth - result.Sum();
        return result;
    }

    /// <summary>Width of table text at 9 pt in twips: a Chinese character is square (9 pt = 180 twips), Latin and digits
    /// a little over half. Set for the widest fonts a reader may get (DejaVu Sans, which LibreOffice substitutes for Arial
    /// on Debian, draws digits 0.64 em wide; measured: "(2020年)" broke at 100 twips a digit).</summary>
    private const double CjkTwips = 190, LatinTwips = 120;

    /// <summary>A line this short is kept whole: a value with its unit, a year in brackets, a status label, "(2020年)".</summary>
    private const double ShortLineTwips = 4 * CjkTwips + 2 * LatinTwips;

    /// <summary>Left and right cell margins (70 twips each) plus a little air.</summary>
    private const double CellPadding = 160;

    private static double TextTwips(string text) => text.Sum(ch => ch > 0x2E80 ? CjkTwips : LatinTwips);


    /// <summary>The status counts of the summary as a one-row table: the number large, its label under it.</summary>
    private static Table Kpis(HtmlNode kpis)
    {
        var items = kpis.Children.Where(c => c.HasClass("kpi")).ToList();
        var width = TextWidth / Math.Max(1, items.Count);
        var row = new TableRow();
        foreach (var item in items)
        {
            var number = item.Children.FirstOrDefault(c => c.Tag == "b")?.InnerText() ?? "";
            var label = string.Concat(item.Children.Where(c => c.Tag != "b").Select(c => c.InnerText()));
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.TableText }),
                    new Run(new RunProperties(new Bold(), new FontSize { Val = "36" }), new Text(number)), new Run(new Break()), new Run(new Text(label)))));
        }
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor });
        return new Table(new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa }, border, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(items.Select(_ => new GridColumn { Width = width.ToString() })), row);
    }
}
