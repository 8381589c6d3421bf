using System.Globalization;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Model;
using Wcc.Notice;

namespace Wcc.Analytics.Planning.Draft;

/// <summary>Writes a proposed target as a sentence the notice parser reads back to the same target: 到2025年，…达到99%以上。</summary>
public static class DraftPhrase
{
    private const string PerYearSuffix = "/年";

    /// <summary>The sentence, or null when the indicator's unit has no form the parser reads (then the target stays out of the text);
    /// <paramref name="areaName"/> (a district's target) is written before the indicator, so the sentence does not read as city-wide.</summary>
    public static string? Write(PlanIndicator indicator, PlanTarget target, int periodEndYear, string? areaName = null)
    {
        var unit = indicator.Unit;
        var perYear = unit.EndsWith(PerYearSuffix, StringComparison.Ordinal);
        if (perYear) unit = unit[..^PerYearSuffix.Length];
        // 1/10万 is written 18/10万, the way the parser reads per-100k rates.
        if (unit.StartsWith("1/", StringComparison.Ordinal)) unit = unit[1..];
        var value = target.Value.ToString("0.##########", CultureInfo.InvariantCulture);
        var (verb, suffix) = target.Comparator switch
        {
            Comparator.AtLeast => ("达到", "以上"),
            Comparator.AtMost => ("控制在", "以下"),
            _ => ("为", ""),
        };
        var phrase = $"到{target.Deadline}年，{areaName}{indicator.NameZh}{(perYear ? "每年" : "")}{verb}{value}{unit}{suffix}。";
        return ReadsBack(phrase, target, periodEndYear) ? phrase : null;
    }

    /// <summary>Appends a target sentence to task text, closing the text's last sentence first.</summary>
    public static string Append(string text, string phrase) =>
        text.Length == 0 || "。！？；".Contains(text[^1]) ? text + phrase : text + "。" + phrase;

    private static bool ReadsBack(string phrase, PlanTarget target, int periodEndYear)
    {
        var read = TargetPhraseExtractor.Extract(phrase, periodEndYear);
        return read.Count == 1
            && TargetSpec.ParseComparator(read[0].Comparator) == target.Comparator
            && Math.Abs(read[0].Value - target.Value) <= 1e-9 * Math.Max(1, Math.Abs(target.Value))
            && read[0].Deadline == target.Deadline;
    }
}
