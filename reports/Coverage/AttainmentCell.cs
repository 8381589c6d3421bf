using Wcc.Reports.Charts;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Coverage;

/// <summary>One cell of the attainment heatmap: its colour class (a verdict, so an unmet target stands out) and its text
/// (达标, or the distance still to go in the indicator's unit; never a ratio that rounds to 1.00 while unmet).</summary>
public static class AttainmentCell
{
    /// <summary>Text of a met target.</summary>
    public const string Met = "达标";

    /// <summary>Text of a series with a single year (no baseline to compare).</summary>
    public const string SingleYear = "单年";

    private static string Attained => StatusVocabulary.Get(StatusVocabulary.Codes.Attained).Label;
    private static string NotAttained => StatusVocabulary.Get(StatusVocabulary.Codes.NotAttained).Label;

    /// <summary>v_coverage_attainment.status, its position in <see cref="Palette.Verdicts"/> and its legend entry; met and
    /// not met are the vocabulary's labels (the same rule decides them: the warehouse's target_met), the rest say how far.</summary>
    public static readonly IReadOnlyList<(string Status, double Value, string Legend)> Classes =
    [
        ("met", 0, Attained),
        ("progressing", 2, $"{NotAttained},有进展"),
        ("regressed", 3, $"{NotAttained},倒退"),
        ("slipped", 3, $"{NotAttained},倒退"),
        ("single_year", 4, "仅一年数据"),
    ];

    /// <summary>The cell's value on <see cref="Palette.Verdicts"/> (0 to 4) for its status.</summary>
    public static double Value(string status) =>
        Classes.FirstOrDefault(c => c.Status == status) is { Status: not null } c ? c.Value
            : throw new ArgumentException($"unknown attainment status '{status}'", nameof(status));

    /// <summary>达标, 单年, or 差 and the distance between the latest value and the target.</summary>
    public static string Label(string status, double target, double latest) => status switch
    {
        "met" => Met,
        "single_year" => SingleYear,
        _ => Gap(Math.Abs(target - latest)),
    };

    /// <summary>A distance written short enough for a heatmap cell: three significant digits, 万 for ten thousands.</summary>
    public static string Gap(double gap)
    {
        var size = Math.Abs(gap);
        if (size >= 10_000) return "差" + CoverageReport.Fmt(gap / 10_000, "0.#") + "万";
        return "差" + CoverageReport.Fmt(gap, size >= 100 ? "0" : size >= 10 ? "0.#" : "0.##");
    }
}
