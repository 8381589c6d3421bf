using System.Text.RegularExpressions;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Draft;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Planning.Model;

/// <summary>Derives a scenario's division of work from the 2018-2020 one: renames, dropped and reassigned tasks, new tasks, targets written into task text.</summary>
public static partial class DivisionPlanner
{
    /// <summary>Change label of a task continued with the same units (after renames).</summary>
    public const string Kept = "kept";

    /// <summary>Change label of a task whose units the scenario changed.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>Change label of a task the scenario adds.</summary>
    public const string New = "new";

    /// <summary>Plans the division of work of <paramref name="scenario"/>.</summary>
    public static DivisionOfWork Plan(PlanContext context, PlanScenario scenario)
    {
        var renames = Renames(context, scenario);
        string Final(string unit) => renames.TryGetValue(unit, out var r) ? r.SuccessorName : unit;

        var drafts = new List<(int Chapter, int? Source, string Text, string Change, List<string> Lead, List<string> Responsible)>();
        foreach (var (chapterNo, _) in context.Chapters)
        {
            foreach (var task in context.Tasks.Values.Where(t => t.ChapterNo == chapterNo && !scenario.Drop.Contains(t.No)).OrderBy(t => t.No))
            {
                var lead = Units(context, task.No, RoleVocabulary.Codes.Lead);
                var responsible = Units(context, task.No, RoleVocabulary.Codes.Responsible);
                var change = Kept;
                if (scenario.Reassign.TryGetValue(task.No, out var r))
                {
                    lead = r.Lead?.ToList() ?? lead;
                    responsible = r.Responsible?.ToList() ?? responsible;
                    change = Reassigned;
                }
                drafts.Add((chapterNo, task.No, WithoutExpiredTargets(task.Text, context), change, lead, responsible));
            }
            foreach (var added in scenario.Add.Where(a => a.ChapterNo == chapterNo))
            {
                drafts.Add((chapterNo, null, added.Text, New, added.Lead.ToList(), added.Responsible.ToList()));
            }
        }

        var written = new List<WrittenTarget>();
        var texts = drafts.Select(d => d.Text).ToList();
        foreach (var target in scenario.Targets)
        {
            var index = TaskIndex(context, target, drafts.Select(d => d.Source).ToList());
            var area = target.Series.AreaCode == PlanContext.CityAreaCode ? null : context.AreaNames.GetValueOrDefault(target.Series.AreaCode, target.Series.AreaCode);
            var phrase = index is null ? null : DraftPhrase.Write(context.Indicators[target.Series.IndicatorCode], target, context.HorizonYear, area);
            if (index is null || phrase is null)
            {
                written.Add(new WrittenTarget(target.Series, null, null));
                continue;
            }
            // A city target whose level the task text already keeps at the horizon (保持…在98%以上) is not written twice.
            var standing = target.Series.AreaCode != PlanContext.CityAreaCode ? null
                : TargetPhraseExtractor.Extract(texts[index.Value], context.HorizonYear).FirstOrDefault(t =>
                    t.Deadline == target.Deadline && TargetSpec.ParseComparator(t.Comparator) == target.Comparator
                    && Math.Abs(t.Value - target.Value) <= 1e-9 * Math.Max(1, Math.Abs(target.Value)));
            if (standing is not null)
            {
                var sentence = texts[index.Value].Split('。').First(x => x.Contains(standing.Phrase, StringComparison.Ordinal)) + "。";
                written.Add(new WrittenTarget(target.Series, index.Value + 1, sentence));
                continue;
            }
            texts[index.Value] = DraftPhrase.Append(texts[index.Value], phrase);
            written.Add(new WrittenTarget(target.Series, index.Value + 1, phrase));
        }

        var chapterNumbers = drafts.Select(d => d.Chapter).Distinct().Select((c, i) => (c, i + 1)).ToDictionary(x => x.c, x => x.Item2);
        var titles = context.Chapters.ToDictionary(c => c.No, c => c.Title);
        var tasks = drafts.Select((d, i) =>
        {
            var lead = Dedupe(d.Lead.Select(u => new PlanUnitRole(Final(u), Final(u) == u ? null : u)), []);
            var responsible = Dedupe(d.Responsible.Select(u => new PlanUnitRole(Final(u), Final(u) == u ? null : u)), lead.Select(l => l.Name));
            return new PlanTaskDraft(i + 1, chapterNumbers[d.Chapter], titles[d.Chapter], d.Source, texts[i], d.Change, lead, responsible,
                TargetPhraseExtractor.Extract(texts[i], context.HorizonYear));
        }).ToList();
        return new DivisionOfWork(scenario.Id, tasks, renames.Values.OrderBy(r => r.UnitName, StringComparer.Ordinal).ToList(), written);
    }

