using System.Globalization;
using System.Text;
using Wcc.Analytics.Planning.Model;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Planning.Draft;

/// <summary>The draft next-cycle notice in the seed notice's format (一、 chapters, 1. tasks, unit clauses naming the lead and responsible units), and its CSV.</summary>
public static class DraftNotice
{
    private const string Numerals = "零一二三四五六七八九";

    /// <summary>What the draft's title ends with, so a draft loaded as a notice is known as one (its targets come from projections).</summary>
    public const string DraftMark = "(草案)";

    /// <summary>True when a notice's title marks it as a draft `wcc plan` wrote.</summary>
    public static bool IsDraftTitle(string title) => title.EndsWith(DraftMark, StringComparison.Ordinal);

    /// <summary>The notice text; <see cref="Verify"/> proves the parser reads it back.</summary>
    public static string Render(PlanContext context, PlanScenario scenario, DivisionOfWork division)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{context.FirstPlanYear}-{context.HorizonYear}年西安市妇女儿童重点工作责任分工{DraftMark}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"说明:本草案按情景“{scenario.Name}”生成,供编制下一周期分工时修改;机构改革后更名的单位已改用新名称。\n\n");
        var chapter = 0;
        foreach (var task in division.Tasks)
        {
            if (task.ChapterNo != chapter)
            {
                chapter = task.ChapterNo;
                text.Append(CultureInfo.InvariantCulture, $"{Chinese(chapter)}、{task.ChapterTitle}\n\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"{task.PlanTaskNo}.{task.Text}{Clause(task)}\n\n");
        }
        return text.ToString();
    }

    /// <summary>The unit clause: the lead units' title (RoleVocabulary.LeadUnits), a colon and A、B; then the responsible units'.</summary>
    public static string Clause(PlanTaskDraft task)
    {
        var parts = new List<string>();
        if (task.Lead.Count > 0) parts.Add(RoleVocabulary.LeadUnits + "：" + string.Join("、", task.Lead.Select(u => u.Name)));
        if (task.Responsible.Count > 0) parts.Add(RoleVocabulary.ResponsibleUnits + "：" + string.Join("、", task.Responsible.Select(u => u.Name)));
        return "（" + string.Join("；", parts) + "）";
    }

    /// <summary>Parses <paramref name="text"/> as `wcc parse-notice` would and throws unless it gives exactly the planned tasks, units and targets.</summary>
    public static ParsedNotice Verify(string text, DivisionOfWork division, string fileName)
    {
        var parsed = NoticeParser.Parse(text, fileName, NoticePeriod.EndYear(text, fileName));
        var problems = new List<string>();
        if (parsed.Warnings.Count > 0) problems.Add($"parser warning: {parsed.Warnings[0].Message}");
        if (parsed.Tasks.Count != division.Tasks.Count) problems.Add($"{parsed.Tasks.Count} tasks read back, {division.Tasks.Count} planned");
        foreach (var (planned, read) in division.Tasks.Zip(parsed.Tasks))
        {
            if (planned.PlanTaskNo != read.No || planned.ChapterNo != read.ChapterNo || planned.Text != read.Text
                || !planned.Lead.Select(u => u.Name).SequenceEqual(read.Lead)
                || !planned.Responsible.Select(u => u.Name).SequenceEqual(read.Responsible)
                || !planned.Targets.Select(Key).SequenceEqual(read.Targets.Select(Key)))
            {
                problems.Add($"task {planned.PlanTaskNo} reads back differently");
            }
        }
        if (problems.Count > 0)
        {
            throw new WccException($"{fileName}: the draft notice does not read back as planned ({string.Join("; ", problems.Take(3))})",
                "this is a bug in the planning step's draft writer; please report it with the scenario file");
        }
        return parsed;
    }

    /// <summary>The draft as a table: one row per task with its units and targets.</summary>
    public static QueryResult Table(DivisionOfWork division) => new(
        ["任务序号", "章", "章标题", "原任务序号", "变化", "任务内容", RoleVocabulary.LeadUnits, RoleVocabulary.ResponsibleUnits, "目标"],
        division.Tasks.Select(t => new object?[]
        {
            t.PlanTaskNo, t.ChapterNo, t.ChapterTitle, t.SourceTaskNo, ChangeText(t.Change), t.Text,
            string.Join("、", t.Lead.Select(Named)), string.Join("、", t.Responsible.Select(Named)),
            string.Join("；", t.Targets.Select(g => $"{g.Comparator}{g.Value.ToString(CultureInfo.InvariantCulture)}{g.Unit}({g.Deadline}年)")),
        }).ToList());

    /// <summary>Chinese numeral of a chapter number (1-99).</summary>
    public static string Chinese(int n) => n switch
    {
        < 10 => Numerals[n].ToString(),
        10 => "十",
        < 20 => "十" + Numerals[n % 10],
        _ => Numerals[n / 10] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10].ToString()),
    };

    private static string Named(PlanUnitRole u) => u.PreviousName is null ? u.Name : $"{u.Name}(原{u.PreviousName})";

    private static string ChangeText(string change) => change switch
    {
        DivisionPlanner.New => "新增",
        DivisionPlanner.Reassigned => "调整分工",
        _ => "延续",
    };

    private static (string, double, string?, int) Key(TaskTarget t) => (t.Comparator, t.Value, t.Unit, t.Deadline);
}
