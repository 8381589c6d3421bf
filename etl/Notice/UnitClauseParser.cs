using System.Text.RegularExpressions;

namespace Wcc.Etl.Notice;

/// <summary>The units a clause names, verbatim and in the order written.</summary>
public sealed record UnitClause(IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible)
{
    /// <summary>A clause naming nobody.</summary>
    public static UnitClause Empty { get; } = new([], []);
}

/// <summary>A task's text split into its body and the unit clause at its end, with the problems met.</summary>
/// <param name="Problems">(warning code, message) pairs; the parser attaches lines and task numbers.</param>
public sealed record ClauseSplit(string Body, UnitClause Units, IReadOnlyList<(string Code, string Message)> Problems);

/// <summary>Reads the trailing unit clause of a task: （牵头单位：A；责任单位：B、C）, （A、B、C负责）, （A、B牵头负责）, （A牵头，B配合）.</summary>
public static partial class UnitClauseParser
{
    private const string Separators = "、，,;；:：。 \u3000";

    /// <summary>Index of the opening bracket of a complete unit clause ending <paramref name="text"/>, or -1.</summary>
    public static int FindClauseStart(string text)
    {
        var t = TrimEnd(text);
        if (t.Length == 0 || !IsClose(t[^1])) return -1;
        var open = MatchingOpen(t, t.Length - 1);
        return open >= 0 && LooksLikeClause(t[(open + 1)..^1]) ? open : -1;
    }

    /// <summary>Splits <paramref name="taskText"/> into body and clause; never throws on malformed input.</summary>
    public static ClauseSplit Split(string taskText)
    {
        var problems = new List<(string, string)>();
        var t = TrimEnd(taskText);
        if (t.Length > 0 && IsClose(t[^1]))
        {
            var open = MatchingOpen(t, t.Length - 1);
            if (open >= 0)
            {
                var content = t[(open + 1)..^1];
                if (LooksLikeClause(content)) return new ClauseSplit(t[..open].TrimEnd(), Parse(content, problems), problems);
            }
            else
            {
                // A closing bracket without its opening one: the clause starts at its first label.
                var start = FirstLabel(t);
                if (start >= 0)
                {
                    problems.Add((NoticeWarningCodes.UnbalancedBracket, $"unit clause has a closing bracket but no opening one: {t[start..]}"));
                    return new ClauseSplit(t[..start].TrimEnd(), Parse(t[start..^1], problems), problems);
                }
            }
        }
        else
        {
            var open = t.LastIndexOfAny(['(', '（']);
            if (open >= 0 && LooksLikeClause(t[(open + 1)..]))
            {
                problems.Add((NoticeWarningCodes.UnbalancedBracket, $"unit clause is not closed: {t[open..]}"));
                return new ClauseSplit(t[..open].TrimEnd(), Parse(t[(open + 1)..], problems), problems);
            }
        }
        problems.Add((NoticeWarningCodes.NoUnitClause, "task has no unit clause (牵头单位/责任单位) at its end"));
        return new ClauseSplit(t, UnitClause.Empty, problems);
    }

    /// <summary>Parses the inside of a clause (without brackets).</summary>
    public static UnitClause Parse(string content, List<(string Code, string Message)> problems)
    {
        var lead = new List<string>();
        var responsible = new List<string>();
        var labels = LabelPattern().Matches(content);
        if (labels.Count > 0)
        {
            var before = content[..labels[0].Index].Trim(Separators.ToCharArray());
            if (before.Length > 0) problems.Add((NoticeWarningCodes.UnreadableClause, $"text before the first label ignored: {before}"));
            for (var i = 0; i < labels.Count; i++)
            {
                var end = i + 1 < labels.Count ? labels[i + 1].Index : content.Length;
                var segment = content[(labels[i].Index + labels[i].Length)..end];
                var units = SplitUnits(segment);
                if (units.Count == 0) problems.Add((NoticeWarningCodes.EmptyClause, $"{labels[i].Groups["label"].Value} names no unit"));
                (labels[i].Groups["label"].Value.StartsWith("牵头", StringComparison.Ordinal) ? lead : responsible).AddRange(units);
            }
        }
        else
        {
            ParseUnlabelled(TrimEnd(content.Trim()), lead, responsible, problems);
        }
        if (lead.Count + responsible.Count == 0 && !problems.Any(p => p.Code == NoticeWarningCodes.EmptyClause))
        {
            problems.Add((NoticeWarningCodes.EmptyClause, $"unit clause names no unit: ({content})"));
        }
        return new UnitClause(Distinct(lead, "lead", problems), Distinct(responsible, "responsible", problems));
    }

    private static void ParseUnlabelled(string content, List<string> lead, List<string> responsible, List<(string, string)> problems)
    {
        Match m;
        if ((m = LeadThenOthersPattern().Match(content)).Success)
        {
            // （A牵头，B、C配合）
            lead.AddRange(SplitUnits(m.Groups["lead"].Value));
            responsible.AddRange(SplitUnits(m.Groups["rest"].Value));
        }
        else if ((m = CoLeadPattern().Match(content)).Success)
        {
            // （A、B牵头负责）/（A、B牵头）: every unit listed leads.
            lead.AddRange(SplitUnits(m.Groups["units"].Value));
        }
        else if ((m = ResponsiblePattern().Match(content)).Success)
        {
            // （A、B、C负责）: the first unit listed leads, the rest are responsible.
            var units = SplitUnits(m.Groups["units"].Value);
            lead.AddRange(units.Take(1));
            responsible.AddRange(units.Skip(1));
        }
        else
        {
            problems.Add((NoticeWarningCodes.UnreadableClause, $"unit clause not understood: ({content})"));
        }
    }

    private static List<string> Distinct(List<string> units, string role, List<(string, string)> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var u in units)
        {
            if (seen.Add(u)) kept.Add(u);
            else problems.Add((NoticeWarningCodes.DuplicateUnit, $"{u} listed twice as {role}; kept once"));
        }
        return kept;
    }

    private static List<string> SplitUnits(string segment) =>
        segment.Split(Separators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool LooksLikeClause(string content) =>
        LabelPattern().IsMatch(content) || UnlabelledPattern().IsMatch(TrimEnd(content.Trim()));

    private static int FirstLabel(string text)
    {
        var m = LabelPattern().Match(text);
        return m.Success ? m.Index : -1;
    }

    private static int MatchingOpen(string text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (IsClose(text[i])) depth++;
            else if (text[i] is '(' or '（' && --depth == 0) return i;
        }
        return -1;
    }

    private static bool IsClose(char c) => c is ')' or '）';

    private static string TrimEnd(string text) => text.TrimEnd().TrimEnd('。', '.', '；', ';').TrimEnd();

    [GeneratedRegex("(?<label>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|协办部门|参与单位|参与部门)\\s*[:：]?")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("(牵头|负责|配合|协办|参与)$")]
    private static partial Regex UnlabelledPattern();

    [GeneratedRegex("^(?<lead>[^，,；;]+?)牵头[，,；;、\\s]*(?<rest>.+?)(配合|参与|协办|负责)$")]
    private static partial Regex LeadThenOthersPattern();

    [GeneratedRegex("^(?<units>.+?)牵头(负责)?$")]
    private static partial Regex CoLeadPattern();

    [GeneratedRegex("^(?<units>.+?)负责$")]
    private static partial Regex ResponsiblePattern();
}
