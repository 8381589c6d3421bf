using static Wcc.Tests.Reports.TinyWarehouse;

namespace Wcc.Tests.Reports.Coverage;

public class CoverageMartTests
{
    [Fact]
    public void TaskUnit_FullGridWithMarkedCells()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_coverage_task_unit");
        Assert.Equal(16, rows.Count);
        Assert.Equal(8, rows.Count(r => (string)r["role"]! != "none"));
        Assert.Equal(4, rows.Count(r => (string)r["role"]! == "lead"));
        Assert.Equal(2, I(rows.Single(r => I(r["task_no"]) == 1 && (string)r["unit_name"]! == "市A局")["cell_value"]));
        // collectives are the last column
        Assert.Equal(4, I(rows.First(r => (string)r["unit_name"]! == Collective)["unit_order"]));
        // The view is a set; the report orders its rows (chapter, task, unit_order) when it reads them.
        Assert.Equal(rows.Count, rows.Select(r => (I(r["task_no"]), I(r["unit_order"]))).Distinct().Count());
    }

    [Fact]
    public void ChapterUnit_CountsPerChapter()
    {
        using var c = Open();
        var cells = Rows(c, "SELECT * FROM v_coverage_chapter_unit").ToDictionary(r => (I(r["chapter_no"]), (string)r["unit_name"]!));
        Assert.Equal(8, cells.Count);
        Assert.Equal((2, 0), (I(cells[(1, "市A局")]["tasks_led"]), I(cells[(1, "市A局")]["tasks_responsible"])));
        Assert.Equal((0, 2), (I(cells[(1, "市B局")]["tasks_led"]), I(cells[(1, "市B局")]["tasks_responsible"])));
        Assert.Equal(0, I(cells[(2, "市A局")]["tasks_total"]));
        Assert.Equal(1, I(cells[(2, Collective)]["tasks_responsible"]));
    }

    [Fact]
    public void Attainment_CityProgressing_DistrictMet_DistrictRegressed()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_coverage_attainment").ToDictionary(r => (string)r["area_code"]!);
        Assert.Equal(3, rows.Count);
        // city: baseline 2010 = 80, latest 2020 = 88 (the superseded 70 is ignored), target 90 -> 8 / 10
        Assert.Equal(("progressing", 0.8), ((string)rows["610100"]["status"]!, D(rows["610100"]["attainment_capped"])));
        Assert.Equal((2010, 2020), (I(rows["610100"]["baseline_year"]), I(rows["610100"]["latest_year"])));
        // 新城区 has no own target: the city's 90 applies; 95 meets it
        Assert.Equal(("met", 1.0, "610100"), ((string)rows["610102"]["status"]!, D(rows["610102"]["attainment_capped"]), (string)rows["610102"]["target_area_code"]!));
        // 碑林区: 85 -> 83 against 90 -> -2 / 5
        Assert.Equal(("regressed", -0.4), ((string)rows["610103"]["status"]!, D(rows["610103"]["attainment_capped"])));
        Assert.False((bool)rows["610100"]["is_synthetic"]!);
    }

    [Fact]
    public void Attainment_RatioIsCappedAndSlipFlagged()
    {
        using var c = Open();
        // 碑林区 falls far: 85 -> 60, ratio -5 capped to -1; 新城区 was above 90 and drops below: slipped
        Execute(c, """
            UPDATE fact_observation SET value = 60 WHERE area_code = '610103' AND year = 2019;
            UPDATE fact_observation SET value = 89 WHERE area_code = '610102' AND year = 2020;
            """);
        var rows = Rows(c, "SELECT * FROM v_coverage_attainment").ToDictionary(r => (string)r["area_code"]!);
        Assert.Equal(-1.0, D(rows["610103"]["attainment_capped"]));
        Assert.Equal(-5.0, D(rows["610103"]["attainment_ratio"]), 9);
        Assert.Equal("slipped", rows["610102"]["status"]);
        Assert.Null(rows["610102"]["attainment_capped"]);
    }

    [Fact]
    public void Completeness_CountsYearsInNamedPeriod()
    {
        using var c = Open();
        var rows = Rows(c, "SELECT * FROM v_coverage_completeness").ToDictionary(r => ((string)r["area_code"]!, (string)r["indicator_code"]!));
        Assert.Equal(6, rows.Count); // 3 areas x 2 indicators
        Assert.Equal((3, 11), (I(rows[("610100", "IND1")]["years_present"]), I(rows[("610100", "IND1")]["years_expected"])));
        Assert.Equal(3.0 / 11, D(rows[("610100", "IND1")]["completeness"]), 9);
        // IND2: 2018 only inside 2010-2020 (2021, 2022 are outside)
        Assert.Equal(1, I(rows[("610100", "IND2")]["years_present"]));
        Assert.True((bool)rows[("610100", "IND2")]["is_synthetic"]!);
        Assert.Equal(0, I(rows[("610102", "IND2")]["years_present"]));
    }

    [Fact]
    public void GenderParity_LatestYearWithBothSexes()
    {
        using var c = Open();
        var row = Rows(c, "SELECT * FROM v_gender_parity").Single();
        // 2022 has a female value only, so 2021 is the latest paired year
        Assert.Equal((2021, 0.9), (I(row["year"]), D(row["parity_ratio"])));
        Assert.Equal(Math.Log2(0.9), D(row["parity_log2_capped"]), 9);
        Assert.True((bool)row["is_synthetic"]!);
    }

    [Fact]
    public void Attainment_EqualTarget_MetByTheWarehousesOneRule()
    {
        using var c = Open();
        // an = target: within the tolerance of mart_parameter is met, a visible difference is not, for the heatmap as for
        // the evaluation's verdicts (both call target_met)
        Execute(c, """
            INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, task_nos) VALUES
                ('IND_EQ', '覆盖率', '%', 'rate', false, 'higher', 'children', NULL);
            INSERT INTO fact_target (indicator_code, area_code, sex, comparator, target_value, deadline_year, phrase) VALUES
                ('IND_EQ', '610100', 'T', '=', 100, 2020, '覆盖率达到100%');
            INSERT INTO fact_observation (indicator_code, area_code, year, sex, value, source, load_id, is_current) VALUES
                ('IND_EQ', '610100', 2015, 'T', 90, 'stat', 1, true), ('IND_EQ', '610100', 2020, 'T', 100.0000000000001, 'stat', 1, true),
                ('IND_EQ', '610102', 2015, 'T', 90, 'stat', 1, true), ('IND_EQ', '610102', 2020, 'T', 99.999, 'stat', 1, true);
            """);
        var rows = Rows(c, "SELECT area_code, status, is_met, target_met(comparator, latest_value, target_value) AS rule FROM v_coverage_attainment WHERE indicator_code = 'IND_EQ'")
            .ToDictionary(r => (string)r["area_code"]!);
        Assert.Equal(("met", true, true), ((string)rows["610100"]["status"]!, (bool)rows["610100"]["is_met"]!, (bool)rows["610100"]["rule"]!));
        Assert.Equal(("progressing", false, false), ((string)rows["610102"]["status"]!, (bool)rows["610102"]["is_met"]!, (bool)rows["610102"]["rule"]!));
    }

    [Fact]
    public void MetRule_IsWrittenOnce()
    {
        // the tolerance of an = target is read by the one macro only; views call it rather than compare themselves
        var readers = Wcc.Warehouse.Schema.SchemaCatalog.Models
            .Where(m => m.Sql.Contains("attainment_equal_tolerance", StringComparison.Ordinal))
            .Select(m => m.Name).Order().ToList();
        Assert.Equal(["mart_parameter", "target_met"], readers);
        foreach (var view in new[] { "v_coverage_attainment", "v_eval_attainment" })
            Assert.Contains("target_met(", Wcc.Warehouse.Schema.SchemaCatalog.Models.Single(m => m.Name == view).Sql);
    }

    [Fact]
    public void HeatmapLegend_MetAndUnmet_AreTheVocabularysLabels()
    {
        var legend = Wcc.Reports.Coverage.AttainmentCell.Classes.ToDictionary(c => c.Status, c => c.Legend);
        Assert.Equal(Wcc.Warehouse.Vocabulary.StatusVocabulary.Get(Wcc.Warehouse.Vocabulary.StatusVocabulary.Codes.Attained).Label, legend["met"]);
        var unmet = Wcc.Warehouse.Vocabulary.StatusVocabulary.Get(Wcc.Warehouse.Vocabulary.StatusVocabulary.Codes.NotAttained).Label;
        Assert.All(new[] { "progressing", "regressed", "slipped" }, s => Assert.StartsWith(unmet, legend[s]));
    }
}
