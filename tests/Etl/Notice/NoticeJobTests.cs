using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Notice;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Etl.Notice;

/// <summary>The notice loader against a real in-memory warehouse.</summary>
public class NoticeJobTests
{
    private static readonly DateTime Clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] NoticeTables = ["dim_chapter", "dim_task", "dim_unit", "fact_task_assignment", "fact_task_target", "v_task_assignment", "etl_reject", "etl_run"];

    private static RowCounts Load(DuckDBConnection connection, string path)
    {
        var run = EtlRun.Start(connection, NoticeJob.JobName, path, Clock);
        var counts = NoticeJob.Run(connection, run, path);
        run.Succeed(counts, Clock);
        return counts;
    }

    /// <summary>The declared data tests of the notice's tables that fail (only those models' tests are run).</summary>
    private static List<string> FailedDataTests(DuckDBConnection connection) =>
        SchemaCatalog.Models.Where(m => NoticeTables.Contains(m.Name)).SelectMany(m => DataTestRunner.Run(connection, m))
            .Where(r => !r.Passed).Select(r => $"{r.Model}: {r.Test}").ToList();

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A few units as seeds/units.csv would have them, plus an alias, so the job meets known and unknown names.</summary>
    private static void SeedSomeUnits(DuckDBConnection connection)
    {
        Execute(connection, """
            INSERT INTO dim_unit (unit_name, full_name, kind, is_collective, is_known) VALUES
              ('市人社局', '西安市人力资源和社会保障局', 'government_department', false, true),
              ('市妇联', '西安市妇女联合会', 'peoples_organisation', false, true),
              ('市教育局', '西安市教育局', 'government_department', false, true);
            INSERT INTO dim_unit_alias VALUES ('市财政局', '市人社局');
            """);
    }

    [Fact]
    public void Run_Seed_LoadsTasksAssignmentsAndTargets()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        var counts = Load(connection, RepoPaths.Notice);
        Assert.Equal((38L, 38L, 0L), (counts.In, counts.Loaded, counts.Rejected));
        Assert.Equal(8, Scalar(connection, "SELECT count(*) FROM dim_chapter"));
        Assert.Equal(38, Scalar(connection, "SELECT count(*) FROM dim_task"));
        Assert.Equal(38, Scalar(connection, "SELECT count(*) FROM fact_task_assignment WHERE role = 'lead'"));
        Assert.Equal(71, Scalar(connection, "SELECT count(*) FROM fact_task_assignment WHERE role = 'responsible'"));
        Assert.Equal(109, Scalar(connection, "SELECT count(*) FROM v_task_assignment"));
        Assert.Equal(7, Scalar(connection, "SELECT max(ordinal) FROM fact_task_assignment WHERE task_no = 25 AND role = 'responsible'"));
        Assert.Equal(11, Scalar(connection, "SELECT count(*) FROM fact_task_target"));
        Assert.Equal(60000, Scalar(connection, "SELECT target_value FROM fact_task_target WHERE task_no = 4"));
        Assert.Equal(58, Scalar(connection, "SELECT line_to FROM dim_task WHERE task_no = 15"));
    }

    [Fact]
    public void Run_UnknownUnits_AreKeptWithIsKnownFalseAndWarned()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        SeedSomeUnits(connection);
        var counts = Load(connection, RepoPaths.Notice);
        // 25 names in the notice: 3 known, 1 alias (市财政局 -> 市人社局), 21 unknown.
        Assert.Equal(21, Scalar(connection, "SELECT count(*) FROM dim_unit WHERE kind = 'unknown' AND NOT is_known"));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM dim_unit WHERE unit_name = '市财政局'"));
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM dim_unit WHERE unit_name = '市民政局' AND kind = 'unknown' AND NOT is_known"));
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM dim_unit WHERE unit_name = '各区县妇儿工委' AND is_collective"));
        Assert.Equal(21, Scalar(connection, """
            SELECT count(*) FROM dim_unit u WHERE kind = 'unknown' AND EXISTS (
                SELECT 1 FROM etl_reject r WHERE r.reason_code = 'unknown_unit' AND r.severity = 'warning' AND contains(r.reason, u.unit_name))
            """));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM fact_task_assignment a WHERE NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.unit_name = a.unit_name)"));
        // 市财政局 resolves through the alias: task 1 now names 市人社局 as lead and as responsible.
        Assert.Equal(2, Scalar(connection, "SELECT count(*) FROM fact_task_assignment WHERE task_no = 1 AND unit_name = '市人社局'"));
        Assert.True(counts.Warned > 0);
    }

    [Fact]
    public void Run_Seed_PassesTheDataTestsOfItsTables()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        SeedSomeUnits(connection);
        Load(connection, RepoPaths.Notice);
        Assert.Empty(FailedDataTests(connection));
    }

    [Fact]
    public void Run_Twice_GivesTheSameCounts()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        SeedSomeUnits(connection);
        const string Counts = """
            SELECT (SELECT count(*) FROM dim_chapter) * 1000000000 + (SELECT count(*) FROM dim_task) * 1000000
                 + (SELECT count(*) FROM fact_task_assignment) * 1000 + (SELECT count(*) FROM fact_task_target)
                 + (SELECT count(*) FROM dim_unit) * 1000000000000
            """;
        Load(connection, RepoPaths.Notice);
        var first = Scalar(connection, Counts);
        Load(connection, RepoPaths.Notice);
        Assert.Equal(first, Scalar(connection, Counts));
        Assert.Empty(FailedDataTests(connection));
    }

    [Fact]
    public void Run_DuplicateTaskNumber_IsRejectedNotLoaded()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("dup.txt");
        File.WriteAllText(path, "一、章\n1.甲。（市妇联负责）\n1.乙。（市妇联负责）\n2.丙。（市妇联、新单位负责）\n");
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        var counts = Load(connection, path);
        Assert.Equal((3L, 2L, 1L), (counts.In, counts.Loaded, counts.Rejected));
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM etl_reject WHERE reason_code = 'duplicate_task' AND severity = 'error' AND line_no = 3"));
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM dim_unit WHERE unit_name = '新单位' AND NOT is_known"));
        Assert.Empty(FailedDataTests(connection));
    }

    [Fact]
    public void Step_SeedsFolder_FindsTheSingleNotice()
    {
        Assert.Equal(RepoPaths.Notice, NoticeJob.Step(RepoPaths.Seeds).InputPath);
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => NoticeJob.FindNotice(tmp.Path));
        Assert.Contains("*.txt", ex.Message);
    }
}

