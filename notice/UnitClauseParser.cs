using System.Text.RegularExpressions;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Notice;

/// <summary>The units a clause names, verbatim and in the order written.</summary>
public sealed record UnitClause(IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible)
{
    /// <summary>A clause naming nobody.</summary>
    public static UnitClause Empty { get; } = new([], []);
}

/// <summary>A task's text split into its body and the unit clause at its end, with the problems met.</summary>
/// <param name="Problems">(warning code, message) pairs; the parser attaches lines and task numbers.</param>
public sealed record ClauseSplit(string Body, UnitClause Units, IReadOnlyList<(string Code, string Message)> Problems);

/// <summary>Reads the trailing unit clause of a task: （牵头单位：A；责任单位：B、C）, （A、B、C负责）, （A、B牵头负责）,
/// （A牵头，B配合）, （A会同B负责）, 〔…〕 and 【…】, or labels without brackets (牵头单位：A on a line of its own).</summary>
/// <remarks>
/// A notice may state once that the first unit listed leads ("排在第一位的部门为牵头部门，下同", "列第一位者为牵头单位"):
/// the sentence is never read as a unit, and with it a list of 责任单位 alone has its first unit as lead. Without it the
/// first unit of an unlabelled list (A、B负责) is still taken as lead, as the genre does, but that is a guess and says so.
/// </remarks>
public static partial class UnitClauseParser
{
    private const string Separators = "、，,;；:：。 \u3000";

    /// <summary>How far back from the end of a task a clause is looked for: clauses are a line or two long, and looking
    /// at the whole of a 2 MB task for every label in it would take minutes.</summary>
    public const int ClauseWindow = 4096;

    /// <summary>Names that end a list without being a unit (…等有关部门负责): the list's tail, not an actor.</summary>
    private static readonly HashSet<string> GenericTails = ["有关部门", "相关部门", "有关单位", "相关单位", "其他有关部门", "其他相关部门", "部门", "单位"];

    /// <summary>True when <paramref name="text"/> states that the first unit listed is the lead (the convention holds from there on).</summary>
    public static bool StatesFirstListedLeads(string text) => ConventionPattern().IsMatch(text);

    /// <summary>Index of the opening bracket of a complete bracketed unit clause ending <paramref name="text"/>, or -1.</summary>
    public static int FindClauseStart(string text)
    {
        var t = TrimEnd(text);
        if (t.Length == 0 || !IsClose(t[^1])) return -1;
        var open = MatchingOpen(t, t.Length - 1);
        return open >= 0 && LooksLikeClause(t[(open + 1)..^1]) ? open : -1;
    }

    /// <summary>True when a line starts with a unit label (牵头单位：…, 【责任单位】…): an annotation on a line of its own.</summary>
    public static bool StartsWithLabel(string line) => LeadingLabelPattern().IsMatch(line.Trim());

    /// <summary>True when <paramref name="text"/> ends with a unit clause, bracketed or not.</summary>
    public static bool EndsWithClause(string text) => FindClauseStart(text) >= 0 || UnbracketedClauseStart(TrimEnd(text)) >= 0;

