using System.Globalization;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>评估方法: which values are compared, the verdict rules with the basically-attained tolerance, the 达标率, and the
/// forecast statuses before the deadline. Every label, threshold and rule is generated from the status vocabulary.</summary>
public static class EvaluationMethodSection
{
    public const string Title = "评估方法";

    public static PackSection Build(PackContext context, string number)
    {
        var (baseline, midterm) = EvaluationYears(context.Tables.Parameters);
        var title = $"{number}、{Title}";
        var html = new Html().Raw("<section class=\"page\" id=\"method\">").Element("h2", title);
        html.Element("p", $"本评估以全市各项目标为对象,逐项比较基期值、中期值与终期值:基期值取{baseline}年数据(无该年数据时取最早年份),"
            + $"中期值取最接近{midterm}年的数据,终期值取截至{context.AsOfYear}年的最新数据;区县未单独设目标时,比率类指标沿用全市目标。");
        html.Element("h3", "终期评价(目标期限已到)").Raw("<ul>");
        foreach (var rule in PackStatus.Rules(StatusPhase.Final)) html.Element("li", rule);
        html.Raw("</ul>");
        var basic = StatusVocabulary.Get(StatusVocabulary.Codes.BasicallyAttained);
        html.Element("p", $"{basic.Label}的容差为{StatusVocabulary.Percent(StatusVocabulary.BasicTolerance)}:"
            + "以基期值到目标值的距离为全程,终期值完成的进展占全程的比例不低于"
            + $"{StatusVocabulary.Percent(1 - StatusVocabulary.BasicTolerance)}即为{basic.Label}。");
        var counted = StatusVocabulary.Of(StatusPhase.Final).Where(t => t.CountsAsAttained).Select(t => t.Label);
        var noData = StatusVocabulary.Get(StatusVocabulary.Codes.NoData).Label;
        html.Element("p", $"达标率 = {string.Join("、", counted)}的目标数 ÷ 有终期数据的目标数({noData}的目标不计入分母);"
            + "按全市层面的目标计算,分别给出总体、妇女规划、儿童规划及各领域的达标率。");
        html.Element("h3", "进展预测(目标期限未到)").Raw("<ul>");
        foreach (var rule in ForecastRules(context.DefaultMethod)) html.Element("li", rule);
        html.Raw("</ul>");
        html.Element("p", $"到期前显示预测状态,到期后一律显示终期评价:已到期而未满足目标的,评为{StatusVocabulary.Get(StatusVocabulary.Codes.NotAttained).Label}"
            + "或" + basic.Label + ",不再以达成概率表述。");
        html.Raw("</section>");
        return new PackSection("method", title, html.ToString(), []);
    }

    /// <summary>The forecast statuses' rules as the default method applies them: the vocabulary's P(met) thresholds, or,
    /// for the UNSD method, its progress ratio (the method's own rule, named with the vocabulary's labels).</summary>
    public static IReadOnlyList<string> ForecastRules(string defaultMethod)
    {
        if (defaultMethod != MethodNames.UnsdCagr) return PackStatus.Rules(StatusPhase.Forecast);
        string L(string code) => StatusVocabulary.Get(code).Label;
        string R(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);
        return
        [
            $"{L(StatusVocabulary.Codes.MetSoFar)}:{StatusVocabulary.Get(StatusVocabulary.Codes.MetSoFar).RuleText}。",
            $"{L(StatusVocabulary.Codes.OnTrack)}:按年均复合增长率外推,(预期值−基期值)/(目标值−基期值) ≥ {R(UnsdCagrMethod.OnTrackRatio)}。",
            $"{L(StatusVocabulary.Codes.NeedsAcceleration)}:上述比值在{R(UnsdCagrMethod.StagnationRatio)}至{R(UnsdCagrMethod.OnTrackRatio)}之间。",
            $"{L(StatusVocabulary.Codes.OffTrack)}:上述比值低于{R(UnsdCagrMethod.StagnationRatio)}(停滞或倒退)。",
            $"{L(StatusVocabulary.Codes.InsufficientData)}:{StatusVocabulary.Get(StatusVocabulary.Codes.InsufficientData).RuleText}。",
        ];
    }

    /// <summary>The baseline and mid-term years the attainment view reads (named constants of the warehouse).</summary>
    public static (int Baseline, int Midterm) EvaluationYears(ReportTable parameters)
    {
        int Year(string name) => (int)Cells.Number(TableView.Where(parameters, "name", name).Select(r => r[parameters.Column("value")]).Single());
        return (Year("eval_baseline_year"), Year("eval_midterm_year"));
    }
}
