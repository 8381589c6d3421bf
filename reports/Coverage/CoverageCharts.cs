using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Coverage;

/// <summary>The five coverage heatmaps, each drawn from one mart table.</summary>
internal static class CoverageCharts
{
    private const int ChapterLabelChars = 12;

    private static string Met => StatusVocabulary.Get(StatusVocabulary.Codes.Attained).Label;

    private static string Unmet => StatusVocabulary.Get(StatusVocabulary.Codes.NotAttained).Label;

    public static ChartSpec TaskUnit(ReportTable t)
    {
        var m = MatrixBuilder.From(t, "unit_name", "task_no", "cell_value", _ => null);
        var chapters = t.Data.Rows.Select(r => (Task: Cells.Text(r[t.Column("task_no")]), Chapter: Cells.Count(r[t.Column("chapter_no")]))).Distinct().ToList();
        var columnSeparators = Enumerable.Range(1, m.Columns.Count - 1)
            .Where(c => chapters.First(x => x.Task == m.Columns[c]).Chapter != chapters.First(x => x.Task == m.Columns[c - 1]).Chapter).ToList();
        var input = new HeatmapInput($"任务×{RoleVocabulary.ResponsibleUnits}矩阵(竖线分隔各章)", m.Rows, m.Columns, m.Values, Palette.Roles, 0, 2,
            Legend: [(RoleVocabulary.LeadUnits, Palette.Lead), (RoleVocabulary.ResponsibleUnits, Palette.Responsible), ("未涉及", Palette.Empty)],
            RowSeparators: CollectiveSeparator(t, m),
            ColumnSeparators: columnSeparators);
        var (plot, w, h) = HeatmapChart.Create(input);
        plot.Axes.Bottom.Label.Text = "任务序号";
        plot.Axes.Bottom.Label.FontName = ChartFont.Family;
        var marked = t.Values("cell_value").Count(v => Cells.Count(v) > 0);
        return new ChartSpec("coverage_task_unit", plot, w, h, t.Data, new ChartCaption("coverage_task_unit", input.Title,
            $"行为单位(按工作量排序,横线以下为集体单位),列为通知中的任务序号;共 {marked} 个单位-任务分工。",
            $"分类({RoleVocabulary.LeadLabel}/{RoleVocabulary.ResponsibleLabel}/未涉及)", ["v_coverage_task_unit"], false));
    }

    public static ChartSpec ChapterUnit(ReportTable t)
    {
        var m = MatrixBuilder.From(t, "unit_name", "chapter_no", "tasks_total", r => Cells.Count(r[t.Column("tasks_total")]) is var n and > 0 ? n.ToString() : null);
        var titles = t.Data.Rows.Select(r => (No: Cells.Text(r[t.Column("chapter_no")]), Title: Cells.Text(r[t.Column("chapter_title")]))).Distinct().ToList();
        var labels = m.Columns.Select(c => Short(c + " " + titles.First(x => x.No == c).Title)).ToList();
        var max = Math.Max(1, t.Values("tasks_total").Max(v => Cells.Count(v)));
        var input = new HeatmapInput($"各章任务的单位分工数({RoleVocabulary.LeadLabel}+{RoleVocabulary.ResponsibleLabel})", m.Rows, labels, m.Values, Palette.Sequential, 0, max, m.Text,
            ColorBarLabel: "任务数(项)", RowSeparators: CollectiveSeparator(t, m));
        var (plot, w, h) = HeatmapChart.Create(input);
        return new ChartSpec("coverage_chapter_unit", plot, w, h, t.Data, new ChartCaption("coverage_chapter_unit", input.Title,
            $"每格为该单位在该章中{RoleVocabulary.LeadLabel}或负责的任务数;横线以下为集体单位。", "项(任务数)", ["v_coverage_chapter_unit"], false));
    }

