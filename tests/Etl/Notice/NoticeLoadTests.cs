using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Etl.Notice;
using Wcc.Notice;
using Wcc.Tests.Etl.Collection;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Etl.Notice;

/// <summary>`wcc load --notice` (NoticeLoad) on real warehouses built from seeds/: a second notice beside the seed, reloads,
/// superseded versions, taken ids, unknown units and bad input.</summary>
[Trait("Category", "Slow")]
public class NoticeLoadTests
{
    private static readonly DateTime Clock = new(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A corpus notice from another issuer (费县, a county in 山东): every unit it names is unknown to Xi'an's directory.</summary>
    private static string FeixianNotice => Path.Combine(RepoPaths.Root, "tests", "Notice", "Corpus", "08-feixian-county-2024-women-children-projects.txt");

    /// <summary>The tables a notice load writes or could write, whose row counts must not move when a load is refused.</summary>
    private static readonly string[] Written = ["dim_notice", "dim_notice_history", "dim_chapter", "dim_task", "fact_task_assignment", "fact_task_target", "dim_unit", "etl_run", "etl_reject"];

    /// <summary>The views that report "the" notice: their figures must not move when another notice is loaded.</summary>
    private static readonly string[] DefaultNoticeViews =
    [
        "v_unit_task_role", "v_unit_workload", "v_workload_concentration", "v_unit_pair", "v_unit_chapter_workload", "v_unit_delivery",
        "v_single_unit_task", "v_unit_lead_unmeasured", "v_coverage_task_unit", "v_coverage_chapter_unit", "v_pack_task",
        "v_pack_unit_task", "v_pack_status_by_chapter", "v_eval_task", "v_eval_unit_responsibility", "v_pack_indicator_status",
    ];

    private static DuckDBConnection Built(TempDirectory tmp, bool synthetic = false)
    {
        var connection = WarehouseFile.Open(tmp.File("w.duckdb"), WarehouseAccess.ReadWrite);
        WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock, synthetic ? Wcc.Etl.Synthetic.SyntheticHistoryJob.DefaultSeed : null));
        return connection;
    }

    /// <summary>The seed notice as the committee's next cycle would reissue it: same units and tasks, period 2021-2025.</summary>
    private static string NextCycleNotice(TempDirectory tmp, string name = "xian-2021-2025.txt")
    {
        var path = tmp.File(name);
        File.WriteAllText(path, File.ReadAllText(RepoPaths.Notice).Replace("2018-2020", "2021-2025", StringComparison.Ordinal));
        return path;
    }

    private static NoticeLoadResult Load(DuckDBConnection connection, string path, string? id = null, string? area = null, string? issuer = null) =>
        NoticeLoad.Run(connection, new NoticeLoadOptions(path, area, issuer, id), () => Clock);

    [Fact]
    public void PlanDraft_LoadsAsANotice_ItsAreaFromItsTitle_WithTheTasksAndUnitsThePlanStored()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp, synthetic: true);
        var plan = PlanRuns.Execute(connection, new Wcc.Analytics.Planning.PlanOptions(2025, [], tmp.File("plan"), 2020));
        var draft = Assert.Single(plan.Rendering.Files, f => f.EndsWith("-draft-notice.txt", StringComparison.Ordinal));

        // The draft has no signature: the area comes from its title (2021-2025年西安市…), the period too.
        var result = Load(connection, draft);

        Assert.Equal(NoticeLoadOutcome.Added, result.Outcome);
        Assert.Equal(NoticeKey.Derive(NoticeKey.SeedAreaCode, 2021, 2025), result.NoticeId);
        Assert.Equal(Db.Count(connection, "SELECT count(*) FROM plan_task WHERE scenario_id = 'baseline'"),
            Db.Count(connection, "SELECT count(*) FROM dim_task WHERE notice_id = $id", ("id", result.NoticeId)));
        Assert.Equal(0L, Db.Count(connection, """
            SELECT count(*) FROM (
                SELECT plan_task_no AS task_no, unit_name, role FROM plan_assignment WHERE scenario_id = 'baseline'
                EXCEPT SELECT task_no, unit_name, role FROM fact_task_assignment WHERE notice_id = $id)
            """, ("id", result.NoticeId)));
    }

    [Fact]
    public void SecondNotice_LoadsBesideTheSeed_UnderItsDerivedId_AndTheDefaultStaysTheSeed()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var result = Load(connection, NextCycleNotice(tmp));

        Assert.Equal(NoticeLoadOutcome.Added, result.Outcome);
        Assert.Equal("610100-2021-2025", result.NoticeId); // area from the issuer 西安市…, period from the title
        Assert.Equal((2021, 2025), (result.PeriodStartYear, result.PeriodEndYear));
        Assert.Equal("西安市人民政府妇女儿童工作委员会", result.Issuer);
        Assert.Equal(38, result.Counts!.Tasks);
        Assert.Empty(result.UnknownUnits);
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM dim_notice"));
        Assert.Equal(NoticeKey.SeedId, CurrentNotice.Id(connection));
        Assert.Equal(76L, Scalar(connection, "SELECT count(DISTINCT (notice_id, task_no)) FROM v_task_assignment"));
        Assert.Equal(Scalar(connection, $"SELECT count(*) FROM fact_task_assignment WHERE notice_id = '{NoticeKey.SeedId}'"),
            Scalar(connection, "SELECT count(*) FROM fact_task_assignment WHERE notice_id = '610100-2021-2025'"));
        // Targets without a year take the new notice's end as deadline (the seed's take 2020).
        Assert.True(Scalar(connection, "SELECT count(*) FROM fact_task_target WHERE notice_id = '610100-2021-2025' AND deadline_year = 2025") > 0);
        Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM fact_task_target WHERE notice_id = '{NoticeKey.SeedId}' AND deadline_year = 2025"));
        Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM etl_run WHERE job = '{NoticeLoad.JobName}' AND status = 'succeeded'"));
        AssertDataTestsPass(connection);
    }

    [Fact]
    public void SecondNotice_LeavesEveryDefaultNoticeFigureAsItWas()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp, synthetic: true);
        Wcc.Analytics.Forecast.ForecastRun.Execute(connection, 2020);
        var before = DefaultNoticeViews.ToDictionary(v => v, v => Rows(connection, v));
        Assert.True(before["v_unit_workload"].Count > 0 && before["v_unit_delivery"].Count > 0 && before["v_eval_task"].Count > 0);

        // The same units in the same tasks again: a view reading every notice would double each unit's load.
        Load(connection, NextCycleNotice(tmp));
        Load(connection, FeixianNotice, id: "371325-2024", area: "371325");

        foreach (var view in DefaultNoticeViews) Assert.True(before[view].SequenceEqual(Rows(connection, view)), $"{view} changed");
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM dim_notice"));
    }

    [Fact]
    public void SameFileAgain_ChangesNothing_AndSaysSo()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var path = NextCycleNotice(tmp);
        Load(connection, path);
        var counts = Counts(connection);

        var again = Load(connection, path);
        Assert.Equal(NoticeLoadOutcome.Unchanged, again.Outcome);
        Assert.Equal("610100-2021-2025", again.NoticeId);
        Assert.Null(again.LoadId);
        Assert.Equal(counts, Counts(connection));

        // The seed itself, through the load command: it is the default notice, already there.
        var seed = Load(connection, RepoPaths.Notice);
        Assert.Equal((NoticeLoadOutcome.Unchanged, NoticeKey.SeedId), (seed.Outcome, seed.NoticeId));
        Assert.Equal(counts, Counts(connection));
    }

    [Fact]
    public void ChangedFile_SameId_Supersedes_AndKeepsTheOldVersionInHistory()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var path = NextCycleNotice(tmp);
        Load(connection, path);
        var oldText = Strings(connection, "SELECT task_text FROM dim_task WHERE notice_id = '610100-2021-2025' AND task_no = 1").Single();

        File.WriteAllText(path, File.ReadAllText(path).Replace(oldText[..8], "修订后的任务：" + oldText[..8], StringComparison.Ordinal));
        var result = Load(connection, path);

        Assert.Equal((NoticeLoadOutcome.Superseded, 2), (result.Outcome, result.Version));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM dim_notice WHERE notice_id = '610100-2021-2025'"));
        Assert.StartsWith("修订后的任务", Strings(connection, "SELECT task_text FROM dim_task WHERE notice_id = '610100-2021-2025' AND task_no = 1").Single());
        Assert.Equal(38L, Scalar(connection, "SELECT count(*) FROM dim_task WHERE notice_id = '610100-2021-2025'"));
        // Version 1 is kept: its metadata, task count and its tasks with their units, queryable as JSON.
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM dim_notice_history WHERE notice_id = '610100-2021-2025' AND version = 1 AND task_count = 38"));
        Assert.Equal(oldText, Strings(connection,
            "SELECT json_extract_string(parsed_json, '$.tasks[0].task_text') FROM dim_notice_history WHERE notice_id = '610100-2021-2025'").Single());
        Assert.Equal(Strings(connection, $"SELECT unit_name FROM fact_task_assignment WHERE notice_id = '{NoticeKey.SeedId}' AND task_no = 1 AND role = 'lead' ORDER BY ordinal"),
            Strings(connection, "SELECT unnest(CAST(json_extract(parsed_json, '$.tasks[0].lead') AS VARCHAR[])) FROM dim_notice_history"));
        Assert.Equal(NoticeKey.SeedId, CurrentNotice.Id(connection));
        AssertDataTestsPass(connection);
    }

    [Fact]
    public void NewVersion_DroppingATaskWithProgressReports_IsRefused_AndNothingMoves()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var path = NextCycleNotice(tmp);
        Load(connection, path);
        var lead = Strings(connection, "SELECT unit_name FROM fact_task_assignment WHERE notice_id = '610100-2021-2025' AND task_no = 38 AND role = 'lead'").First();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO fact_task_progress (task_no, unit_name, year, status, source, notice_id) VALUES (38, $unit, 2021, $status, 'test', '610100-2021-2025')";
            cmd.Parameters.Add(new DuckDBParameter("unit", lead));
            cmd.Parameters.Add(new DuckDBParameter("status", Wcc.Warehouse.Vocabulary.ProgressStatusVocabulary.Labels.First()));
            cmd.ExecuteNonQuery();
        }
        var counts = Counts(connection);

        // Version 2 ends at task 37: the report on task 38 would point at nothing.
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("\n38.", StringComparison.Ordinal)] + "\n");
        var ex = Assert.Throws<WccException>(() => Load(connection, path));
        Assert.Contains("has no task 38", ex.Message);
        Assert.Contains("1 report(s)", ex.Message);
        Assert.Contains(InputOption.NoticeId.Ref(), ex.Hint);
        Assert.Equal(counts, Counts(connection));
        Assert.Equal(38L, Scalar(connection, "SELECT count(*) FROM dim_task WHERE notice_id = '610100-2021-2025'"));
        AssertDataTestsPass(connection);
    }

    [Fact]
    public void AnotherFileWhoseIdIsTaken_IsRefused_NamingTheNoticeAndTheWayOut()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        Load(connection, NextCycleNotice(tmp));
        var other = NextCycleNotice(tmp, "another-copy.txt");
        File.AppendAllText(other, "\n");
        var counts = Counts(connection);

        var ex = Assert.Throws<WccException>(() => Load(connection, other));
        Assert.Contains("610100-2021-2025", ex.Message);
        Assert.Contains("xian-2021-2025.txt", ex.Message);
        Assert.Contains(InputOption.NoticeId.Ref(), ex.Hint);
        Assert.Equal(counts, Counts(connection));

        // The same file under a second id is refused too: a notice is loaded once.
        var twice = Assert.Throws<WccException>(() => Load(connection, NextCycleNotice(tmp, "third.txt"), id: "copy"));
        Assert.Contains("already loaded as notice 610100-2021-2025", twice.Message);
        Assert.Equal(counts, Counts(connection));

        // Naming the id says it is a new version of that notice.
        Assert.Equal(NoticeLoadOutcome.Superseded, Load(connection, other, id: "610100-2021-2025").Outcome);
    }

    [Fact]
    public void UnknownUnits_AreReportedWithTheirLines_AndKeptAsFound()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var result = Load(connection, FeixianNotice, id: "371325-2024", area: "371325");

        Assert.Equal("费县人民政府办公室", result.Issuer);
        Assert.Equal("费政办字〔2024〕6号", result.DocumentNo);
        Assert.Equal((2024, 2024), (result.PeriodStartYear, result.PeriodEndYear));
        var health = Assert.Single(result.UnknownUnits, u => u.Name == "县卫生健康局");
        Assert.Equal([1, 2], health.Places.Select(p => p.TaskNo));
        var lines = File.ReadAllLines(FeixianNotice);
        Assert.All(health.Places, p => Assert.Contains("县卫生健康局", lines[p.Line - 1]));
        // Every unknown name is kept as written: in the directory (kind unknown), in the assignments, in the view, in etl_reject.
        var names = result.UnknownUnits.Select(u => u.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Strings(connection, "SELECT unit_name FROM dim_unit WHERE kind = 'unknown' ORDER BY unit_name COLLATE NOCASE").Order(StringComparer.Ordinal));
        Assert.Equal(names, Strings(connection, "SELECT DISTINCT unit_name FROM v_notice_unknown_unit WHERE notice_id = '371325-2024'").Order(StringComparer.Ordinal));
        Assert.Equal(Scalar(connection, "SELECT count(*) FROM fact_task_assignment WHERE notice_id = '371325-2024'"),
            Scalar(connection, "SELECT count(*) FROM v_notice_unknown_unit WHERE notice_id = '371325-2024'"));
        var warnings = string.Join("\n", Strings(connection, $"SELECT reason FROM etl_reject WHERE load_id = {result.LoadId} AND reason_code = 'unknown_unit'"));
        Assert.All(names, name => Assert.Contains(name, warnings));
        AssertDataTestsPass(connection);
    }

    [Fact]
    public void BadInput_IsRefusedWithAClearMessage_AndNothingIsLoaded()
    {
        using var tmp = new TempDirectory();
        using var connection = Built(tmp);
        var counts = Counts(connection);
        var binary = tmp.File("scan.txt");
        File.WriteAllBytes(binary, [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x10]);
        var prose = tmp.File("prose.txt");
        File.WriteAllText(prose, "关于做好2021年妇女儿童工作的通知\n\n各单位：请认真贯彻落实有关要求，切实做好各项工作。\n");
        var endless = tmp.File("endless.txt");
        File.WriteAllText(endless, "1." + new string('甲', NoticeLimits.MaxBytes / 3 + 10) + "（牵头单位：市妇联）");

        foreach (var (path, expected) in new[] { (binary, "scan.txt"), (prose, "prose.txt"), (endless, "endless.txt") })
        {
            var ex = Assert.Throws<WccException>(() => Load(connection, path, id: "bad"));
            Assert.Contains(expected, ex.Message + ex.Hint);
            Assert.False(string.IsNullOrWhiteSpace(ex.Hint), ex.Message);
            Assert.Equal(counts, Counts(connection));
        }
        Assert.Throws<WccException>(() => Load(connection, tmp.File("missing.txt")));
        Assert.Contains(InputOption.NoticeId.Ref(), Assert.Throws<WccException>(() => Load(connection, FeixianNotice, id: "bad id")).Message);
        Assert.Contains(InputOption.NoticeArea.Ref(), Assert.Throws<WccException>(() => Load(connection, FeixianNotice, area: "61")).Message);
        // No --id and no area: the notice cannot be named; say how.
        Assert.Contains(InputOption.NoticeArea.Ref(), Assert.Throws<WccException>(() => Load(connection, FeixianNotice)).Hint);
        Assert.Equal(counts, Counts(connection));
    }

    [Fact]
    public void LoadCommand_AddsTheNotice_AndRefusesBadInputWithoutAStackTrace()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);

        var added = WccProcess.Run(RepoPaths.Root, "load", "--db", db, "--notice", FeixianNotice, "--area", "371325", "--id", "371325-2024");
        Assert.True(added.ExitCode == 0, added.Stderr + added.Stdout);
        Assert.Contains("notice 371325-2024 added", added.Stdout);
        Assert.Contains("县卫生健康局", added.Stdout);
        Assert.Contains("line 10", added.Stdout);

        var again = WccProcess.Run(RepoPaths.Root, "load", "--db", db, "--notice", FeixianNotice, "--id", "371325-2024");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("unchanged", again.Stdout);

        var binary = tmp.File("scan.txt");
        File.WriteAllBytes(binary, [0x00, 0x01, 0x02, 0x03, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        var refused = WccProcess.Run(RepoPaths.Root, "load", "--db", db, "--notice", binary);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("scan.txt", refused.Stderr);
        Assert.False(refused.HasStackTrace, refused.Stderr);

        var mixed = WccProcess.Run(RepoPaths.Root, "load", "--db", db, "--notice", FeixianNotice, "--progress", binary);
        Assert.NotEqual(0, mixed.ExitCode);
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM dim_notice"));
    }

    private static void AssertDataTestsPass(DuckDBConnection connection)
    {
        var failed = DataTestRunner.RunAll(connection).Where(t => !t.Passed).Select(t => $"{t.Model}: {t.Test} ({t.Failures})").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    private static List<long> Counts(DuckDBConnection connection) => Written.Select(t => Scalar(connection, $"SELECT count(*) FROM {t}")).ToList();

    private static List<string> Rows(DuckDBConnection connection, string view)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT CAST(COLUMNS(* EXCLUDE (notice_id)) AS VARCHAR) FROM {view}";
        if (!HasColumn(connection, view, "notice_id")) cmd.CommandText = $"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM {view}";
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetString(i))));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static bool HasColumn(DuckDBConnection connection, string view, string column) =>
        Scalar(connection, $"SELECT count(*) FROM information_schema.columns WHERE table_name = '{view}' AND column_name = '{column}'") > 0;

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }
}
