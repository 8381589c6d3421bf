using System.Text.RegularExpressions;
using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Planning.Model;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Reports.Planning.Scenarios;

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
        var knownUnits = new HashSet<string>(context.Units.Keys, StringComparer.Ordinal);
        knownUnits.UnionWith(renames.Values);
        var drop = Drops(source, context);
        var reassign = Reassignments(source, context, knownUnits, drop);
        var add = NewTasks(source, context, knownUnits);
        var targets = Targets(source, context, drop);
        return new PlanScenario(id, string.IsNullOrWhiteSpace(doc.Name) ? id : doc.Name.Trim(), doc.Description, source.FileName,
            targets, reassign, drop, add, renames);
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
                throw source.Error(path + ".from", $"unknown unit `{r.From}`", UnitHint(context));
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
                    "write the task sentence only; its number and unit clause are added by wcc plan");
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
                throw source.Error(path + ".indicator", $"unknown indicator `{t.Indicator}`", "use an indicator_code of dim_indicator (`wcc sql \"SELECT indicator_code, name_zh FROM dim_indicator\"`)");
            }
            var area = t.Area ?? PlanContext.CityAreaCode;
            if (!context.Areas.Contains(area)) throw source.Error(path + ".area", $"unknown area `{area}`", "use an area_code of dim_area, e.g. 610100 for the city");
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
            if (!known.Contains(units[i])) throw source.Error($"{path}[{i}]", $"unknown unit `{units[i]}`", UnitHint(context));
        }
        var duplicate = units.GroupBy(u => u).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw source.Error(path, $"unit {duplicate.Key} is listed twice", "list each unit once");
    }

    private static string TaskHint(PlanContext context) => $"use a 2018-2020 task number 1-{context.Tasks.Keys.Max()} (dim_task)";

    private static string UnitHint(PlanContext context) =>
        "use a unit_name of dim_unit (e.g. " + string.Join("、", context.Units.Keys.Order(StringComparer.Ordinal).Take(3))
        + "), or the new name of a rename in this file";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
