using Wcc.Etl.Collection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Collection;

public class IntakeJobTests(CollectionFixture fixture) : IClassFixture<CollectionFixture>
{
    private const string Unit = "市教育局";

    private static IntakeOptions Options(params string[] files) => new(files, CollectionFixture.Round, null, () => CollectionFixture.Clock.AddDays(30));

    [Fact]
    public void Load_GoodReturn_EveryCellLoadedReconciledAndSupersedesSynthetic()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        var filled = 0;
        FormFiller.Fill(form, f => filled = FormValues.FillAll(f));

        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));

        Assert.Equal(filled, result.Read);
        Assert.True(result.Reconciles);
        Assert.Equal((0, 0, 0, 0), (result.Returned, result.Rejected, result.Empty, result.Missing));
        Assert.Equal(filled, result.Loaded);
        var owed = Db.Count(connection, "SELECT count(*) FROM fact_collection_owed WHERE round_year = 2020 AND unit_name = $u", ("u", Unit));
        Assert.Equal(owed, filled);
        var source = CollectionLayout.Source(Unit, CollectionFixture.Round);
        var indicatorCells = result.Cells.Count(c => c.ItemKind == "indicator");
        Assert.Equal(indicatorCells, Db.Count(connection, "SELECT count(*) FROM v_observation WHERE year = 2020 AND source = $s", ("s", source)));
        // The synthetic values they replace stay in the history, no longer current.
        Assert.True(Db.Count(connection, """
            SELECT count(*) FROM fact_observation o JOIN fact_collection_owed w
              ON w.indicator_code = o.indicator_code AND w.area_code = o.area_code AND w.sex = o.sex
            WHERE w.unit_name = $u AND o.year = 2020 AND o.source = 'synthetic' AND NOT o.is_current
            """, ("u", Unit)) > 0);
        Assert.Equal(0, Db.Count(connection, """
            SELECT count(*) FROM v_observation o JOIN fact_collection_owed w
              ON w.indicator_code = o.indicator_code AND w.area_code = o.area_code AND w.sex = o.sex
            WHERE w.unit_name = $u AND o.year = 2020 AND o.source <> $s
            """, ("u", Unit), ("s", source)));
        Assert.Equal("已通过", Db.Scalar(connection, "SELECT status FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));
        // Progress: the unit's synthetic rows for the year are gone, its own are there with their evidence.
        Assert.Equal(0, Db.Count(connection, "SELECT count(*) FROM fact_task_progress WHERE unit_name = $u AND year = 2020 AND source = 'synthetic'", ("u", Unit)));
        Assert.Equal(result.Cells.Count(c => c.ItemKind == "progress"),
            Db.Count(connection, "SELECT count(*) FROM fact_task_progress WHERE unit_name = $u AND year = 2020 AND evidence = '市教发〔2020〕12号'", ("u", Unit)));
    }

    [Fact]
    public void Load_UnfilledForm_EveryOwedCellRecordedMissing()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);

        var result = Assert.Single(IntakeJob.Run(connection, Options(form) with { FeedbackDirectory = tmp.File("feedback") }));

        var owed = Db.Count(connection, "SELECT count(*) FROM fact_collection_owed WHERE round_year = 2020 AND unit_name = $u", ("u", Unit));
        Assert.Equal(owed, result.Read);
        Assert.Equal(owed, result.Missing);
        Assert.Equal("退回修改", Db.Scalar(connection, "SELECT status FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));
        Assert.Equal(owed, Db.Count(connection, "SELECT cells_missing FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));
    }

    [Fact]
    public void Load_BadAndOddCells_EachGetsItsVerdictAndTheFeedbackListsThem()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        const string Kg = "C_KG_GER";
        string[] d = ["610102", "610103", "610104", "610111", "610112", "610113", "610114"];
        var last = new Dictionary<string, double>();
        FormFiller.Fill(form, f =>
        {
            FormValues.FillAll(f);
            foreach (var row in f.IndicatorRows().Where(r => r.Code == Kg)) last[row.Area] = row.Last!.Value;
            f.SetValue(Kg, d[0], "T", "约九成");                          // not a number
            f.SetValue(Kg, d[1], "T", 120.0);                             // out of bounds (0-100)
            f.SetValue(Kg, d[2], "T", FullWidth(Near(last[d[2]])), shared: true);   // full-width digits, shared string: fine
            f.SetValue(Kg, d[3], "T", Near(last[d[3]]) + "%");                     // a percent sign on a % indicator: fine
            f.SetValue(Kg, d[4], "T", last[d[4]] - 20);                   // a 20-point fall, unexplained: returned
            f.SetValue(Kg, d[5], "T", last[d[5]] - 20, "2020年辖区调整，新增幼儿园尚未纳入统计", dataSource: "2020年教育统计年报");   // explained: loaded
            f.SetValue(Kg, d[6], "T", null);                              // empty, no reason: missing
            f.SetValue(Kg, "610115", "T", null, "本年度未开展该项统计");       // empty with a reason
            f.SetProgress(15, "进行中", "按计划推进");                       // not a listed status
            f.SetProgress(16, "已完成", "=1+1", completed: "2020年6月30日", narrativeAsFormula: true);
            f.SetProgress(17, "推进中", "@SUM(A1:A3)");
        });
        var feedbackDir = tmp.File("feedback");

        var result = Assert.Single(IntakeJob.Run(connection, Options(form) with { FeedbackDirectory = feedbackDir }));

        string Outcome(string area) => (string)Db.Scalar(connection,
            "SELECT outcome || ':' || coalesce(rule_code, '') FROM fact_collection_cell WHERE indicator_code = $c AND area_code = $a AND sex = 'T'",
            ("c", Kg), ("a", area))!;
        Assert.Equal("rejected:not_a_number", Outcome(d[0]));
        Assert.Equal("rejected:out_of_bounds", Outcome(d[1]));
        Assert.Equal("loaded:", Outcome(d[2]));
        Assert.Equal("loaded:", Outcome(d[3]));
        Assert.Equal("returned:yoy_change", Outcome(d[4]));
        Assert.Equal("loaded:yoy_change", Outcome(d[5]));
        Assert.Equal("missing:blank_no_reason", Outcome(d[6]));
        Assert.Equal("empty:", Outcome("610115"));
        Assert.Equal("2020年教育统计年报", Db.Scalar(connection, "SELECT data_source FROM fact_collection_cell WHERE indicator_code = $c AND area_code = $a", ("c", Kg), ("a", d[5])));
        Assert.Equal(double.Parse(Near(last[d[2]])), Convert.ToDouble(Db.Scalar(connection, "SELECT value FROM v_observation WHERE indicator_code = $c AND area_code = $a AND year = 2020", ("c", Kg), ("a", d[2]))));
        Assert.Equal(double.Parse(Near(last[d[3]])), Convert.ToDouble(Db.Scalar(connection, "SELECT value FROM v_observation WHERE indicator_code = $c AND area_code = $a AND year = 2020", ("c", Kg), ("a", d[3]))));
        // A refused value leaves the synthetic one current.
        Assert.Equal("synthetic", Db.Scalar(connection, "SELECT source FROM v_observation WHERE indicator_code = $c AND area_code = $a AND year = 2020", ("c", Kg), ("a", d[1])));
        Assert.Equal("rejected:bad_status", Db.Scalar(connection, "SELECT outcome || ':' || rule_code FROM fact_collection_cell WHERE task_no = 15"));
        Assert.Equal("=1+1", Db.Scalar(connection, "SELECT narrative FROM fact_task_progress WHERE task_no = 16 AND unit_name = $u AND year = 2020", ("u", Unit)));
        Assert.Equal("@SUM(A1:A3)", Db.Scalar(connection, "SELECT narrative FROM fact_task_progress WHERE task_no = 17 AND unit_name = $u AND year = 2020", ("u", Unit)));
        Assert.Equal(new DateOnly(2020, 6, 30), Db.Scalar(connection, "SELECT completion_date FROM fact_task_progress WHERE task_no = 16 AND unit_name = $u AND year = 2020", ("u", Unit)));

        Assert.True(result.Reconciles);
        Assert.Equal((3, 1, 1, 1), (result.Rejected, result.Returned, result.Missing, result.Empty));
        // Every data test declared beside the models (keys, relationships, the reconciliation expression) holds.
        Assert.Empty(Wcc.Warehouse.Quality.DataTestRunner.RunAll(connection).Where(t => t.Failures > 0).Select(t => $"{t.Model}: {t.Test}"));
        Assert.Equal(result.Read, Db.Count(connection, "SELECT count(*) FROM fact_collection_cell WHERE load_id = $l", ("l", result.LoadId!.Value)));
        Assert.Equal("退回修改", Db.Scalar(connection, "SELECT status FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));

        // The feedback: the same workbook, problem cells filled red, a 审核结果 sheet first listing each problem.
        var feedback = FeedbackWorkbook.Read(Assert.IsType<string>(result.FeedbackPath));
        Assert.Equal(CollectionLayout.FeedbackSheet, feedback.SheetNames[0]);
        Assert.Contains(CollectionLayout.IndicatorSheet, feedback.SheetNames);
        var problems = result.Cells.Where(c => c.Outcome is CellOutcome.Rejected or CellOutcome.Returned or CellOutcome.Missing).ToList();
        Assert.Equal(5, problems.Count);
        foreach (var p in problems)
        {
            Assert.Contains(feedback.ResultRows, r => r[0] == p.Cell.Sheet && r[1] == p.Cell.Ref && r[2] == RuleNames.Of(p.RuleCode) && r[5].Length > 0);
            Assert.True(feedback.IsProblemFilled(p.Cell.Sheet, p.Cell.Ref), $"{p.Cell.Ref} is not highlighted");
        }
        var fine = result.Cells.First(c => c.Outcome == CellOutcome.Loaded && c.RuleCode is null);
        Assert.False(feedback.IsProblemFilled(fine.Cell.Sheet, fine.Cell.Ref));
        // What the clerk typed is still there.
        Assert.Equal("约九成", feedback.CellText(CollectionLayout.IndicatorSheet, problems.First(p => p.RuleCode == "not_a_number").Cell.Ref));
    }

    /// <summary>A value 0.3 from last year's, inside 0-100, as text with one decimal.</summary>
    private static string Near(double last) => Math.Round(last + 0.3 > 100 ? last - 0.3 : last + 0.3, 1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string FullWidth(string ascii) => new(ascii.Select(c => (char)(c + 0xFEE0)).ToArray());

    [Fact]
    public void Load_ControlCharacterInATextCell_IsAHardError_TheRestLoads()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        FormFiller.Fill(form, f =>
        {
            FormValues.FillAll(f);
            // What Excel writes for an ESC or a BEL pasted into a cell: XML cannot hold them raw.
            f.SetValue("C_KG_GER", "610102", "T", 95.5, "数据来自_x001B_[31m年报");
            f.SetProgress(15, "推进中", "按计划推进_x0007_");
        });

        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));

        Assert.Equal("rejected:control_character", Db.Scalar(connection,
            "SELECT outcome || ':' || rule_code FROM fact_collection_cell WHERE indicator_code = 'C_KG_GER' AND area_code = '610102' AND sex = 'T'"));
        Assert.Equal("rejected:control_character", Db.Scalar(connection,
            "SELECT outcome || ':' || rule_code FROM fact_collection_cell WHERE task_no = 15"));
        Assert.Equal(0L, Convert.ToInt64(Db.Scalar(connection, "SELECT count(*) FROM fact_task_progress WHERE narrative LIKE '%x0007%'")));
        Assert.True(Convert.ToInt64(Db.Scalar(connection, "SELECT count(*) FROM fact_collection_cell WHERE outcome = 'loaded'")) > 0);
        _ = result;
    }

    [Fact]
    public void Load_SameFileTwice_ChangesNothing_SecondReturnSupersedesFirst()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var first = fixture.CopyForm(tmp, Unit, "first.xlsx");
        FormFiller.Fill(first, f => FormValues.FillAll(f));
        var firstLoad = Assert.Single(IntakeJob.Run(connection, Options(first))).LoadId;
        string Counts() => $"{Db.Count(connection, "SELECT count(*) FROM fact_observation")}/{Db.Count(connection, "SELECT count(*) FROM fact_collection_cell")}/" +
                           $"{Db.Count(connection, "SELECT count(*) FROM etl_run")}/{Db.Count(connection, "SELECT count(*) FROM fact_task_progress")}";
        var before = Counts();

        var again = Assert.Single(IntakeJob.Run(connection, Options(first)));
        Assert.Equal(firstLoad, again.UnchangedSinceLoad);
        Assert.Equal(before, Counts());

        var second = fixture.CopyForm(tmp, Unit, "second.xlsx");
        FormFiller.Fill(second, f =>
        {
            FormValues.FillAll(f);
            var row = f.IndicatorRows().First(r => r.Code == "C_KG_GER" && r.Area == "610100");
            f.SetValue(row.Code, row.Area, row.Sex, FormValues.Good(row.TwoAgo, row.Last, row.RangeText) - 0.05);
        });
        var secondLoad = Assert.Single(IntakeJob.Run(connection, Options(second))).LoadId;
        Assert.Equal(secondLoad, Db.Scalar(connection, "SELECT load_id FROM fact_collection_submission WHERE is_current AND unit_name = $u", ("u", Unit)));
        Assert.Equal(2L, Db.Count(connection, "SELECT count(*) FROM fact_collection_submission WHERE unit_name = $u", ("u", Unit)));
        // The city value changed: three versions of it (synthetic, first return, second return), the latest current.
        Assert.Equal(3L, Db.Count(connection, "SELECT count(*) FROM v_observation_history WHERE indicator_code = 'C_KG_GER' AND area_code = '610100' AND year = 2020"));
        Assert.Equal(secondLoad, Db.Scalar(connection, "SELECT load_id FROM fact_observation WHERE is_current AND indicator_code = 'C_KG_GER' AND area_code = '610100' AND year = 2020"));
        // Unchanged values keep the version the first return wrote.
        Assert.Equal(firstLoad, Db.Scalar(connection, "SELECT load_id FROM fact_observation WHERE is_current AND indicator_code = 'C_KG_GER' AND area_code = '610102' AND year = 2020"));
    }

    [Fact]
    public void Load_RenamedReorderedSheetsAndClerkRows_StillReadsEveryValue()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        var filled = 0;
        FormFiller.Fill(form, f =>
        {
            filled = FormValues.FillAll(f);
            f.AddClerkRows("备注：以上数据经局长审核");
            f.RenameAndMoveFirst(CollectionLayout.IndicatorSheet, "Sheet1");
        });
        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));
        Assert.Equal(filled, result.Loaded);
        Assert.Equal(filled, result.Read);
        Assert.All(result.Cells.Where(c => c.ItemKind == "indicator"), c => Assert.Equal("Sheet1", c.Cell.Sheet));
    }

    [Fact]
    public void Load_FormOfAnotherRound_IsRefusedNamingTheCell_NothingLoaded()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var good = fixture.CopyForm(tmp, Unit);
        FormFiller.Fill(good, f => FormValues.FillAll(f));
        var runs = Db.Count(connection, "SELECT count(*) FROM etl_run");
        var ex = Assert.Throws<Wcc.Warehouse.Connection.WccException>(() => IntakeJob.Run(connection, Options(good) with { Round = 2019 }));
        Assert.Contains(Path.GetFileName(good), ex.Message);
        Assert.Contains("cell D1", ex.Message);
        Assert.Contains("round 2020", ex.Message);
        Assert.Equal(runs, Db.Count(connection, "SELECT count(*) FROM etl_run"));
    }

    [Fact]
    public void Load_PatternRules_CopyPasteBelowCityAndSubGroupAboveTotal_AreReturned()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市卫健委");
        FormFiller.Fill(form, f =>
        {
            FormValues.FillAll(f);
            var rows = f.IndicatorRows();
            // Copy-paste: every district of C_IMMUNISATION equal to last year's value.
            foreach (var r in rows.Where(r => r.Code == "C_IMMUNISATION" && r.Area != "610100" && r.Last is not null)) f.SetValue(r.Code, r.Area, r.Sex, r.Last!.Value);
            // Below city: every district of W_HOSPITAL_DELIVERY below a city value of 99.99.
            foreach (var r in rows.Where(r => r.Code == "W_HOSPITAL_DELIVERY" && r.Area != "610100")) f.SetValue(r.Code, r.Area, r.Sex, 99.0, "按卫健统计年报");
            f.SetValue("W_HOSPITAL_DELIVERY", "610100", "F", 99.99);
            // Sub-group above its total: infant mortality above under-five mortality in 新城区 (girls).
            var infant = rows.Single(r => (r.Code, r.Area, r.Sex) == ("C_INFANT_MORTALITY", "610102", "F")).Last!.Value;
            f.SetValue("C_U5_MORTALITY", "610102", "F", infant - 0.5, "以年报为准");
            f.SetValue("C_INFANT_MORTALITY", "610102", "F", infant + 0.1, null);
        });

        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));

        var byRule = result.Cells.Where(c => c.Outcome == CellOutcome.Returned).GroupBy(c => c.RuleCode!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byRule["copy_paste"], c => Assert.Equal("C_IMMUNISATION", c.IndicatorCode));
        Assert.True(byRule["copy_paste"].Count >= AuditRules.MinDistrictsForPattern);
        var below = Assert.Single(byRule["below_city"]);
        Assert.Equal(("W_HOSPITAL_DELIVERY", "610100"), (below.IndicatorCode, below.AreaCode));
        Assert.Contains(byRule["not_above"], c => (c.IndicatorCode, c.AreaCode, c.Sex) == ("C_INFANT_MORTALITY", "610102", "F"));
        Assert.True(result.Reconciles);
    }

    [Fact]
    public void Load_CountBySex_FemalePlusMaleNotTotal_AllThreeRejected()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, lower_bound, origin, reporting_unit)
                VALUES ('C_TEST_PUPILS', '在校学生数', '人', 'count', true, 'higher', 'children', 0, 'test', '市教育局')
                """;
            cmd.ExecuteNonQuery();
        }
        var forms = TemplateJob.Run(connection, new TemplateOptions(CollectionFixture.Round, [Unit], tmp.File("forms"), () => CollectionFixture.Clock));
        var form = Assert.Single(forms).Path;
        FormFiller.Fill(form, f =>
        {
            FormValues.FillAll(f);
            foreach (var r in f.IndicatorRows().Where(r => r.Code == "C_TEST_PUPILS")) f.SetValue(r.Code, r.Area, r.Sex, r.Sex == "T" ? 2000.0 : 1000.0);
            f.SetValue("C_TEST_PUPILS", "610102", "T", 2500.0);
            f.SetValue("C_TEST_PUPILS", "610103", "M", -5.0);
        });

        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));

        var pupils = result.Cells.Where(c => c.IndicatorCode == "C_TEST_PUPILS").ToList();
        Assert.Equal(3, pupils.Count(c => c.RuleCode == "sex_inconsistent" && c.AreaCode == "610102"));
        Assert.Equal("negative_count", pupils.Single(c => c.AreaCode == "610103" && c.Sex == "M").RuleCode);
        Assert.Equal(CellOutcome.Loaded, pupils.Single(c => c.AreaCode == "610104" && c.Sex == "T").Outcome);
    }

    [Fact]
    public void Status_EveryCellAcceptedButOneOnAnExplanation_IsPendingReview()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, Unit);
        FormFiller.Fill(form, f =>
        {
            FormValues.FillAll(f);
            f.SetValue("C_KG_GER", "610102", "T", null, "该区2020年未开展统计");
        });
        var result = Assert.Single(IntakeJob.Run(connection, Options(form)));
        Assert.Equal(1, result.Empty);
        Assert.Equal("已报送待审核", Db.Scalar(connection, "SELECT status FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));
        Assert.Equal(1L, Db.Count(connection, "SELECT cells_explained FROM v_collection_status WHERE unit_name = $u", ("u", Unit)));
        Assert.Equal("未报送", Db.Scalar(connection, "SELECT status FROM v_collection_status WHERE unit_name = '市卫健委'"));
    }
}