    /// <summary>dim_unit successors of units gone before the plan period, then the scenario's renames; chains are followed to the last name.</summary>
    public static Dictionary<string, AppliedRename> Renames(PlanContext context, PlanScenario scenario)
    {
        var direct = new Dictionary<string, (string To, string Source)>(StringComparer.Ordinal);
        foreach (var unit in context.Units.Values.Where(u => u.ValidTo < context.FirstPlanYear && u.Successor is not null))
        {
            direct[unit.Name] = (unit.Successor!, "dim_unit");
        }
        foreach (var (from, to) in scenario.Renames) direct[from] = (to, "scenario");
        var result = new Dictionary<string, AppliedRename>(StringComparer.Ordinal);
        foreach (var (from, (to, source)) in direct)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { from };
            var last = to;
            while (direct.TryGetValue(last, out var next))
            {
                if (!seen.Add(last))
                {
                    throw new WccException($"{scenario.SourceFile ?? "dim_unit"}: unit renames form a cycle through {from} and {last}",
                        "rename each unit to a name that is not renamed back");
                }
                last = next.To;
            }
            if (last != from) result[from] = new AppliedRename(from, last, source);
        }
        return result;
    }

    /// <summary>The task text without sentences whose targets are dated at or before the as-of year (到2020年…): they expired with the old notice.
    /// A task that is nothing but such a sentence keeps it, carried forward to the horizon (到2025年…), for planners to revise.</summary>
    public static string WithoutExpiredTargets(string text, PlanContext context)
    {
        var kept = SentencePattern().Matches(text).Select(m => m.Value)
            .Where(s => !TargetPhraseExtractor.Extract(s, context.HorizonYear).Any(t => t.Deadline <= context.AsOfYear));
        var result = string.Concat(kept).Trim();
        if (result.Length > 0) return result;
        return ByYearPattern().Replace(text, m =>
            int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) <= context.AsOfYear
                ? $"{m.Groups["by"].Value}{context.HorizonYear}年" : m.Value);
    }

    private static List<string> Units(PlanContext context, int taskNo, string role) =>
        context.Assignments.Where(a => a.TaskNo == taskNo && a.Role == role).OrderBy(a => a.Ordinal).Select(a => a.UnitName).ToList();

    private static List<PlanUnitRole> Dedupe(IEnumerable<PlanUnitRole> units, IEnumerable<string> exclude)
    {
        // Two units merged into one successor, or a unit both lead and responsible, are listed once (the parser warns on repeats).
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal);
        return units.Where(u => seen.Add(u.Name)).ToList();
    }

    private static int? TaskIndex(PlanContext context, PlanTarget target, IReadOnlyList<int?> sources)
    {
        var candidates = target.TaskNo is { } explicitTask ? [explicitTask] : context.Indicators[target.Series.IndicatorCode].TaskNos;
        foreach (var no in candidates)
        {
            var i = sources.ToList().IndexOf(no);
            if (i >= 0) return i;
        }
        return null;
    }

    [GeneratedRegex(@"(?<by>[到至])\s*(?<year>\d{4})\s*年")]
    private static partial Regex ByYearPattern();

    [GeneratedRegex("[^。！？!?；;]+[。！？!?；;]*")]
    private static partial Regex SentencePattern();
}