public class NoticeTitleTests
{
    [Fact]
    public void Read_SeedNotice_GivesTheNoticeAndTheDocumentItIssues()
    {
        var text = File.ReadAllText(Wcc.Tests.Support.RepoPaths.Notice);
        var title = Wcc.Notice.NoticeTitle.Read(text, Wcc.Notice.NoticeParser.Parse(text, "seed.txt"));
        Assert.StartsWith("西安市人民政府妇女儿童工作委员会关于印发", title.Notice);
        Assert.Equal("2018-2020年西安市妇女儿童重点工作责任分工", title.Document);
    }

    [Fact]
    public void Read_ShortNoteUnderTheTitle_IsNotTakenForTheTitle()
    {
        // A draft's head: its title, then a note short enough to pass for a title but written as a sentence.
        const string text = "2021-2025年西安市妇女儿童重点工作责任分工(草案)\n\n说明:本草案按情景“基线”生成,供修改。\n\n一、促进妇女就业\n\n1.开展就业培训。（市人社局牵头，市妇联负责）\n";
        var title = Wcc.Notice.NoticeTitle.Read(text, Wcc.Notice.NoticeParser.Parse(text, "draft.txt"));
        Assert.Equal("2021-2025年西安市妇女儿童重点工作责任分工(草案)", title.Document);
    }
}
