using Wcc.Analytics.Forecast.Model;
using Wcc.Notice;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The appendices: data quality (sources, loads, rejects, completeness) and methodology (definitions, methods, backtest).</summary>
public static class Appendices
{
    public static PackSection DataQuality(PackContext context, string number, SheetTable completeness)
    {
        // People read what was loaded, not the job or file names (those stay in the warehouse's load log).
        var loads = TableView.Compose("数据载入记录", context.Tables.Loads,
        [
            ("批次", c => c("load_id")), ("数据内容", c => LoadContent(Cells.Text(c("job")))),
            ("文件校验码(SHA-256前12位)", c => c("sha256_prefix")),
            ("读入行", c => c("rows_in")), ("载入行", c => c("rows_loaded")), ("拒收行", c => c("rows_rejected")), ("警告行", c => c("rows_warned")),
        ]);
        var rejects = TableView.Compose("拒收原因", context.Tables.Rejects,
        [
            ("批次", c => c("load_id")), ("级别", c => Cells.Text(c("severity")) == "warning" ? "警告" : "拒收"), ("原因", c => c("reason_zh")),
            ("行数", c => c("n")), ("首次出现行", c => c("first_line")), ("示例", c => c("example_reason")), ("处理办法", c => c("action_zh")),
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

    /// <summary>What a load brought into the warehouse, in Chinese, by its job (<c>etl_run.job</c>).</summary>
    public static string LoadContent(string job) => LoadJobs.ContentLabel(job);

    public static PackSection Methodology(PackContext context, string number)
    {
        // Scores differ in the third decimal, so they get three (the pack's default is two).
        static PackValue Score(object? v) => PackValue.Fixed(v, 3);
        // The workbook sheet holds every column; the page shows scores and interval calibration as two narrower tables.
        var scores = TableView.Compose("回测评分", context.Tables.BacktestScores,
        [
            ("方法", c => MethodNames.Chinese(Cells.Text(c("method")))), ("回测截点", c => c("cutoff_year")), ("样本数", c => c("n")),
            ("准确率", c => Score(c("accuracy"))), ("Brier分数", c => Score(c("brier"))), ("对数损失", c => Score(c("log_loss"))),
            ("AUC", c => Score(c("auc"))), ("预测值平均绝对误差", c => Score(c("mae"))),
            ("80%区间覆盖率", c => Score(c("coverage_80"))), ("校准前覆盖率", c => Score(c("coverage_80_uncalibrated"))),
            ("区间缩放系数(1/2/3/4/5+年)", c => c("interval_scales")), ("默认方法", c => c("is_default")),
        ]);
        var reliability = TableView.Compose("可靠性表", context.Tables.BacktestReliability,
        [
            ("方法", c => MethodNames.Chinese(Cells.Text(c("method")))),
            ("预测达标概率分组", c => $"{Cells.Number(c("p_from")):0.0}-{Cells.Number(c("p_to")):0.0}"), ("预测数", c => c("n")),
            ("平均预测概率", c => Score(c("mean_p_met"))), ("实际达标比例", c => Score(c("share_met"))),
        ]);
        var html = new Html().Raw("<section class=\"page\" id=\"methodology\">").Element("h2", $"{number}、附录二 方法说明");
        // The statuses mean what the default method says they mean: UNSD's progress ratio, or the probability of the
        // others; labels, thresholds and the verdict rules all come from the status vocabulary.
        html.Element("h3", "状态定义").Raw("<ul>");
        foreach (var d in EvaluationMethodSection.ForecastRules(context.DefaultMethod)) html.Element("li", d);
        html.Raw("</ul>");
        html.Element("h3", "预测方法")
            .Raw("<ul>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.UnsdCagr) + ":以基期至最新年份的年均复合增长率外推至期限,按(预期值−基期值)/(目标值−基期值)判断进展。").Raw("</li>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.WeightedTrend) + ":近年权重更高的加权线性回归,给出80%预测区间与达标概率。").Raw("</li>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.Ml) + ":以滚动起点方式在全部序列上训练的梯度提升树分类器,特征仅取自起点之前的数据,"
                + "并以两种基准方法的预测值、达标概率和所需年均进度为特征;其预测分布为加权趋势的分布平移至分类器给出的达标概率(最多平移半个80%区间)。").Raw("</li>")
            .Raw("<li>").Text(MethodNames.Chinese(MethodNames.Combined) + ":以上三种方法(区间校准后)预测分布的等权混合,达标概率为三者的平均,预测值与区间取混合分布的分位数。").Raw("</li>")
            .Raw("</ul>");
        html.Element("h3", "预测分布与指标变换")
            .Element("p", "每个序列、每种方法只有一个预测分布:预测值取其中位数,80%区间取其10%与90%分位数,达标概率取其满足目标的概率,三者不会互相矛盾。"
                + "分布建立在按指标类型变换后的尺度上,反变换后截断于指标的上下界,预测值与区间不会越界:")
            .Raw("<ul>")
            .Raw("<li>").Text("百分比(比例,0-100%):logit变换 z = ln((x+25)/(125−x)),仅在接近0或100%时弯曲;到达100%的观测值仍可表示。").Raw("</li>")
            .Raw("<li>").Text("死亡率等‰、1/10万比率:对数变换 z = ln(x+0.01),下降按比例延续,永不降到0以下。").Raw("</li>")
            .Raw("<li>").Text("人数、件数等计数:对数变换 z = ln(x+1),不会出现负数。").Raw("</li>")
            .Raw("<li>").Text("其他指标:不变换。").Raw("</li>")
            .Raw("</ul>");
        html.Element("p", $"本报告采用{MethodNames.Chinese(context.DefaultMethod)}:在隐藏截点之后全部数据的回测中,其Brier分数最低(组合方法同样参与比较)。"
            + "区县无单独目标时,比率类指标沿用全市目标;人数、件数等总量指标不对区县套用全市目标。");
        context.Backtests.Render(html, context.DefaultMethod);
        html.Raw("</section>");
        return new PackSection("methodology", $"{number}、附录二 方法说明", html.ToString(), [scores, reliability, context.Backtests.ScoreTable, context.Backtests.ReliabilityTable]);
    }
}
