using System.Text.RegularExpressions;
using Wcc.Warehouse.Schema;

namespace Wcc.Notice;

/// <summary>Finds quantified targets in task text: 不少于6万人, 在98%以上, 达95%, 全覆盖, 每年至少1-2次, 100%的立案率、查处率.</summary>
/// <remarks>
/// A number counts as a target only when something says how it binds: a comparator anywhere earlier in its
/// clause (不少于, 达到, 控制在 …), a suffix (以上, 以下), a counting verb right before it (建立1个, 办好10件),
/// or a percentage (a stated rate). Plain numbers (15分钟文化圈, 2020年) are not targets.
/// </remarks>
public static partial class TargetPhraseExtractor
{
    /// <summary>Value a coverage phrase (全覆盖) stands for, in percent.</summary>
    public const double FullCoveragePercent = 100;

    private const string AtLeast = ">=";
    private const string AtMost = "<=";
    private const string Equal = "=";

    private static readonly HashSet<string> Classifiers = ["个", "件", "项", "所", "家", "处", "场"];

    /// <summary>The targets in <paramref name="text"/>, in reading order.</summary>
    /// <param name="periodEndYear">Deadline of a target whose sentence names no year.</param>
    /// <param name="documentYear">The year the notice was issued: "5年内" in its text means by that year + 5.</param>
    public static IReadOnlyList<TaskTarget> Extract(string text, int periodEndYear, int? documentYear = null)
    {
        var targets = new List<TaskTarget>();
        foreach (var sentence in SentencePattern().Matches(text).Select(m => m.Value))
        {
            var deadline = Deadline(sentence) ?? WithinYears(sentence, documentYear) ?? periodEndYear;
            foreach (var clause in ClausePattern().Matches(sentence).Select(m => m.Value))
            {
                var found = new List<(int Index, TaskTarget Target)>();
                foreach (Match m in QuantityPattern().Matches(clause)) found.AddRange(FromQuantity(clause, m, deadline).Select(t => (m.Index, t)));
                foreach (Match m in CoveragePattern().Matches(clause))
                {
                    found.Add((m.Index, new TaskTarget(AtLeast, FullCoveragePercent, "%", deadline, m.Value, "全覆盖: 覆盖率100%")));
                }
                targets.AddRange(found.OrderBy(f => f.Index).Select(f => f.Target));
            }
        }
        return targets;
    }

    private static IEnumerable<TaskTarget> FromQuantity(string clause, Match m, int deadline)
    {
        var value = ChineseNumber.TryParse(m.Groups["n1"].Value);
        if (value is null) yield break;
        var unit = m.Groups["unit"].Value.Replace('％', '%').Replace(" ", "", StringComparison.Ordinal);
        var prefix = clause[..m.Index];
        var after = m.Index + m.Length;
        var suffix = SuffixPattern().Match(clause[after..]);
        var (comparator, phraseStart) = Comparator(prefix, suffix, unit);
        if (comparator is null) yield break;
        after += suffix.Length;

        var isClassifier = Classifiers.Contains(unit);
        var notes = new List<string>();
        if (m.Groups["n2"].Success) notes.Add($"范围{m.Groups["n1"].Value}-{m.Groups["n2"].Value}，取下限");
        var perYear = prefix.LastIndexOf("每年", StringComparison.Ordinal);
        if (perYear >= 0)
        {
            unit += "/年";
            phraseStart = Math.Min(phraseStart, perYear);
        }

        var rates = RatesPattern().Match(clause[after..]);
        if (rates.Success && unit == "%")
        {
            // 100%的立案率、查处率: one target per rate named.
            var phrase = clause[phraseStart..(after + rates.Length)];
            foreach (var rate in rates.Groups["rates"].Value.Split(['、', '和', '及', '与']))
            {
                yield return new TaskTarget(comparator, value.Value, unit, deadline, phrase, Note(notes.Append(rate)));
            }
            yield break;
        }
        if (isClassifier)
        {
            after += ObjectPattern().Match(clause[after..]).Length;
        }
        yield return new TaskTarget(comparator, value.Value, unit, deadline, clause[phraseStart..after], Note(notes));
    }

