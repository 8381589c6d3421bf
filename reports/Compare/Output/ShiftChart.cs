using System.Globalization;
using ScottPlot;
using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;
using Palette = Wcc.Reports.Charts.Palette;

namespace Wcc.Reports.Compare.Output;

/// <summary>The workload shift per unit as diverging horizontal bars: more load to the right (vermillion), less to the left (blue).</summary>
public static class ShiftChart
{
    /// <summary>File stem of the chart (workload_shift.png, .svg, .csv, .caption.txt).</summary>
    public const string Name = "workload_shift";

    private const float LabelSize = 13;
    private const int RowHeight = 24;
    private const int DataWidth = 560;
    private const int Pad = 40;
    private const double BarThickness = 0.7;

    /// <summary>Units whose index changed, largest rise first; <paramref name="shift"/> is the workload_shift table (Chinese headers).</summary>
    public static ChartSpec Create(QueryResult shift, string fromLabel, string toLabel, double leadWeight, double responsibleWeight, bool isSynthetic)
    {
        int Col(string name) => shift.Columns.ToList().IndexOf(name);
        var changed = shift.Rows.Where(r => Cells.Number(r[Col("指数变化")]) != 0)
            .OrderByDescending(r => Cells.Number(r[Col("指数变化")])).ThenBy(r => Cells.Text(r[Col("单位")]), StringComparer.Ordinal).ToList();
        var title = $"各单位工作量指数变化({fromLabel}→{toLabel})";
        var axis = $"工作量指数变化({RoleVocabulary.LeadLabel}×{Fmt(leadWeight)} + {RoleVocabulary.ResponsibleLabel}×{Fmt(responsibleWeight)})";
        var (plot, width, height) = changed.Count == 0
            ? EmptyChart.Create(title, "两个周期各单位的工作量指数相同。")
            : Draw(title, axis, changed.Select(r => Cells.Text(r[Col("单位")])).ToList(), changed.Select(r => Cells.Number(r[Col("指数变化")])).ToList());
        var caption = new ChartCaption(Name, title,
            $"每个单位在后一周期的加权工作量指数减去前一周期的指数;指数 = {RoleVocabulary.LeadLabel}任务数×{Fmt(leadWeight)} + {RoleVocabulary.ResponsibleLabel}任务数×{Fmt(responsibleWeight)},"
            + "机构改革更名的单位按现名合并计算;只列出指数有变化的单位,增加在右、减少在左。",
            "工作量指数(无量纲,任务数加权和)", ["unit_workload", "v_pack_unit_current"], isSynthetic);
        return new ChartSpec(Name, plot, width, height, new QueryResult(shift.Columns, changed), caption);
    }

    private static (Plot, int, int) Draw(string title, string axis, IReadOnlyList<string> units, IReadOnlyList<double> changes)
    {
        var n = units.Count;
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        var bars = changes.Select((v, i) => new Bar
        {
            Position = n - 1 - i, ValueBase = 0, Value = v, FillColor = v > 0 ? Palette.Vermillion : Palette.Blue,
            LineWidth = 0, Size = BarThickness, Orientation = Orientation.Horizontal,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        var extent = Math.Max(1, changes.Max(Math.Abs));
        for (var i = 0; i < n; i++)
        {
            var v = changes[i];
            var label = plot.Add.Text((v > 0 ? "+" : "") + v.ToString("0.#", CultureInfo.InvariantCulture), v + Math.Sign(v) * extent * 0.02, n - 1 - i);
            label.LabelFontName = ChartFont.Family;
            label.LabelFontSize = LabelSize - 1;
            label.LabelAlignment = v > 0 ? Alignment.MiddleLeft : Alignment.MiddleRight;
        }
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Palette.Black;
        zero.LineWidth = 1;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), units.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = axis;
        plot.Axes.Bottom.Label.FontName = ChartFont.Family;
        plot.Axes.Bottom.Label.FontSize = LabelSize + 1;
        plot.Title(title);
        plot.Axes.Title.Label.FontName = ChartFont.Family;
        plot.Axes.Title.Label.FontSize = 18;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        // Room on both sides for the values written beyond the bar ends.
        plot.Axes.SetLimits(-extent * 1.2, extent * 1.2, -0.6, n - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "工作量增加", FillColor = Palette.Vermillion, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "工作量减少", FillColor = Palette.Blue, LineWidth = 0 });
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = LabelSize;
        plot.ShowLegend(Edge.Bottom);
        var left = units.Max(u => u.Sum(c => c > 0x2E80 ? LabelSize : LabelSize * 0.6)) + Pad;
        var width = (int)Math.Max(title.Sum(c => c > 0x2E80 ? 18 : 18 * 0.6) + 2 * Pad, left + DataWidth + Pad);
        return (plot, width, n * RowHeight + 200);
    }

    private static string Fmt(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
