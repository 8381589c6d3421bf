using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>报送情况: who reported in the latest collection round, the reporting rate per unit and overall, who still owes what.</summary>
public static class CollectionSection
{
    public const string Title = "报送情况";

    public static readonly IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> Columns =
    [
        ("报送单位", c => c("unit_name")),
        ("应报", c => c("cells_owed")),
        ("已通过", c => c("cells_accepted")),
        ("退回", c => c("cells_returned")),
        ("拒收", c => c("cells_rejected")),
        ("缺报", c => c("cells_missing")),
        ("报送率", c => PackValue.Probability(c("reporting_rate"))),
        ("状态", c => $"{c("status")}{(Equals(c("submitted_late"), true) ? "(逾期)" : "")}"),
    ];

    public static PackSection Build(PackContext context, string number)
    {
        var data = context.Tables.Collection;
        var table = TableView.Compose("报送情况", data, Columns);
        var html = new Html().Raw("<section class=\"page\" id=\"collection\">").Element("h2", $"{number}、{Title}");
        if (table.Rows.Count == 0)
        {
            html.Element("p", "尚未开展数据报送;本评估所用监测数据与任务进展均为系统生成的合成数据。");
        }
        else
        {
            var rows = data.Data.Rows;
            double Sum(string column) => rows.Sum(r => Cells.Number(r[data.Column(column)]));
            var round = rows[0][data.Column("round_year")];
            var owing = rows.Where(r => Cells.Number(r[data.Column("cells_outstanding")]) > 0)
                .Select(r => $"{Cells.Text(r[data.Column("unit_name")])}(尚缺{Cells.Number(r[data.Column("cells_outstanding")])}项,{Cells.Text(r[data.Column("status")])})").ToList();
            html.Element("p", $"{round}年度数据报送:{rows.Count}个报送单位,应报{Sum("cells_owed")}项,已通过审核{Sum("cells_accepted")}项,"
                + $"总体报送率{PackFormat.Percent(Sum("cells_owed") == 0 ? 0 : Sum("cells_accepted") / Sum("cells_owed"))}。"
                + (owing.Count == 0 ? "全部单位已通过审核。" : $"尚未完成报送的单位:{string.Join("、", owing)}。"));
            TableView.Render(html, table);
        }
        html.Raw("</section>");
        return new PackSection("collection", $"{number}、{Title}", html.ToString(), [table]);
    }
}
