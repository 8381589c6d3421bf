using System.Text;
using Wcc.Reports.Common;
using Wcc.Reports.Compare;
using Wcc.Reports.Compare.Model;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reports.Compare;

/// <summary>`wcc report compare` through its entry point on a real warehouse: notices read back by id, files written, bad ids refused.</summary>
public sealed class CompareRunTests : IClassFixture<SeedWarehouseFixture>
{
    private const string SeedId = "610100-2018-2020";
    private readonly SeedWarehouseFixture warehouse;

    public CompareRunTests(SeedWarehouseFixture warehouse)
    {
        this.warehouse = warehouse;
        // Once per fixture: the edited copy as a second notice of the warehouse.
        if (warehouse.Scalar("SELECT count(*) FROM dim_notice WHERE notice_id = $id", ("id", CompareNotices.Modified().Id)) == 0)
        {
            StoredNotices.Insert(warehouse.Connection, CompareNotices.Modified());
        }
    }

    [Fact]
    public void Compare_StoredNotices_ReadBackAsParsed()
    {
        var result = CompareRun.Compare(warehouse.Connection, SeedId, CompareNotices.Modified().Id);
        // The seed as `wcc build` loaded it reads back with the parser's tasks, units and targets.
        var parsed = CompareNotices.Seed();
        Assert.Equal(parsed.Tasks.Select(t => (t.No, t.Text, string.Join("|", t.Lead), string.Join("|", t.Responsible), t.Targets.Count)),
            result.From.Tasks.Select(t => (t.No, t.Text, string.Join("|", t.Lead), string.Join("|", t.Responsible), t.Targets.Count)));
        Assert.Equal((2018, 2020), (result.From.PeriodStartYear, result.From.PeriodEndYear));
        Assert.False(result.From.IsSynthetic);

        Assert.Equal([CompareNotices.DroppedTask], result.Dropped.Select(t => t.No));
        Assert.Equal(CompareNotices.ReassignedTask, Assert.Single(result.Reassigned).Match.From.No);
        Assert.Equal(CompareNotices.RaisedTargetTask, Assert.Single(result.Targets, t => t.Change == TargetChange.Raised).ToTask!.No);
        Assert.Equal(TaskChange.Kept, result.Matched.Single(m => m.Match.From.No == CompareNotices.RenamedLeadTask).Change);
    }

    [Fact]
    public void Execute_WritesPageChartAndCsvs()
    {
        using var tmp = new TempDirectory();
        var run = CompareRun.Execute(warehouse.Connection, new CompareOptions(SeedId, CompareNotices.Modified().Id, tmp.File("out")));
        var names = run.Output.Files.Select(f => Path.GetRelativePath(tmp.File("out"), f).Replace('\\', '/')).ToList();
        Assert.Equal(["index.html", "charts/workload_shift.png", "charts/workload_shift.svg", "charts/workload_shift.csv", "charts/workload_shift.caption.txt",
            "tables/matches.csv", "tables/added.csv", "tables/dropped.csv", "tables/reassigned.csv", "tables/targets.csv", "tables/workload_shift.csv"], names);
        Assert.All(run.Output.Files, f => Assert.True(new FileInfo(f).Length > 0, f));

        var reassigned = File.ReadAllLines(tmp.File("out/tables/reassigned.csv"), Encoding.UTF8);
        Assert.Equal(2, reassigned.Length);
        Assert.StartsWith($"{CompareNotices.ReassignedTask},{CompareNotices.ReassignedTask},", reassigned[1]);
        Assert.Contains("市人社局", reassigned[1]);
        Assert.Contains("市教育局", reassigned[1]);
        var matches = File.ReadAllLines(tmp.File("out/tables/matches.csv"), Encoding.UTF8);
        Assert.Equal(1 + 37, matches.Length);
        Assert.Contains(matches, l => l.Contains("市农林委→市农业农村局", StringComparison.Ordinal));

        var html = File.ReadAllText(tmp.File("out/index.html"));
        Assert.Contains("周期对比", html);
        Assert.Contains(CompareNotices.AddedTaskText, html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.DoesNotContain("合成示例", html);
        // No internal names in the text for people.
        Assert.DoesNotContain("v_pack_unit_current", html);
        Assert.DoesNotContain("dim_", html);
    }

    [Fact]
    public void Execute_UnknownId_ListsTheNoticesPresentAndWritesNothing()
    {
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => CompareRun.Execute(warehouse.Connection, new CompareOptions(SeedId, "610100-2031-2035", tmp.File("out"))));
        Assert.Contains($"{InputOption.CompareTo.Ref()} 610100-2031-2035", ex.Message);
        Assert.Contains(SeedId, ex.Message);
        Assert.Contains(CompareNotices.Modified().Id, ex.Message);
        Assert.False(Directory.Exists(tmp.File("out")));

        var same = Assert.Throws<WccException>(() => CompareRun.Execute(warehouse.Connection, new CompareOptions(SeedId, SeedId, tmp.File("out"))));
        Assert.Contains("both name", same.Message);
        Assert.False(Directory.Exists(tmp.File("out")));
    }

    [Fact]
    public void Html_HostileTaskTextAndUnit_AppearAsText()
    {
        const string script = "<script>alert(1)</script>";
        var seed = CompareNotices.Seed();
        var hostile = seed with
        {
            Id = "hostile",
            Tasks = [.. seed.Tasks, new SnapshotTask(99, 1, seed.Tasks[0].ChapterTitle, "新增任务" + script, [script], ["市妇联"], [])],
        };
        var result = CycleComparison.Compare(seed, hostile, UnitRenames.None, []);
        var shift = WorkloadShift.Measure(warehouse.Connection, result);
        using var tmp = new TempDirectory();
        Wcc.Reports.Compare.Output.CompareReport.WriteInto(tmp.Path, result, shift, 2, 1);
        var html = File.ReadAllText(tmp.File("index.html"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains(shift.Values("unit_name"), u => Cells.Text(u) == script);
    }
}