    /// <summary>The comparator binding a number and where its phrase starts; null when nothing binds it.</summary>
    private static (string? Comparator, int Start) Comparator(string prefix, Match suffix, string unit)
    {
        var start = prefix.Length;
        var trimmed = prefix.TrimEnd();
        if (trimmed.EndsWith('在')) start = trimmed.Length - 1;
        var strong = StrongPattern().Matches(prefix).LastOrDefault();
        if (strong is not null) start = Math.Min(start, strong.Index);
        if (suffix.Success) return (suffix.Groups["le"].Success ? AtMost : AtLeast, start);
        if (strong is not null) return (strong.Groups["ge"].Success ? AtLeast : AtMost, start);
        var weak = WeakPattern().Match(trimmed);
        if (weak.Success) return (weak.Groups["eq"].Success ? Equal : AtLeast, weak.Index);
        return unit is "%" or "‰" ? (Equal, start) : (null, start);
    }

    private static int? Deadline(string sentence)
    {
        var years = ByYearPattern().Matches(sentence).Concat(YearPattern().Matches(sentence))
            .Select(m => ChineseNumber.ParseInt(m.Groups["year"].Value))
            // \d{4}年 in a sentence is a deadline only when it is a year the warehouse can hold.
            .Where(WarehouseYears.Contains);
        return years.Cast<int?>().FirstOrDefault();
    }

    /// <summary>"5年内", "三年内": a deadline counted from the year the notice was issued; null without that year.</summary>
    private static int? WithinYears(string sentence, int? documentYear)
    {
        if (documentYear is null) return null;
        var m = WithinYearsPattern().Match(sentence);
        if (!m.Success) return null;
        var years = ChineseNumber.TryParse(m.Groups["n"].Value);
        if (years is null or < 1) return null;
        var year = documentYear.Value + (int)years.Value;
        return WarehouseYears.Contains(year) ? year : null;
    }

    private static string? Note(IEnumerable<string> notes)
    {
        var text = string.Join("；", notes);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("[^。！？!?；;]+")]
    private static partial Regex SentencePattern();

    [GeneratedRegex("[^，,：:]+")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"(?<![\d.．])(?<n1>\d+(?:[.．]\d+)?(?:\s*[万千亿])?|[零〇一二两三四五六七八九十百千万亿]+)(?:\s*[-－—~～至]\s*(?<n2>\d+(?:[.．]\d+)?|[零〇一二两三四五六七八九十百千万亿]+))?\s*(?<unit>/\s*(?:10)?万|个百分点|人次|%|％|‰|人|次|件|个|所|家|名|户|项|处|场)")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^\s*(?:(?<ge>及以上|以上)|(?<le>及以下|以下|以内))")]
    private static partial Regex SuffixPattern();

    [GeneratedRegex("(?<ge>不少于|不低于|不小于|至少|达到|超过|高于|大于|提高到|提高至|提升到|提升至|增加到|增至|达)|(?<le>不超过|不高于|不大于|低于|少于|小于|控制在|控制到|降低到|降低至|下降到|下降至|降到|降至)")]
    private static partial Regex StrongPattern();

    [GeneratedRegex("(?:(?<eq>等于|为|是)|建立|建成|建设|新建|创建|办好|举办|培训|培育|培养|资助|救助|帮扶|完成|新增|增加|开展|实现|打造)\\s*$")]
    private static partial Regex WeakPattern();

    [GeneratedRegex(@"^的?(?<rates>[\u4e00-\u9fa5]{1,10}?率(?:[、和及与][\u4e00-\u9fa5]{1,10}?率)*)")]
    private static partial Regex RatesPattern();

    // The object after a classifier (10件实事, 1个儿童活动阵地), at most 8 characters.
    [GeneratedRegex(@"^[\u4e00-\u9fa5]{1,8}")]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"(?:实现[\u4e00-\u9fa5]{0,6}?)?全覆盖")]
    private static partial Regex CoveragePattern();

    [GeneratedRegex(@"(?<n>\d{1,2}|[一二三四五六七八九十]{1,2})\s*年(?:以)?内")]
    private static partial Regex WithinYearsPattern();

    [GeneratedRegex(@"[到至于]\s*(?<year>\d{4})\s*年")]
    private static partial Regex ByYearPattern();

    [GeneratedRegex(@"(?<![\d\-－—~～])(?<year>\d{4})\s*年")]
    private static partial Regex YearPattern();
}
