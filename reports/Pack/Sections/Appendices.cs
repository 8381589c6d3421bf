using Wcc.Reports.Common;
using Wcc.Reports.Forecast.Model;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The appendices: data quality (sources, loads, rejects, completeness) and methodology (definitions, methods, backtest).</summary>
public static class Appendices
{
    public static PackSection DataQuality(PackContext context, string number, SheetTable completeness)
    {
        var loads = TableView.Select("数据载入记录", context.Tables.Loads,
        [
            ("load_id", "批次"), ("job", "作业"), ("file_name", "文件"), ("sha256_prefix", "SHA-256(前12位)"),
            ("rows_in", "读入行"), ("rows_loaded", "载入行"), ("rows_rejected", "拒收行"), ("rows_warned", "警告行"),
        ]);
        var rejects = TableView.Select("拒收原因", context.Tables.Rejects,
        [
            ("load_id", "批次"), ("file_name", "文件"), ("reason_code", "原因代码"), ("severity", "级别"), ("n", "行数"),
            ("first_line", "首次出现行"), ("example_reason", "示例"),
        ]);
        var incomplete = new SheetTable("数据不完整序列", completeness.Columns,
            completeness.Rows.Where(r => Cells.Number(r[^1]) < 1).ToList());
        var html = new Html().Raw("<section class=\"page\" id=\"data-quality\">").Element("h2", $"{number}、附录一 数据质量");
        html.Element("p", "每个输入文件的每一行或载入数据仓库,或记录为拒收(附原因);读入行 = 载入行 + 拒收行。");
        TableView.Render(html, loads, "数据载入记录");
        if (rejects.Rows.Count == 0) html.Element("p", "没有被拒收或带警告的输入行。");
        else TableView.Render(html, rejects, "拒收与警告(按原因)");
        html.Element("p", $"数据完整性:{completeness.Rows.Count}个地区×指标序列中,{incomplete.Rows.Count}个序列存在缺失年份(明细见工作簿“数据完整性”表)。");
        html.Raw("</section>");
        return new PackSection("data-quality", $"{number}、附录一 数据质量", html.ToString(), [loads, rejects]);
    }

    public static PackSection Methodology(PackContext context, string number)
    {
        // Scores differ in the third decimal, so they get three (the pack's default is two).
        static string Score(object? v) => v is null ? "—" : Cells.Number(v).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        var scores = TableView.Compose("回测评分", context.Tables.BacktestScores,
        [
            ("方法", c => MethodNames.Chinese(Cells.Text(c("method")))), ("回测截点", c => c("cutoff_year")), ("样本数", c => c("n")),
            ("准确率", c => Score(c("accuracy"))), ("Brier分数", c => Score(c("brier"))), ("对数损失", c => Score(c("log_loss"))),
            ("AUC", c => Score(c("auc"))), ("预测值平均绝对误差", c => Score(c("mae"))), ("默认方法", c => c("is_default")),
        ]);
        var html = new Html().Raw("<section class=\"page\" id=\"methodology\">").Element("h2", $"{number}、附录二 方法说明");
        // The statuses mean what the default method says they mean: UNSD's progress ratio, or the probability of the others.
        string[] definitions = context.DefaultMethod == MethodNames.UnsdCagr
            ?
            [
                "已达成:最新观测值已满足目标。",
                "有望达成:按年均复合增长率外推,(预期值−基期值)/(目标值−基期值) ≥ 0.95。",
                "需加快:上述比值在0.10至0.95之间。",
                "难以达成:上述比值低于0.10(停滞或倒退),或到期实际值未达标。",
                "数据不足:观测值少于2个,不作预测。",
            ]
            :
            [
                "已达成:最新观测值已满足目标。",
                "有望达成:到期预测达标概率不低于70%。",
                "需加快:达标概率在30%至70%之间,需加快进度。",
                "难以达成:达标概率低于30%,或到期实际值未达标。",
                "数据不足:观测值少于2个,不作预测。",
            ];
        html.Element("h3", "状态定义").Raw("<ul>");
        foreach (var d in definitions) html.Element("li", d);
        html.Raw("</ul>");
        html.Element("h3", "预测方法")
            .Raw("<ul>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.UnsdCagr) + ":以基期至最新年份的年均复合增长率外推至期限,按(预期值−基期值)/(目标值−基期值)判断进展。").Raw("</li>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.WeightedTrend) + ":近年权重更高的加权线性回归,给出80%预测区间与达标概率。").Raw("</li>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.Ml) + ":以滚动起点方式在全部序列上训练的梯度提升树分类器,特征仅取自起点之前的数据。").Raw("</li>")
            .Raw("</ul>");
        html.Element("p", $"本报告采用{MethodNames.Chinese(context.DefaultMethod)}:在隐藏截点之后全部数据的回测中,其Brier分数最低。"
            + "区县无单独目标时,比率类指标沿用全市目标;人数、件数等总量指标不对区县套用全市目标。");
        if (scores.Rows.Count == 0) html.Element("p", "尚无到期目标的实际值,未能回测;默认采用时间加权线性趋势法。");
        else TableView.Render(html, scores, "各方法回测评分");
        html.Raw("</section>");
        return new PackSection("methodology", $"{number}、附录二 方法说明", html.ToString(), [scores]);
    }
}
