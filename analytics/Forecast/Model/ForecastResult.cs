using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Forecast.Model;

/// <summary>Whether a target will be met; the labels, order and thresholds are the status vocabulary's (StatusVocabulary).</summary>
public enum ForecastStatus
{
    /// <summary>The latest value already meets the target (vocabulary code met_so_far).</summary>
    Met,

    /// <summary>On track (on_track).</summary>
    OnTrack,

    /// <summary>Some progress, not enough (needs_acceleration).</summary>
    NeedsAcceleration,

    /// <summary>Stagnating or regressing (off_track).</summary>
    OffTrack,

    /// <summary>Fewer than two observations, no guess made (insufficient_data).</summary>
    InsufficientData,
}

/// <summary>Chinese labels of <see cref="ForecastStatus"/>: read from the one vocabulary.</summary>
public static class ForecastStatusText
{
    /// <summary>The vocabulary code of a status.</summary>
    public static string Code(this ForecastStatus status) => status switch
    {
        ForecastStatus.Met => StatusVocabulary.Codes.MetSoFar,
        ForecastStatus.OnTrack => StatusVocabulary.Codes.OnTrack,
        ForecastStatus.NeedsAcceleration => StatusVocabulary.Codes.NeedsAcceleration,
        ForecastStatus.OffTrack => StatusVocabulary.Codes.OffTrack,
        _ => StatusVocabulary.Codes.InsufficientData,
    };

    /// <summary>The label stored in fact_forecast.status.</summary>
    public static string Label(this ForecastStatus status) => StatusVocabulary.Get(status.Code()).Label;
}

/// <summary>The forecast names of the three methods, as stored in fact_forecast.method.</summary>
public static class MethodNames
{
    /// <summary>UNSD Progress Chart rule (CAGR extrapolation).</summary>
    public const string UnsdCagr = "unsd_cagr";

    /// <summary>Time-weighted linear trend (ESCAP/UNECE style).</summary>
    public const string WeightedTrend = "weighted_trend";

    /// <summary>Gradient-boosted classifier trained by rolling origin.</summary>
    public const string Ml = "ml";

    /// <summary>Equal-weight mixture of the three methods' distributions.</summary>
    public const string Combined = "combined";

    /// <summary>What the ml method records when it had too little training data.</summary>
    public const string MlFallback = "weighted_trend_calibrated";

    /// <summary>All methods, in report order.</summary>
    public static readonly IReadOnlyList<string> All = [UnsdCagr, WeightedTrend, Ml, Combined];

    /// <summary>The method's name for Chinese readers (no internal code: reports are read by people, the code is in the tables' method column).</summary>
    public static string Chinese(string method) => method switch
    {
        UnsdCagr => "联合国统计司年均复合增长率法",
        WeightedTrend => "时间加权线性趋势法",
        Ml => "机器学习梯度提升树",
        MlFallback => "校准加权趋势法(机器学习训练样本不够时的替代)",
        Combined => "三种方法等权组合",
        _ => method,
    };

    /// <summary>A short Chinese name without the code, for table columns and chart legends where the full name does not fit.</summary>
    public static string ShortChinese(string method) => method switch
    {
        UnsdCagr => "复合增长率法",
        WeightedTrend => "加权趋势法",
        Ml => "机器学习",
        MlFallback => "校准加权趋势法",
        Combined => "等权组合",
        _ => method,
    };
}

/// <summary>The outcome of one method on one case.</summary>
/// <param name="Method">Requested method name.</param>
/// <param name="MethodUsed">Method actually applied (differs when ml falls back, or when a past deadline was read off the data).</param>
/// <param name="ProjectedValue">Projection at the deadline (null when data are insufficient).</param>
/// <param name="Lower">Lower end of the 80% interval.</param>
/// <param name="Upper">Upper end of the 80% interval.</param>
/// <param name="PMet">Probability the target is met at the deadline.</param>
/// <param name="Distribution">The predictive distribution all of them were read from (null when data are insufficient).</param>
/// <param name="IntervalScale">Rolling-origin calibration factor applied to the spread (1 = none).</param>
public sealed record ForecastResult(
    ForecastCase Case,
    string Method,
    string MethodUsed,
    double? ProjectedValue,
    double? Lower,
    double? Upper,
    double? PMet,
    ForecastStatus Status,
    string Reason,
    Stats.PredictiveDistribution? Distribution = null,
    double IntervalScale = 1,
    Stats.PredictiveDistribution? Uncalibrated = null);