    public static ChartSpec Attainment(ReportTable t)
    {
        // Colour is the verdict (so an unmet target stands out), text is the distance still to go in the indicator's unit.
        string Status(object?[] r) => Cells.Text(r[t.Column("status")]);
        var m = MatrixBuilder.From(t, "area_name", "indicator_name", r => AttainmentCell.Value(Status(r)),
            r => AttainmentCell.Label(Status(r), Cells.Number(r[t.Column("target_value")]), Cells.Number(r[t.Column("latest_value")])));
        var legend = AttainmentCell.Classes.Select(c => (c.Legend, Palette.Verdicts.GetColor(c.Value / 4))).Distinct().ToList();
        var input = new HeatmapInput("各地区指标目标达成情况与差距(最新年份)", m.Rows, m.Columns.Select(Short).ToList(), m.Values, Palette.Verdicts, 0, 4, m.Text,
            Legend: legend);
        var (plot, w, h) = HeatmapChart.Create(input);
        return new ChartSpec("coverage_attainment", plot, w, h, t.Data, new ChartCaption("coverage_attainment", input.Title,
            $"颜色为最新年份的达标情况:{Met}、{Unmet}但较基线有进展、{Unmet}且较基线倒退(含基线{Met}而最新回落)、仅一年数据;"
            + "格内“达标”表示已达到目标,其余为最新值距目标的差距(单位同指标;“≤”目标为仍需下降的幅度);灰色为无目标或没有观测值;区县未单独设目标时采用全市目标。",
            "指标原单位", ["v_coverage_attainment"], AnySynthetic(t)));
    }

    public static ChartSpec Completeness(ReportTable t)
    {
        var m = MatrixBuilder.From(t, "area_name", "indicator_name", "completeness", r => Cells.Count(r[t.Column("years_present")]).ToString());
        var first = t.Data.Rows[0];
        var period = $"{Cells.Count(first[t.Column("period_from")])}-{Cells.Count(first[t.Column("period_to")])}";
        var input = new HeatmapInput($"各地区指标数据完整性({period}年)", m.Rows, m.Columns.Select(Short).ToList(), m.Values, Palette.Sequential, 0, 1, m.Text,
            ColorBarLabel: "有数据年数 / 应有年数");
        var (plot, w, h) = HeatmapChart.Create(input);
        return new ChartSpec("coverage_completeness", plot, w, h, t.Data, new ChartCaption("coverage_completeness", input.Title,
            $"颜色为 {period} 年中有观测值的年份占比,格内数字为有数据的年数。", "比例(0-1);格内为年数", ["v_coverage_completeness"], AnySynthetic(t)));
    }

    public static ChartSpec Parity(ReportTable t)
    {
        // Colour by the indicator's direction: blue where women or girls fare better, red where worse (lower girls'
        // mortality is blue), whatever the ratio's side of 1.
        var m = MatrixBuilder.From(t, "area_name", "indicator_name",
            r => Palette.FemaleAdvantage(Cells.Number(r[t.Column("female_value")]), Cells.Number(r[t.Column("male_value")]), Cells.Text(r[t.Column("direction")])),
            r => r[t.Column("parity_ratio")] is null ? null : CoverageReport.Fmt(Cells.Number(r[t.Column("parity_ratio")]), "0.00"));
        var input = new HeatmapInput("各地区指标性别比(女/男,最新年份)", m.Rows, m.Columns.Select(Short).ToList(), m.Values, Palette.Diverging, -1, 1, m.Text,
            ColorBarLabel: "女性相对处境(蓝=较好,红=较差)");
        var (plot, w, h) = HeatmapChart.Create(input);
        return new ChartSpec("gender_parity", plot, w, h, t.Data, new ChartCaption("gender_parity", input.Title,
            "格内为女性值与男性值之比(最近一个男女均有数据的年份);颜色按指标方向表示女性的相对处境:越高越好的指标女性值较高、"
            + "越低越好的指标(如死亡率)女性值较低时为蓝色,反之为红色,白色为持平;色深为比值以 2 为底对数的绝对值,截断于一半至两倍。",
            "比值(无量纲)", ["v_gender_parity"], AnySynthetic(t)));
    }

    /// <summary>A chart that has nothing to show, saying why in Chinese (<see cref="EmptyChart"/>).</summary>
    public static ChartSpec Empty(ReportTable t, string name, string title, string note)
    {
        var (plot, w, h) = EmptyChart.Create(title, note);
        return new ChartSpec(name, plot, w, h, t.Data, new ChartCaption(name, title, note, "—", [t.Source], false));
    }

    private static List<int> CollectiveSeparator(ReportTable t, MatrixBuilder m)
    {
        var collective = t.Data.Rows.Where(r => Cells.Flag(r[t.Column("is_collective")]))
            .Select(r => Cells.Text(r[t.Column("unit_name")])).ToHashSet();
        var first = m.Rows.FindIndex(collective.Contains);
        return first > 0 ? [first] : [];
    }

    private static bool AnySynthetic(ReportTable t) => t.Values("is_synthetic").Any(Cells.Flag);

    private static string Short(string label) => label.Length <= ChapterLabelChars ? label : label[..ChapterLabelChars] + "…";
}
