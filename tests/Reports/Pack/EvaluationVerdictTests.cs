using DuckDB.NET.Data;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The verdict rule of v_eval_attainment on hand-made series (target 100 from a 2015 baseline of 80, deadline
/// 2020), the tolerance's edges included, and the flag of a task reported complete while its indicator missed.</summary>
public sealed class EvaluationVerdictTests : IDisposable
{
    private readonly DuckDBConnection connection = TinyWarehouse.Open();

    public EvaluationVerdictTests()
    {
        TinyWarehouse.Execute(connection, """
            INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, task_nos, plan_zh, domain_zh) VALUES
                ('E_MET', '达到目标', '%', 'rate', false, 'higher', 'children', [2], '儿童', '教育'),
                ('E_EDGE', '恰在容差上', '%', 'rate', false, 'higher', 'children', NULL, '儿童', '教育'),
                ('E_JUST_OUT', '刚出容差', '%', 'rate', false, 'higher', 'children', [4], '儿童', '健康'),
                ('E_FELL_BACK', '基期已达标后回落', '%', 'rate', false, 'higher', 'women', NULL, '妇女', '健康'),
                ('E_LOWER', '越低越好', '1/10万', 'ratio', false, 'lower', 'women', NULL, '妇女', '健康'),
                ('E_NO_DATA', '到期无数据', '%', 'rate', false, 'higher', 'women', NULL, '妇女', '经济');
            INSERT INTO fact_target (indicator_code, area_code, sex, comparator, target_value, deadline_year, phrase) VALUES
                ('E_MET', '610100', 'T', '>=', 100, 2020, 't'), ('E_EDGE', '610100', 'T', '>=', 100, 2020, 't'),
                ('E_JUST_OUT', '610100', 'T', '>=', 100, 2020, 't'), ('E_FELL_BACK', '610100', 'T', '>=', 100, 2020, 't'),
                ('E_LOWER', '610100', 'T', '<=', 10, 2020, 't'), ('E_NO_DATA', '610100', 'T', '>=', 100, 2020, 't');
            INSERT INTO fact_observation (indicator_code, area_code, year, sex, value, source, load_id, is_current) VALUES
                ('E_MET', '610100', 2012, 'T', 70, 'stat', 1, true), ('E_MET', '610100', 2015, 'T', 80, 'stat', 1, true),
                ('E_MET', '610100', 2017, 'T', 90, 'stat', 1, true), ('E_MET', '610100', 2019, 'T', 95, 'stat', 1, true),
                ('E_MET', '610100', 2020, 'T', 100, 'stat', 1, true),
                ('E_EDGE', '610100', 2015, 'T', 80, 'stat', 1, true), ('E_EDGE', '610100', 2020, 'T', 99, 'stat', 1, true),
                ('E_JUST_OUT', '610100', 2015, 'T', 80, 'stat', 1, true), ('E_JUST_OUT', '610100', 2020, 'T', 98.99, 'stat', 1, true),
                ('E_FELL_BACK', '610100', 2015, 'T', 100, 'stat', 1, true), ('E_FELL_BACK', '610100', 2020, 'T', 99.9, 'stat', 1, true),
                ('E_LOWER', '610100', 2015, 'T', 30, 'stat', 1, true), ('E_LOWER', '610100', 2020, 'T', 11, 'stat', 1, true),
                ('E_NO_DATA', '610100', 2021, 'T', 100, 'stat', 1, true);
            INSERT INTO fact_task_progress (task_no, unit_name, year, status, source, notice_id) VALUES
                (4, '市C局', 2020, '已完成', 'test', 'tiny'), (2, '市A局', 2021, '已完成', 'test', 'tiny');
            """);
        // The forecast rows the pack stands on, as `wcc forecast` would store them for as-of 2019 and 2020.
        foreach (var (asOf, code) in new[] { (2019, StatusVocabulary.Codes.NeedsAcceleration), (2020, StatusVocabulary.Codes.OffTrack) })
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO fact_forecast (indicator_code, area_code, sex, deadline_year, as_of_year, method, method_used, target_area_code,
                                           comparator, target_value, n_points, status, reason, is_default)
                SELECT indicator_code, area_code, sex, deadline_year, $as_of, 'weighted_trend', 'weighted_trend', area_code,
                       comparator, target_value, 2, $status, 'test', true
                FROM fact_target WHERE indicator_code LIKE 'E\_%' ESCAPE '\'
                """;
            cmd.Parameters.Add(new DuckDBParameter("as_of", asOf));
            cmd.Parameters.Add(new DuckDBParameter("status", StatusVocabulary.Get(code).Label));
            cmd.ExecuteNonQuery();
        }
    }

    public void Dispose() => connection.Dispose();

    private Dictionary<string, object?> Row(string indicator, int asOf = 2020) =>
        Assert.Single(TinyWarehouse.Rows(connection, $"SELECT * FROM v_eval_attainment WHERE indicator_code = '{indicator}' AND as_of_year = {asOf}"));

    [Theory]
    [InlineData("E_MET", StatusVocabulary.Codes.Attained)]
    [InlineData("E_EDGE", StatusVocabulary.Codes.BasicallyAttained)]     // (99 - 80) / (100 - 80) = 0.95: on the tolerance
    [InlineData("E_JUST_OUT", StatusVocabulary.Codes.NotAttained)]       // 0.9495: just outside it
    [InlineData("E_FELL_BACK", StatusVocabulary.Codes.NotAttained)]      // baseline met: no tolerance for falling back
    [InlineData("E_LOWER", StatusVocabulary.Codes.BasicallyAttained)]    // (11 - 30) / (10 - 30) = 0.95, lower is better
    [InlineData("E_NO_DATA", StatusVocabulary.Codes.NoData)]             // only a value after the as-of year
    public void Verdict_AtTheDeadline_FollowsTheVocabularyRule(string indicator, string expected)
    {
        var row = Row(indicator);
        Assert.Equal(expected, row["verdict_code"]);
        Assert.Equal(StatusVocabulary.Get(expected).Label, row["verdict"]);
        // at the deadline the verdict is what a reader sees, never the forecast (stored here as off track)
        Assert.Equal("final", row["phase"]);
        Assert.Equal(row["verdict"], row["shown_status"]);
    }

    [Fact]
    public void Tolerance_IsTheVocabularys()
    {
        // E_EDGE sits exactly on 1 - tolerance; the seed's tolerance is what the view applies
        Assert.Equal(1 - StatusVocabulary.BasicTolerance, (double)Row("E_EDGE")["progress_ratio"]!, 9);
    }

    [Fact]
    public void BaselineMidtermFinal_AreReadAsDeclared()
    {
        var row = Row("E_MET");
        Assert.Equal(2015, row["baseline_year"]);   // the baseline year is observed
        Assert.Equal(2017, row["midterm_year"]);    // 2017 and 2019 are equally near 2018: the earlier
        Assert.Equal(2020, row["final_year"]);
        Assert.Equal(0.0, row["gap_to_target"]);
        var lower = Row("E_LOWER");
        Assert.Equal(1.0, (double)lower["gap_to_target"]!, 9);
        // 2015 and 2020 observed: 2020 is nearer 2018 (2 years against 3), so the nearer wins over the earlier
        Assert.Equal(2020, lower["midterm_year"]);
        Assert.Equal(11.0, (double)lower["midterm_value"]!, 9);
        // as of 2019, 2019 and 2017 tie again and the earlier is read; a value after the as-of year is never the mid-term
        Assert.Equal(2017, Row("E_MET", 2019)["midterm_year"]);
        Assert.Equal(90.0, (double)Row("E_MET")["midterm_value"]!, 9);
        var before = Row("E_MET", 2019);
        Assert.Equal(2019, before["final_year"]);
    }

    [Fact]
    public void BeforeTheDeadline_TheForecastIsShown()
    {
        var row = Row("E_JUST_OUT", 2019);
        Assert.Equal("forecast", row["phase"]);
        Assert.Equal(StatusVocabulary.Get(StatusVocabulary.Codes.NeedsAcceleration).Label, row["shown_status"]);
    }

    [Fact]
    public void AttainmentRate_CountsOnlyAttainedOverTargetsWithData()
    {
        var overall = Assert.Single(TinyWarehouse.Rows(connection,
            "SELECT * FROM v_eval_attainment_rate WHERE as_of_year = 2020 AND breakdown = 'overall'"));
        var all = TinyWarehouse.Rows(connection, "SELECT verdict_code FROM v_eval_attainment WHERE as_of_year = 2020 AND is_city");
        var attained = all.Count(r => (string?)r["verdict_code"] == StatusVocabulary.Codes.Attained);
        var withData = all.Count(r => (string?)r["verdict_code"] != StatusVocabulary.Codes.NoData);
        Assert.Equal((long)all.Count, overall["targets"]);
        Assert.Equal((double)attained / withData, (double)overall["attainment_rate"]!, 9);
        var children = Assert.Single(TinyWarehouse.Rows(connection,
            "SELECT * FROM v_eval_attainment_rate WHERE as_of_year = 2020 AND breakdown = 'domain' AND plan_zh = '儿童' AND domain_zh = '教育'"));
        Assert.Equal(2L, children["targets"]);   // E_MET and E_EDGE
        Assert.Equal(1L, children["attained"]);
        Assert.Equal(1L, children["basically_attained"]);
    }

    [Fact]
    public void TaskReportedComplete_WithAnUnmetIndicator_IsFlagged()
    {
        var tasks = TinyWarehouse.Rows(connection, "SELECT task_no, claimed_complete, unmet_targets, completed_but_unmet FROM v_eval_task WHERE as_of_year = 2020")
            .ToDictionary(r => (int)r["task_no"]!);
        // task 4 says 已完成 and its indicator E_JUST_OUT is not attained
        Assert.True((bool)tasks[4]["completed_but_unmet"]!);
        Assert.Equal(1L, tasks[4]["unmet_targets"]);
        // task 2 says 已完成 and its indicator E_MET is attained: no flag
        Assert.True((bool)tasks[2]["claimed_complete"]!);
        Assert.False((bool)tasks[2]["completed_but_unmet"]!);
        // task 3 is in progress: no claim, no flag
        Assert.False((bool)tasks[3]["completed_but_unmet"]!);
    }
}
