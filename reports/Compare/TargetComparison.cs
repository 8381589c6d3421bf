using Wcc.Reports.Compare.Matching;
using Wcc.Reports.Compare.Model;

namespace Wcc.Reports.Compare;

/// <summary>Pairs the quantified targets of two notices and reads each pair in its indicator's direction.</summary>
/// <remarks>
/// A target is known by what it measures: the catalogue's indicator when the indicator's name is in the target's
/// subject (城乡幼儿园毛入园率在98%以上 → C_KG_GER), else the subject as written; plus the parser's note (which of two
/// rates) and the unit of measure. Targets are paired inside matched tasks first, then across the notice (a target
/// moved to another task is still the same target); the deadline is not part of the key, since it moves with the cycle.
/// </remarks>
public static class TargetComparison
{
    /// <summary>Compares every target of <paramref name="from"/> and <paramref name="to"/>, in the later notice's order, dropped ones last.</summary>
    public static IReadOnlyList<ComparedTarget> Compare(
        IReadOnlyList<TaskMatch> matches, NoticeSnapshot from, NoticeSnapshot to, IReadOnlyList<IndicatorRef> indicators)
    {
        // Longest name first, so 贫困家庭子女义务教育巩固率 wins over 义务教育巩固率.
        var byName = indicators.Where(i => i.NameZh.Length > 0).OrderByDescending(i => i.NameZh.Length).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
        Keyed Key(SnapshotTask task, SnapshotTarget target)
        {
            var indicator = byName.FirstOrDefault(i => target.Subject.Contains(i.NameZh, StringComparison.Ordinal));
            var subject = Normal(target.Subject.Length > 0 ? target.Subject : target.Phrase);
            var rest = $"|{target.Note}|{target.Unit}";
            return new Keyed(task, target, (indicator?.Code ?? subject) + rest, subject + rest, indicator);
        }
        var fromTargets = from.Tasks.SelectMany(t => t.Targets.Select(g => Key(t, g))).ToList();
        var toTargets = to.Tasks.SelectMany(t => t.Targets.Select(g => Key(t, g))).ToList();
        var pairs = new List<(Keyed From, Keyed To)>();
        var matchedTask = matches.ToDictionary<TaskMatch, SnapshotTask, SnapshotTask>(m => m.To, m => m.From, ReferenceEqualityComparer.Instance);

        void Pair(Func<Keyed, Keyed, bool> allowed)
        {
            foreach (var t in toTargets.Where(t => !pairs.Any(p => ReferenceEquals(p.To, t))).ToList())
            {
                var f = fromTargets.FirstOrDefault(f => allowed(f, t) && !pairs.Any(p => ReferenceEquals(p.From, f)));
                if (f is not null) pairs.Add((f, t));
            }
        }
        bool SameTask(Keyed f, Keyed t) => matchedTask.TryGetValue(t.Task, out var source) && ReferenceEquals(source, f.Task);
        // Same words first (a district's target stays with its district), then the same indicator reworded
        // (保持城乡幼儿园毛入园率 / 城乡幼儿园毛入园率); inside the matched task first, then anywhere.
        Pair((f, t) => SameTask(f, t) && f.Exact == t.Exact);
        Pair((f, t) => SameTask(f, t) && f.Key == t.Key);
        Pair((f, t) => f.Exact == t.Exact);
        Pair((f, t) => f.Key == t.Key);

        var result = new List<ComparedTarget>();
        foreach (var t in toTargets)
        {
            var pair = pairs.FirstOrDefault(p => ReferenceEquals(p.To, t));
            if (pair.From is null)
            {
                result.Add(new ComparedTarget(TargetChange.New, null, null, t.Task, t.Target, t.Indicator?.Code, Direction(t)));
                continue;
            }
            var direction = Direction(pair.From.Indicator is not null ? pair.From : t);
            result.Add(new ComparedTarget(Change(pair.From.Target.Value, t.Target.Value, direction),
                pair.From.Task, pair.From.Target, t.Task, t.Target, (t.Indicator ?? pair.From.Indicator)?.Code, direction));
        }
        foreach (var f in fromTargets.Where(f => !pairs.Any(p => ReferenceEquals(p.From, f))))
        {
            result.Add(new ComparedTarget(TargetChange.Dropped, f.Task, f.Target, null, null, f.Indicator?.Code, Direction(f)));
        }
        return result;
    }

    /// <summary>Raised when the later value is more demanding in <paramref name="direction"/>; with no direction known,
    /// raised means a larger number.</summary>
    public static string Change(double fromValue, double toValue, string? direction)
    {
        if (Math.Abs(toValue - fromValue) <= TargetChange.SameValueTolerance * Math.Max(1, Math.Abs(fromValue))) return TargetChange.CarriedOver;
        var higher = toValue > fromValue;
        return (direction == "lower" ? !higher : higher) ? TargetChange.Raised : TargetChange.Lowered;
    }

    /// <summary>The indicator's direction, else the comparator's: 不少于/以上 (≥) aims higher, 以下/不超过 (≤) lower.</summary>
    private static string? Direction(Keyed k) => k.Indicator?.Direction ?? k.Target.Comparator switch
    {
        ">=" => "higher",
        "<=" => "lower",
        _ => null,
    };

    private static string Normal(string text) => new(text.Where(c => char.IsLetter(c)).ToArray());

    /// <param name="Key">What is measured: the indicator's code, else the subject; with note and unit.</param>
    /// <param name="Exact">The subject as written; with note and unit.</param>
    private sealed record Keyed(SnapshotTask Task, SnapshotTarget Target, string Key, string Exact, IndicatorRef? Indicator);
}