    /// <summary>Splits <paramref name="taskText"/> into body and clause; never throws on malformed input.</summary>
    /// <param name="firstListedLeads">The notice has stated that the first unit listed leads.</param>
    public static ClauseSplit Split(string taskText, bool firstListedLeads = false)
    {
        var problems = new List<(string, string)>();
        var t = TrimEnd(taskText);
        if (t.Length > 0 && IsClose(t[^1]))
        {
            var open = MatchingOpen(t, t.Length - 1);
            if (open >= 0)
            {
                var content = t[(open + 1)..^1];
                if (LooksLikeClause(content)) return new ClauseSplit(t[..open].TrimEnd(), Parse(content, problems, firstListedLeads), problems);
            }
            else
            {
                // A closing bracket without its opening one: the clause starts at its first label.
                var start = FirstLabel(t);
                if (start >= 0)
                {
                    problems.Add((NoticeWarningCodes.UnbalancedBracket, $"unit clause has a closing bracket but no opening one: {t[start..]}"));
                    return new ClauseSplit(t[..start].TrimEnd(), Parse(t[start..^1], problems, firstListedLeads), problems);
                }
            }
        }
        else
        {
            // 【 is left out: 【牵头单位】A【责任单位】B is a clause of labels without brackets, read below.
            var open = t.LastIndexOfAny(['(', '（', '〔', '[', '［']);
            if (open >= 0 && LooksLikeClause(t[(open + 1)..]))
            {
                problems.Add((NoticeWarningCodes.UnbalancedBracket, $"unit clause is not closed: {t[open..]}"));
                return new ClauseSplit(t[..open].TrimEnd(), Parse(t[(open + 1)..], problems, firstListedLeads), problems);
            }
        }
        var bare = UnbracketedClauseStart(t);
        if (bare >= 0) return new ClauseSplit(t[..bare].TrimEnd(), Parse(t[bare..], problems, firstListedLeads), problems);
        problems.Add((NoticeWarningCodes.NoUnitClause, "task has no unit clause (牵头单位/责任单位) at its end"));
        return new ClauseSplit(t, UnitClause.Empty, problems);
    }

    /// <summary>Parses the inside of a clause (without brackets).</summary>
    public static UnitClause Parse(string content, List<(string Code, string Message)> problems, bool firstListedLeads = false)
    {
        var lead = new List<string>();
        var responsible = new List<string>();
        // The convention sentence is the notice speaking about its clauses, never a unit.
        content = ConventionPattern().Replace(content, "");
        var labels = LabelPattern().Matches(content);
        if (labels.Count > 0)
        {
            var before = content[..labels[0].Index].Trim(Separators.ToCharArray());
            if (before.Length > 0) problems.Add((NoticeWarningCodes.UnreadableClause, $"text before the first label ignored: {before}"));
            for (var i = 0; i < labels.Count; i++)
            {
                var end = i + 1 < labels.Count ? labels[i + 1].Index : content.Length;
                var units = SplitUnits(UnitList(content[(labels[i].Index + labels[i].Length)..end]));
                if (units.Count == 0) problems.Add((NoticeWarningCodes.EmptyClause, $"{labels[i].Groups["label"].Value} names no unit"));
                (IsLeadLabel(labels[i].Groups["label"].Value) ? lead : responsible).AddRange(units);
            }
            if (lead.Count == 0 && responsible.Count > 0 && firstListedLeads)
            {
                // 责任单位 alone, under a stated "列第一位者为牵头单位": its first unit leads.
                lead.Add(responsible[0]);
                responsible.RemoveAt(0);
            }
        }
        else
        {
            ParseUnlabelled(StripTimeTail(TrimEnd(content.Trim())), lead, responsible, problems, firstListedLeads);
        }
        if (lead.Count + responsible.Count == 0 && !problems.Any(p => p.Code == NoticeWarningCodes.EmptyClause))
        {
            problems.Add((NoticeWarningCodes.EmptyClause, $"unit clause names no unit: ({content})"));
        }
        return new UnitClause(Distinct(lead, RoleVocabulary.Codes.Lead, problems), Distinct(responsible, RoleVocabulary.Codes.Responsible, problems));
    }

    /// <summary>Splits a list of unit names: 、，; separate them (not inside brackets: 各县(市、区)人民政府 is one actor);
    /// a tail of 等/等有关部门 is dropped, "…等和各省级人民政府" gives the generic group as one more actor, and a verb
    /// ending the list (按职责分工负责) is not part of the last name.</summary>
    public static List<string> SplitUnits(string segment)
    {
        segment = ListEndPattern().Replace(segment.Trim(), "");
        var units = new List<string>();
        foreach (var token in SplitOutsideBrackets(segment))
        {
            foreach (var part in SplitGroupJoin(token))
            {
                var name = EtcTailPattern().Replace(part, "").Trim();
                if (name.Length > 0 && !GenericTails.Contains(name)) units.Add(name);
            }
        }
        return units;
    }

