using System.Text.RegularExpressions;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Planning.Model;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Planning.Scenarios;

/// <summary>Checks a scenario file against the warehouse's catalogues and turns it into a <see cref="PlanScenario"/>; the first problem throws, naming file, JSON path and line.</summary>
public static partial class ScenarioValidator
{
    /// <summary>Validates <paramref name="source"/> against <paramref name="context"/>.</summary>
    public static PlanScenario Validate(ScenarioSource source, PlanContext context)
    {
        var doc = source.Document;
        var id = doc.Id?.Trim();
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id) || id == PlanScenario.BaselineId)
        {
            throw source.Error("$.id", $"scenario id `{doc.Id}` is missing or invalid",
                "give the scenario an id of letters, digits, - and _ (not `baseline`), e.g. \"id\": \"faster-health\"");
        }
        var renames = Renames(source, context);
        var newUnits = NewUnits(source, context, renames);
        var knownUnits = new HashSet<string>(context.Units.Keys, StringComparer.Ordinal);
        knownUnits.UnionWith(renames.Values);
        knownUnits.UnionWith(newUnits.Keys);
        var drop = Drops(source, context);
        var reassign = Reassignments(source, context, knownUnits, drop);
        var add = NewTasks(source, context, knownUnits);
        RequireNewUnitsAssigned(source, newUnits, reassign, add);
        var targets = Targets(source, context, drop);
        return new PlanScenario(id, string.IsNullOrWhiteSpace(doc.Name) ? id : doc.Name.Trim(), doc.Description, source.FileName,
            targets, reassign, drop, add, renames) { NewUnits = newUnits };
    }

    /// <summary>The units the scenario declares (name → kind): new names only, of a kind units.csv accepts, that the draft
    /// notice's unit clause can carry and the notice parser read back as one unit.</summary>
    private static Dictionary<string, string> NewUnits(ScenarioSource source, PlanContext context, Dictionary<string, string> renames)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < source.Document.Units.Count; i++)
        {
            var u = source.Document.Units[i];
            var path = $"$.units[{i}]";
            var name = u.Name?.Trim() ?? "";
            if (name.Length == 0) throw source.Error(path + ".name", "a new unit has no name", "write its short name as the notice would, e.g. \"name\": \"市托育服务指导中心\"");
            if (context.Units.ContainsKey(name))
            {
                throw source.Error(path + ".name", $"unit {name} already exists", "assign it to tasks directly; declare only units the warehouse does not list");
            }
            if (renames.ContainsValue(name))
            {
                throw source.Error(path + ".name", $"unit {name} is already the new name of a rename in this file", "keep either the rename or the declaration");
            }
            if (!ReadsBackAsOneUnit(name))
            {
                throw source.Error(path + ".name", $"unit name `{name}` cannot be written in a notice's unit clause (it holds a separator, a bracket or a role word)",
                    "write the short name without 、，；：。 brackets, spaces or 牵头/负责/配合");
            }
            if (u.Kind is null || !UnitKinds.All.Contains(u.Kind))
            {
                throw source.Error(path + ".kind", $"unit {name} has kind `{u.Kind}`, not one of {string.Join(", ", UnitKinds.All)}",
                    "give the kind of body it is, e.g. \"kind\": \"government_department\" (collective: a group of many bodies such as 各区县妇儿工委)");
            }
            if (!result.TryAdd(name, u.Kind)) throw source.Error(path + ".name", $"unit {name} is declared twice", "declare each new unit once");
        }
        return result;
    }

    /// <summary>True when the notice parser reads a task ending （牵头单位：<paramref name="name"/>） back with exactly that one lead unit.</summary>
    private static bool ReadsBackAsOneUnit(string name)
    {
        var split = UnitClauseParser.Split($"新任务。（牵头单位：{name}）");
        return split.Problems.Count == 0 && split.Units.Responsible.Count == 0 && split.Units.Lead is [var only] && only == name;
    }

    /// <summary>A declared unit no task names is most likely a typo on one side: refused rather than silently stored nowhere.</summary>
    private static void RequireNewUnitsAssigned(ScenarioSource source, Dictionary<string, string> newUnits,
        Dictionary<int, (IReadOnlyList<string>?, IReadOnlyList<string>?)> reassign, List<PlanNewTask> add)
    {
        var named = reassign.Values.SelectMany(r => (r.Item1 ?? []).Concat(r.Item2 ?? []))
            .Concat(add.SelectMany(t => t.Lead.Concat(t.Responsible))).ToHashSet(StringComparer.Ordinal);
        var unused = source.Document.Units.Select((u, i) => (Name: u.Name!.Trim(), Index: i)).FirstOrDefault(u => !named.Contains(u.Name));
        if (unused.Name is not null)
        {
            throw source.Error($"$.units[{unused.Index}].name", $"new unit {unused.Name} is declared but no task names it",
                "name it as lead or responsible unit of a task under \"tasks\" (reassign or add), or remove the declaration");
        }
    }

    private static Dictionary<string, string> Renames(ScenarioSource source, PlanContext context)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < source.Document.Renames.Count; i++)
        {
            var r = source.Document.Renames[i];
            var path = $"$.renames[{i}]";
            if (r.From is null || !context.Units.ContainsKey(r.From))
            {
                throw source.Error(path + ".from", $"unknown unit `{r.From}`", UnitHint(context, declarable: false));
            }
            if (string.IsNullOrWhiteSpace(r.To) || r.To.Trim() == r.From)
            {
                throw source.Error(path + ".to", $"rename of {r.From} has no new name", "write the unit's new name, e.g. \"to\": \"市乡村振兴局\"");
            }
            if (!result.TryAdd(r.From, r.To.Trim()))
            {
                throw source.Error(path + ".from", $"unit {r.From} is renamed twice", "keep one rename per unit");
            }
        }
        return result;
    }

    private static HashSet<int> Drops(ScenarioSource source, PlanContext context)
    {
        var drop = new HashSet<int>();
        for (var i = 0; i < source.Document.Tasks.Drop.Count; i++)
        {
            var no = source.Document.Tasks.Drop[i];
            if (!context.Tasks.ContainsKey(no)) throw source.Error($"$.tasks.drop[{i}]", $"unknown task {no}", TaskHint(context));
            drop.Add(no);
        }
        return drop;
    }

    private static Dictionary<int, (IReadOnlyList<string>?, IReadOnlyList<string>?)> Reassignments(
        ScenarioSource source, PlanContext context, HashSet<string> knownUnits, HashSet<int> drop)
    {
        var result = new Dictionary<int, (IReadOnlyList<string>?, IReadOnlyList<string>?)>();
        for (var i = 0; i < source.Document.Tasks.Reassign.Count; i++)
        {
            var r = source.Document.Tasks.Reassign[i];
            var path = $"$.tasks.reassign[{i}]";
            if (r.Task is not { } no || !context.Tasks.ContainsKey(no)) throw source.Error(path + ".task", $"unknown task {r.Task}", TaskHint(context));
            if (drop.Contains(no)) throw source.Error(path + ".task", $"task {no} is both dropped and reassigned", "either drop the task or reassign it");
            if (r.Lead is null && r.Responsible is null)
            {
                throw source.Error(path, $"reassignment of task {no} names no units", "give \"lead\" and/or \"responsible\" lists");
            }
            if (r.Lead is { Count: 0 }) throw source.Error(path + ".lead", $"task {no} would have no lead unit", "name at least one lead unit, or leave \"lead\" out to keep it");
            CheckUnits(source, context, knownUnits, r.Lead, path + ".lead");
            CheckUnits(source, context, knownUnits, r.Responsible, path + ".responsible");
            if (!result.TryAdd(no, (r.Lead, r.Responsible))) throw source.Error(path + ".task", $"task {no} is reassigned twice", "merge the two reassignments");
        }
        return result;
    }

    private static List<PlanNewTask> NewTasks(ScenarioSource source, PlanContext context, HashSet<string> knownUnits)
    {
        var result = new List<PlanNewTask>();
        for (var i = 0; i < source.Document.Tasks.Add.Count; i++)
        {
            var t = source.Document.Tasks.Add[i];
            var path = $"$.tasks.add[{i}]";
            if (t.Chapter is not { } chapter || context.Chapters.All(c => c.No != chapter))
            {
                throw source.Error(path + ".chapter", $"unknown chapter {t.Chapter}", $"use a chapter number 1-{context.Chapters.Count} of dim_chapter");
            }
            var text = t.Text?.Trim() ?? "";
            if (text.Length == 0 || text.EndsWith('）') || text.EndsWith(')') || char.IsAsciiDigit(text[0]))
            {
                throw source.Error(path + ".text", "new task text is empty, starts with a digit or ends with a bracket",
                    "write the task sentence only; its number and unit clause are added by the planning step");
            }
            if (t.Lead.Count == 0) throw source.Error(path + ".lead", "new task has no lead unit", "name at least one lead unit");
            CheckUnits(source, context, knownUnits, t.Lead, path + ".lead");
            CheckUnits(source, context, knownUnits, t.Responsible, path + ".responsible");
            result.Add(new PlanNewTask(chapter, text.EndsWith('。') ? text : text + "。", t.Lead, t.Responsible));
        }
        return result;
    }

    private static List<PlanTarget> Targets(ScenarioSource source, PlanContext context, HashSet<int> drop)
    {
        var result = new List<PlanTarget>();
        for (var i = 0; i < source.Document.Targets.Count; i++)
        {
            var t = source.Document.Targets[i];
            var path = $"$.targets[{i}]";
            if (t.Indicator is null || !context.Indicators.TryGetValue(t.Indicator, out var indicator))
            {
                throw source.Error(path + ".indicator", $"unknown indicator `{t.Indicator}`", new Remedy(RemedyAction.ListIndicators));
            }
            var area = t.Area ?? PlanContext.CityAreaCode;
            if (!context.Areas.Contains(area)) throw source.Error(path + ".area", $"unknown area `{area}`", $"use an area_code of dim_area, e.g. {PlanContext.CityAreaCode} for the city");
            var sex = t.Sex ?? context.DefaultSex(indicator.Code, area);
            if (!context.Sexes.Contains(sex)) throw source.Error(path + ".sex", $"unknown sex `{sex}`", "use F, M or T");
            var comparator = indicator.HigherIsBetter ? Comparator.AtLeast : Comparator.AtMost;
            if (t.Comparator is not null)
            {
                try { comparator = TargetSpec.ParseComparator(t.Comparator); }
                catch (ArgumentException) { throw source.Error(path + ".comparator", $"unknown comparator `{t.Comparator}`", "use >=, <= or ="); }
            }
            if (t.Target is not { } value)
            {
                throw source.Error(path + ".target", "the target value is missing", "give the proposed level as a number, e.g. \"target\": 99");
            }
            RequireStorable(source, path + ".target", "target", value);
            if ((indicator.LowerBound is { } lo && value < lo) || (indicator.UpperBound is { } hi && value > hi))
            {
                throw source.Error(path + ".target", $"target {value} of {indicator.Code} is outside the indicator's bounds [{indicator.LowerBound?.ToString() ?? "-∞"}, {indicator.UpperBound?.ToString() ?? "∞"}]",
                    "give a level the indicator can take (e.g. a percentage between 0 and 100)");
            }
            if (t.Deadline is not { } deadline || deadline <= context.AsOfYear || deadline > context.HorizonYear)
            {
                throw source.Error(path + ".deadline", $"deadline {t.Deadline?.ToString() ?? "(missing)"} is not within the plan period {context.FirstPlanYear}-{context.HorizonYear} (as-of year {context.AsOfYear})",
                    $"give a year from {context.FirstPlanYear} to {context.HorizonYear}");
            }
            if (t.Task is { } task && (!context.Tasks.ContainsKey(task) || drop.Contains(task)))
            {
                throw source.Error(path + ".task", drop.Contains(task) ? $"task {task} is dropped by this scenario" : $"unknown task {task}", TaskHint(context));
            }
            var (from, extra, perYear) = Pace(source, context, t.Pace, path + ".pace");
            var key = new SeriesKey(indicator.Code, area, sex);
            if (result.Any(r => r.Series == key))
            {
                throw source.Error(path, $"a second target for {key}", "keep one target per indicator, area and sex");
            }
            result.Add(new PlanTarget(key, comparator, value, deadline, t.Task, from, extra, perYear));
        }
        return result;
    }

    private static (int?, double?, double?) Pace(ScenarioSource source, PlanContext context, PaceAssumption? pace, string path)
    {
        if (pace is null) return (null, null, null);
        if (pace.From is not { } from || from < context.FirstPlanYear || from > context.HorizonYear)
        {
            throw source.Error(path + ".from", $"pace year {pace.From?.ToString() ?? "(missing)"} is not within the plan period {context.FirstPlanYear}-{context.HorizonYear}",
                $"give the first year of the new pace, e.g. \"from\": {context.FirstPlanYear + 1}");
        }
        if ((pace.ExtraPerYear is null) == (pace.PerYear is null))
        {
            throw source.Error(path, "a pace needs exactly one of extra_per_year and per_year",
                "e.g. \"pace\": { \"from\": 2022, \"extra_per_year\": 0.5 } adds 0.5 a year to the trend");
        }
        if (pace.ExtraPerYear is { } extra) RequireStorable(source, path + ".extra_per_year", "pace", extra);
        if (pace.PerYear is { } perYear) RequireStorable(source, path + ".per_year", "pace", perYear);
        return (from, pace.ExtraPerYear, pace.PerYear);
    }

    /// <summary>Refuses a number the warehouse could not store or project finitely (see <see cref="WarehouseNumbers"/>).</summary>
    private static void RequireStorable(ScenarioSource source, string path, string what, double value)
    {
        if (!WarehouseNumbers.IsStorable(value))
        {
            throw source.Error(path, $"{what} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is beyond the largest magnitude a plan can hold (±{WarehouseNumbers.MaxMagnitudeText})",
                "check the number and its unit (a pace is a change per year in the indicator's unit, e.g. 0.5 points)");
        }
    }

    private static void CheckUnits(ScenarioSource source, PlanContext context, HashSet<string> known, IReadOnlyList<string>? units, string path)
    {
        if (units is null) return;
        for (var i = 0; i < units.Count; i++)
        {
            if (!known.Contains(units[i])) throw source.Error($"{path}[{i}]", $"unknown unit `{units[i]}`", UnitHint(context, declarable: true));
        }
        var duplicate = units.GroupBy(u => u).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw source.Error(path, $"unit {duplicate.Key} is listed twice", "list each unit once");
    }

    private static string TaskHint(PlanContext context) => $"use a 2018-2020 task number 1-{context.Tasks.Keys.Max()} (dim_task)";

    private static string UnitHint(PlanContext context, bool declarable) =>
        "use a unit_name of dim_unit (e.g. " + string.Join("、", context.Units.Keys.Order(StringComparer.Ordinal).Take(3)) + ")"
        + (declarable
            ? ", the new name of a rename in this file, or, for a unit that does not exist yet, declare it in this file: \"units\": [{ \"name\": \"…\", \"kind\": \"government_department\" }]"
            : "");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
