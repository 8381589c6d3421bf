using System.Globalization;
using DuckDB.NET.Data;
using Wcc.Analytics.Forecast;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Warehouse.Schema;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The methods appendix's evidence: the selection backtest and its neighbours (cutoffs a year earlier and later), each
/// with every method's Brier score, log loss, 80% interval coverage and reliability table, and a reliability chart.</summary>
/// <remarks>The forecast run computes and stores these backtests (<see cref="NeighbourBacktests"/>); the appendix only reads
/// them back from the pack views, so the pack needs no write access and spends no time backtesting. Scores stored as null
/// (not finite, or nothing scored) read back as NaN, which is how they were computed.</remarks>
public sealed record BacktestAppendix(IReadOnlyList<CutoffBacktest> Backtests)
{
    /// <summary>Chart size: three charts stack on the appendix pages, so each is smaller than a full-width one.</summary>
    private const int ChartWidth = 600, ChartHeight = 330;

    /// <summary>No backtest was possible (no observed deadline by the as-of year).</summary>
    public static BacktestAppendix None { get; } = new([]);

    /// <summary>Reads the backtests stored for <paramref name="asOfYear"/>, in cutoff then method order; a cutoff where no
    /// method scored anything is left out.</summary>
    public static BacktestAppendix Read(DuckDBConnection connection, int asOfYear)
    {
        var bins = new Dictionary<(int Cutoff, string Method), List<ReliabilityBin>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT cutoff_year, method, p_from, p_to, n, mean_p_met, share_met
                FROM v_pack_backtest_cutoff_reliability WHERE as_of_year = $asof ORDER BY cutoff_year, method, bin_no
                """;
            cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = (r.GetInt32(0), r.GetString(1));
                if (!bins.TryGetValue(key, out var list)) bins[key] = list = [];
                list.Add(new ReliabilityBin(r.GetDouble(2), r.GetDouble(3), r.GetInt32(4), Number(r, 5), Number(r, 6)));
            }
        }
        var scores = new List<(int Cutoff, bool IsSelection, MethodScore Score)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT cutoff_year, is_selection, method, n, accuracy, brier, log_loss, auc, mae, coverage_80, coverage_80_uncalibrated, interval_scales
                FROM v_pack_backtest_cutoff_score WHERE as_of_year = $asof
                """;
            cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var (cutoff, method) = (r.GetInt32(0), r.GetString(2));
                scores.Add((cutoff, r.GetBoolean(1), new MethodScore(method, r.GetInt32(3), Number(r, 4), Number(r, 5), Number(r, 6),
                    r.IsDBNull(7) ? null : r.GetDouble(7), Number(r, 8), Number(r, 9), Number(r, 10),
                    r.IsDBNull(11) ? null : Factors(r.GetString(11)), bins.GetValueOrDefault((cutoff, method)) ?? [])));
            }
        }
        var backtests = scores
            .GroupBy(s => (s.Cutoff, s.IsSelection))
            .OrderBy(g => g.Key.Cutoff)
            .Select(g => new CutoffBacktest(g.Key.Cutoff, g.Key.IsSelection,
                g.Select(s => s.Score).OrderBy(s => MethodOrder(s.Method)).ToList()))
            .Where(b => b.Scores.Any(s => s.N > 0))
            .ToList();
        return new BacktestAppendix(backtests);
    }

    private static double Number(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    /// <summary>The stored "1.23/1.00/…" factors (<see cref="IntervalScale"/>'s text) as numbers.</summary>
    private static IReadOnlyList<double> Factors(string text) =>
        text.Split('/').Select(f => double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();

    private static int MethodOrder(string method)
    {
        var i = MethodNames.All.ToList().IndexOf(method);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>Scores of every method at every cutoff (also a workbook sheet).</summary>
    public SheetTable ScoreTable => new("各截点回测评分", ["回测截点", "方法", "样本数", "Brier分数", "对数损失", "80%区间覆盖率", "校准前覆盖率", "缩放系数(1/2/3/4/5+年)", "Brier最低"],
        Backtests.SelectMany(b => b.Scores.Where(s => s.N > 0).Select(s => new object?[]
        {
            b.Cutoff, MethodNames.ShortChinese(s.Method), s.N, Score(s.Brier), Score(s.LogLoss), Score(s.Coverage), Score(s.RawCoverage),
            // "/ " lets a narrow A4 column wrap between factors rather than inside one.
            s.IntervalScale is { } f ? string.Join("/ ", f.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture))) : "—",
            s == Lowest(b) ? "是" : "",
        })).ToList());

    /// <summary>Reliability of every method at every cutoff: mean P(met) → share met (n), one column per P(met) bin (also a workbook sheet).</summary>
    public SheetTable ReliabilityTable
    {
        get
        {
            var bins = Backtests.SelectMany(b => b.Scores).FirstOrDefault(s => s.Reliability is { Count: > 0 })?.Reliability ?? [];
            var headers = new List<string> { "回测截点", "方法" };
            headers.AddRange(bins.Select(x => $"{x.From:0.0}-{x.To:0.0}"));
            var rows = Backtests.SelectMany(b => b.Scores.Where(s => s.N > 0 && s.Reliability is not null).Select(s =>
            {
                var cells = new List<object?> { b.Cutoff, MethodNames.ShortChinese(s.Method) };
                cells.AddRange(s.Reliability!.Select(x => (object?)(x.N == 0 ? "—" : $"{x.MeanPredicted:0.00}→{x.ObservedShare:0.00}({x.N})")));
                return cells.ToArray();
            })).ToList();
            return new SheetTable("各截点可靠性", headers, rows);
        }
    }

    /// <summary>Writes the calibration note, the score table, and per cutoff the reliability chart; the reliability table follows.</summary>
    public void Render(Html html, string defaultMethod)
    {
        html.Element("h3", "回测:评分、区间覆盖率与可靠性")
            .Element("p", "回测做法:隐藏截点之后的全部数据,用截点前的数据预测各目标到期年的值与达标概率,再与到期实际值比较。"
                + "Brier分数与对数损失越低越好;80%区间覆盖率指到期实际值落在80%预测区间内的比例,目标为75%-85%。")
            .Element("p", $"区间校准:在截点前最近{IntervalCalibration.RecentOriginYears}年的滚动起点(每个起点至少{IntervalCalibration.MinOriginPoints}个观测年份)上回测每种方法,"
                + "按预测年限(1、2、3、4、5年及以上)求出使80%区间恰好覆盖80%实际值的缩放系数(分裂共形分位数),再以该系数放大或缩小区间;"
                + "近期起点够不到的较长年限,按已测年限的系数逐年增长趋势外推(不缩小)。校准只用截点之前的数据。");
        if (Backtests.Count == 0)
        {
            html.Element("p", "尚无到期目标的实际值,未能回测;默认采用时间加权线性趋势法。");
            return;
        }
        var cutoffs = string.Join("、", Backtests.Select(b => $"{b.Cutoff}年"));
        html.Element("p", $"下表列出以{cutoffs}为截点的回测。本报告采用的{MethodNames.ShortChinese(defaultMethod)}在各截点的80%区间覆盖率为"
            + string.Join("、", Backtests.Select(b => b.Scores.FirstOrDefault(s => s.Method == defaultMethod) is { N: > 0 } s ? $"{s.Coverage:0.00}({b.Cutoff}年)" : $"—({b.Cutoff}年)"))
            + "。");
        TableView.Render(html, ScoreTable, "各截点、各方法的回测评分与80%区间覆盖率(等权组合混合已校准的三种方法,再按其自身的滚动回测缩放)");
        foreach (var b in Backtests)
        {
            var series = b.Scores.Where(s => s.Reliability is not null)
                .Select(s => (s.Method, (IReadOnlyList<(double X, double Y)>)s.Reliability!.Where(x => x.N > 0).Select(x => (x.MeanPredicted, x.ObservedShare)).ToList()))
                .ToList();
            html.Raw(ReliabilityChart.Figure(series, $"回测可靠性图(截点{b.Cutoff}年)",
                $"以{b.Cutoff}年为截点:各方法的预测达标概率(按0.2分组的平均值)与实际达标比例;点越接近虚线,概率越可信。", MethodNames.ShortChinese, ChartWidth, ChartHeight));
        }
        TableView.Render(html, ReliabilityTable, "可靠性表:按预测达标概率分组,平均预测概率→实际达标比例(预测数)");
    }

    private static MethodScore? Lowest(CutoffBacktest b) => b.Scores.Where(s => s.N > 0 && double.IsFinite(s.Brier)).OrderBy(s => s.Brier).FirstOrDefault();

    // Scores differ in the third decimal, so they get three (the pack's default is two).
    private static string Score(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