    private static void ParseUnlabelled(string content, List<string> lead, List<string> responsible, List<(string, string)> problems, bool firstListedLeads)
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
        else if ((m = JointlyPattern().Match(content)).Success)
        {
            // （A会同B负责）, （A会同有关部门负责）: A leads, B (when named) is responsible.
            lead.AddRange(SplitUnits(m.Groups["lead"].Value));
            responsible.AddRange(SplitUnits(m.Groups["rest"].Value));
        }
        else if ((m = ResponsiblePattern().Match(content)).Success)
        {
            // （A、B、C负责）: the first unit listed leads, the rest are responsible.
            var units = SplitUnits(m.Groups["units"].Value);
            lead.AddRange(units.Take(1));
            responsible.AddRange(units.Skip(1));
            if (units.Count > 1 && !firstListedLeads)
            {
                problems.Add((NoticeWarningCodes.GuessedLead,
                    $"({content}) names no lead; the first unit listed, {units[0]}, is taken as lead (the notice does not say 列第一位者为牵头单位)"));
            }
        }
        else
        {
            problems.Add((NoticeWarningCodes.UnreadableClause, $"unit clause not understood: ({content})"));
        }
    }

    /// <summary>A label's units end at the first full stop: what follows is a note (具体任务…不再做分工，下同。).</summary>
    private static string UnitList(string segment)
    {
        var stop = segment.IndexOf('。');
        return stop >= 0 ? segment[..stop] : segment;
    }

    /// <summary>"…负责，年内持续推进": the time after the verb is the task's deadline, not part of the clause's grammar.</summary>
    private static string StripTimeTail(string content)
    {
        var m = TimeTailPattern().Match(content);
        return m.Success ? content[..m.Index] : content;
    }

    private static IEnumerable<string> SplitOutsideBrackets(string segment)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (IsOpen(c)) depth++;
            else if (IsClose(c) && depth > 0) depth--;
            else if (depth == 0 && Separators.Contains(c))
            {
                if (i > start) yield return segment[start..i].Trim();
                start = i + 1;
            }
        }
        if (start < segment.Length) yield return segment[start..].Trim();
    }

    /// <summary>"财政部等和各省级人民政府", "市级各有关部门及各县市区政府": two actors, the second a generic group kept whole.</summary>
    private static IEnumerable<string> SplitGroupJoin(string token)
    {
        var m = GroupJoinPattern().Match(token);
        if (!m.Success || token.StartsWith('各')) return [token];
        return [token[..m.Index], token[(m.Index + m.Length)..]];
    }

    /// <summary>牵头…, 主要责任…, 主责…, 主办… lead; 主要协作单位 does not (主要 alone says nothing of the role).</summary>
    private static bool IsLeadLabel(string label) =>
        label.StartsWith("牵头", StringComparison.Ordinal) || label.StartsWith("主要责任", StringComparison.Ordinal)
        || label.StartsWith("主责", StringComparison.Ordinal) || label.StartsWith("主办", StringComparison.Ordinal);

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

    private static bool LooksLikeClause(string content)
    {
        content = ConventionPattern().Replace(content, "");
        return LabelPattern().IsMatch(content) || UnlabelledPattern().IsMatch(StripTimeTail(TrimEnd(content.Trim())));
    }

    /// <summary>Start of a clause of labels without brackets ending the text (…。牵头单位：A责任单位：B), or -1.</summary>
    private static int UnbracketedClauseStart(string text)
    {
        var from = Math.Max(0, text.Length - ClauseWindow);
        foreach (Match m in BareLabelPattern().Matches(text, from))
        {
            var rest = text[m.Index..];
            // The clause is the labels and their units: no sentence ends inside it.
            if (rest.IndexOf('。') < 0 || rest.TrimEnd().EndsWith('。') && rest.TrimEnd()[..^1].IndexOf('。') < 0) return m.Index;
        }
        return -1;
    }

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
            else if (IsOpen(text[i]) && --depth == 0) return i;
        }
        return -1;
    }

    private static bool IsOpen(char c) => c is '(' or '（' or '〔' or '【' or '[' or '［';

    private static bool IsClose(char c) => c is ')' or '）' or '〕' or '】' or ']' or '］';

    private static string TrimEnd(string text) => text.TrimEnd().TrimEnd('。', '.', '；', ';').TrimEnd();

    // Longer labels first: 主要责任单位 before 责任单位. A label may sit in 【】 (【牵头单位】市教育局).
    private const string Labels = "牵头责任单位|牵头责任部门|主要责任单位|主要责任部门|主责单位|主责部门|主办单位|主办部门|牵头单位|牵头部门|" +
        "主要协作单位|协作单位|协作部门|协同配合单位|责任单位|责任部门|配合单位|配合部门|协办单位|协办部门|协助单位|协助部门|参与单位|参与部门";

    [GeneratedRegex("【?(?<label>" + Labels + ")】?\\s*[:：]?")]
    private static partial Regex LabelPattern();

    // Without brackets a label needs its colon (or 【】): 各牵头单位要… in prose is not a clause.
    [GeneratedRegex("(?:【(?:" + Labels + ")】|(?:" + Labels + ")\\s*[:：])")]
    private static partial Regex BareLabelPattern();

    [GeneratedRegex("^(?:【(?:" + Labels + ")】|(?:" + Labels + ")\\s*[:：])")]
    private static partial Regex LeadingLabelPattern();

    [GeneratedRegex("(牵头|负责|配合|协办|参与)$")]
    private static partial Regex UnlabelledPattern();

    [GeneratedRegex("^(?<lead>[^，,；;]+?)牵头[，,；;、\\s]*(?<rest>.+?)(配合|参与|协办|负责)$")]
    private static partial Regex LeadThenOthersPattern();

    [GeneratedRegex("^(?<units>.+?)牵头(负责)?$")]
    private static partial Regex CoLeadPattern();

    [GeneratedRegex("^(?<lead>[^，,；;]+?)会同(?<rest>.*?)负责$")]
    private static partial Regex JointlyPattern();

    [GeneratedRegex("^(?<units>.+?)负责$")]
    private static partial Regex ResponsiblePattern();

    // 排在第一位的部门为牵头部门，下同 / 列第一位者为牵头单位 / 列第一位的责任单位为牵头单位或汇总单位.
    [GeneratedRegex("[，,。；;]?\\s*(?:排在|排|列在|列)第一位?(?:的|者)?[\\u4e00-\\u9fa5]{0,6}?为牵头(?:单位|部门)(?:或[\\u4e00-\\u9fa5]{1,6}?单位)?(?:[，,]?\\s*下同)?")]
    private static partial Regex ConventionPattern();

    // The verb ending a list: 按职责分工负责, 按照职责分工负责, 分别负责 (负责 itself is matched by the clause patterns).
    [GeneratedRegex("(?:按照?职责分工|按职责|分别)(?:负责|落实)?$")]
    private static partial Regex ListEndPattern();

    [GeneratedRegex("等(?:有关|相关)?(?:部门|单位)?$")]
    private static partial Regex EtcTailPattern();

    [GeneratedRegex("(?:等和|等及|及|和)(?=各)")]
    private static partial Regex GroupJoinPattern();

    // After the verb: "，年内持续推进", "，2020年底前完成", "，长期坚持".
    [GeneratedRegex("(?<=(?:负责|牵头|配合|参与|协办))[，,；;]\\s*[^、，,；;]*(?:推进|完成|坚持|实施|前|内)$")]
    private static partial Regex TimeTailPattern();
}
