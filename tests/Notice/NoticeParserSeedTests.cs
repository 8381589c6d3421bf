using Wcc.Notice;
using Wcc.Tests.Support;

namespace Wcc.Tests.Notice;

/// <summary>The parser on the real 2018-2020 notice in seeds/.</summary>
public class NoticeParserSeedTests
{
    private static readonly ParsedNotice Seed = NoticeFile.Parse(RepoPaths.Notice);

    private static ParsedTask Task(int no) => Seed.Tasks.Single(t => t.No == no);

    [Fact]
    public void Parse_Seed_HasEightChaptersAnd38TasksInOrder()
    {
        Assert.Equal(Enumerable.Range(1, 8), Seed.Chapters.Select(c => c.No));
        Assert.Equal(Enumerable.Range(1, 38), Seed.Tasks.Select(t => t.No));
        Assert.Equal("深化促进妇女就业创业,推动提高妇女就业质量和收入水平", Seed.Chapters[0].Title);
        Assert.Equal(20, Seed.Chapters[0].Line);
        Assert.Empty(Seed.Warnings);
    }

    [Fact]
    public void Parse_Seed_Counts38LeadAnd71ResponsibleAssignmentsOf25Units()
    {
        Assert.Equal(38, Seed.Tasks.Sum(t => t.Lead.Count));
        Assert.Equal(71, Seed.Tasks.Sum(t => t.Responsible.Count));
        Assert.Equal(25, Seed.Tasks.SelectMany(t => t.Lead.Concat(t.Responsible)).Distinct().Count());
    }

    [Fact]
    public void Parse_Seed_TaskSplitAcrossParagraphs_IsOneTask()
    {
        var task = Task(15);
        Assert.Equal((56, 58), (task.LineFrom, task.LineTo));
        Assert.EndsWith("持续增加城乡互建教育联合体总量。", task.Text);
        Assert.Equal(["市教育局"], task.Lead);
        Assert.Equal(4, task.ChapterNo);
    }

    [Fact]
    public void Parse_Seed_Task25HasSevenResponsibleUnitsInOrder()
    {
        Assert.Equal(["市教育局", "市公安局", "市人社局", "市财政局", "市总工会", "团市委", "市妇联"], Task(25).Responsible);
        Assert.Equal(["市民政局"], Task(25).Lead);
    }

    [Fact]
    public void Parse_Seed_LeadOnlyTasks()
    {
        Assert.Equal([9, 11, 15, 16, 28, 36, 37], Seed.Tasks.Where(t => t.Responsible.Count == 0).Select(t => t.No));
        Assert.All(Seed.Tasks, t => Assert.Single(t.Lead));
    }

    [Fact]
    public void Parse_Seed_UnitTallies()
    {
        Assert.Equal(15, Seed.Tasks.Count(t => t.Responsible.Contains("市妇联")));
        Assert.Equal(6, Seed.Tasks.Count(t => t.Lead.Contains("市教育局")));
    }

    [Fact]
    public void Parse_Seed_TaskTextExcludesNumberAndClause()
    {
        var task = Task(1);
        Assert.StartsWith("认真落实劳动法", task.Text);
        Assert.EndsWith("就业创业问题。", task.Text);
        Assert.Equal(["市财政局", "市农林委", "市妇联"], task.Responsible);
        Assert.Equal((22, 22), (task.LineFrom, task.LineTo));
    }

    [Fact]
    public void Parse_Seed_OnlyTasksWithQuantifiedTargetsHaveTargets()
    {
        Assert.Equal([4, 13, 16, 17, 28, 31, 34], Seed.Tasks.Where(t => t.Targets.Count > 0).Select(t => t.No));
    }

    [Fact]
    public void Parse_Seed_Task4_AtLeast60000Women()
    {
        var g = Assert.Single(Task(4).Targets);
        Assert.Equal(new TaskTarget(">=", 60000, "人", 2020, "不少于6万人"), g);
    }

    [Fact]
    public void Parse_Seed_Task16_EnrolmentAtLeast98Percent()
    {
        var g = Assert.Single(Task(16).Targets);
        Assert.Equal((">=", 98.0, "%", 2020, "在98%以上"), (g.Comparator, g.Value, g.Unit, g.Deadline, g.Phrase));
    }

    /// <summary>A task with one target whose phrase names what is counted: 全覆盖 (full coverage, read as 100%) and 1 个儿童活动阵地.</summary>
    [Theory]
    [InlineData(13, 100.0, "%", "全覆盖")]
    [InlineData(31, 1.0, "个", "儿童活动阵地")]
    public void Parse_Seed_SingleTargetReadFromWords(int taskNo, double value, string unit, string phraseHolds)
    {
        var g = Assert.Single(Task(taskNo).Targets);
        Assert.Equal((">=", value, unit, 2020), (g.Comparator, g.Value, g.Unit, g.Deadline));
        Assert.Contains(phraseHolds, g.Phrase);
    }

    [Fact]
    public void Parse_Seed_Task17_ThreeTargets()
    {
        var targets = Task(17).Targets;
        Assert.Equal(3, targets.Count);
        Assert.Equal((">=", 100.0, "%", "达到100%"), (targets[0].Comparator, targets[0].Value, targets[0].Unit, targets[0].Phrase));
        Assert.Equal((">=", 95.0, "%", "达95%"), (targets[1].Comparator, targets[1].Value, targets[1].Unit, targets[1].Phrase));
        Assert.Equal((">=", 100.0, "%"), (targets[2].Comparator, targets[2].Value, targets[2].Unit));
        Assert.Contains("全覆盖", targets[2].Phrase);
        Assert.All(targets, g => Assert.Equal(2020, g.Deadline));
    }

    [Fact]
    public void Parse_Seed_Task28_TwoRatesAt100Percent()
    {
        var targets = Task(28).Targets;
        Assert.Equal(2, targets.Count);
        Assert.All(targets, g => Assert.Equal((">=", 100.0, "%"), (g.Comparator, g.Value, g.Unit)));
        Assert.Equal(["立案率", "查处率"], targets.Select(g => g.Note));
    }


    [Fact]
    public void Parse_Seed_Task34_MeetingsPerYearAndTenItems()
    {
        var targets = Task(34).Targets;
        Assert.Equal(2, targets.Count);
        Assert.Equal((">=", 1.0, "次/年", "每年至少要听取1-2次"), (targets[0].Comparator, targets[0].Value, targets[0].Unit, targets[0].Phrase));
        Assert.Contains("下限", targets[0].Note);
        Assert.Equal((">=", 10.0, "件/年", "每年为妇女儿童办好10件实事"), (targets[1].Comparator, targets[1].Value, targets[1].Unit, targets[1].Phrase));
    }
}
