using System.Text.RegularExpressions;
using Wcc.Etl.Build;
using Wcc.Etl.Seeds;
using Wcc.Tests.Support;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Etl.Seeds;

public partial class RealSeedsTests
{
    private const int NoticeTaskCount = 38;

    private static readonly string[] SeedTables = ["dim_area", "dim_unit", "dim_unit_alias", "dim_indicator", "fact_target", "fact_reference_value"];

    /// <summary>Data rows of a seed CSV, counted from the file itself (none of these files has a line break inside a field).</summary>
    internal static long DataRows(string file) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Seeds, file)).Count(l => l.Trim().Length > 0) - 1;

    /// <summary>How many indicators seeds/indicators.csv declares: tests derive counts from it, never hard-code them.</summary>
    internal static long IndicatorCount() => DataRows(WarehouseBuild.IndicatorsFile);

    /// <summary>The smallest catalogue issue 13 accepts.</summary>
    private const int MinCatalogueSize = 80;

    /// <summary>Loads the real seeds the way the build does, with dim_task standing in for the notice step.</summary>
    private static SeedTestWarehouse Loaded()
    {
        var w = new SeedTestWarehouse();
        w.InsertTasks(NoticeTaskCount);
        var options = new BuildOptions(RepoPaths.Seeds, () => SeedTestWarehouse.Clock);
        foreach (var step in WarehouseBuild.Steps(options))
        {
            var run = w.Run(step.Job);
            run.Succeed(step.Run(w.Connection, run), SeedTestWarehouse.Clock);
        }
        return w;
    }

    [Fact]
    public void Build_Steps_AreSeedsInDependencyOrder()
    {
        var steps = WarehouseBuild.Steps(new BuildOptions(RepoPaths.Seeds, () => SeedTestWarehouse.Clock));
        var jobs = steps.Select(s => s.Job).ToList();
        var seedOrder = new[] { AreaSeedJob.Job, UnitSeedJob.Job, IndicatorSeedJob.Job, TargetSeedJob.Job, ReferenceValueSeedJob.Job }.Select(j => jobs.IndexOf(j)).ToList();
        Assert.DoesNotContain(-1, seedOrder);
        Assert.Equal(seedOrder.Order(), seedOrder);
        Assert.All(steps.Where(s => s.InputPath is not null), s => Assert.True(File.Exists(s.InputPath), s.InputPath));
    }

    [Fact]
    public void RealSeeds_Areas_AreXiansFourteenWithParents()
    {
        using var w = Loaded();
        Assert.Equal(14, w.Scalar("SELECT count(*) FROM dim_area WHERE area_code = '610100' OR parent_code = '610100'"));
        Assert.Equal(13, w.Scalar("SELECT count(*) FROM dim_area WHERE parent_code = '610100' AND area_level IN ('district', 'county')"));
        Assert.Equal(["610102", "610103", "610104", "610112", "610113"], w.Strings("SELECT area_code FROM dim_area WHERE is_central ORDER BY 1"));
        Assert.Equal(["610000", "100000"], w.Strings(
            "SELECT p.area_code FROM dim_area c JOIN dim_area p ON p.area_code = c.parent_code WHERE c.area_code = '610100' " +
            "UNION ALL SELECT parent_code FROM dim_area WHERE area_code = '610000'"));
    }

    [Fact]
    public void RealSeeds_EveryUnitNamedInTheNotice_IsAKnownUnit()
    {
        using var w = Loaded();
        var names = NoticeUnitNames();
        Assert.Equal(25, names.Count);
        var known = w.Strings("SELECT unit_name FROM dim_unit WHERE is_known").ToHashSet();
        var missing = names.Except(known).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void RealSeeds_Renames_ResolveToSuccessorsThatStartLater()
    {
        using var w = Loaded();
        Assert.Equal(0, w.Scalar("""
            SELECT count(*) FROM dim_unit u LEFT JOIN dim_unit s ON s.unit_name = u.successor_name
            WHERE u.successor_name IS NOT NULL AND (s.unit_name IS NULL OR s.valid_from <= u.valid_to)
            """));
        Assert.Equal(
            ["市农林委->市农业农村局", "市卫计委->市卫健委", "市扶贫办->市乡村振兴局", "市文广新局->市文化和旅游局", "市法制办->市司法局"],
            w.Strings("SELECT unit_name || '->' || successor_name FROM dim_unit WHERE successor_name IS NOT NULL ORDER BY 1"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_unit_alias WHERE alias = '西安市卫生健康委员会' AND unit_name = '市卫健委'"));
        Assert.Equal(2, w.Scalar("SELECT count(*) FROM dim_unit WHERE is_collective"));
    }

    [Fact]
    public void RealSeeds_Targets_ReferenceKnownIndicatorsAndQuoteTheNotice()
    {
        using var w = Loaded();
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_target t ANTI JOIN dim_indicator i USING (indicator_code)"));
        // Every quantified target of the notice is covered (tasks 4, 13, 16, 17, 28, 31, 34).
        Assert.Equal([4, 13, 16, 17, 28, 31, 34], w.Strings("SELECT DISTINCT CAST(task_no AS VARCHAR) FROM fact_target WHERE task_no IS NOT NULL").Select(int.Parse).Order());
        var notice = File.ReadAllText(RepoPaths.Notice);
        Assert.All(w.Strings("SELECT phrase FROM fact_target WHERE task_no IS NOT NULL"), p => Assert.Contains(p, notice));
        // Targets without a task come from the 2011-2020 plans; their indicator's source says which.
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_target t JOIN dim_indicator i USING (indicator_code) WHERE t.task_no IS NULL AND i.source NOT LIKE 'national: %'"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM fact_target WHERE indicator_code = 'W_EMP_TRAINED' AND comparator = '>=' AND target_value = 60000 AND sex = 'F'"));
    }

    [Fact]
    public void RealSeeds_Catalogue_EveryIndicatorHasAPlanAndADomainOfIt()
    {
        using var w = Loaded();
        // Issue 13: a catalogue worth evaluating covers the 2011-2020 outlines' objectives, at least 80 indicators.
        Assert.True(IndicatorCount() >= MinCatalogueSize, $"seeds/indicators.csv declares {IndicatorCount()} indicators, fewer than {MinCatalogueSize}");
        Assert.Equal(IndicatorCount(), w.Scalar("SELECT count(*) FROM dim_indicator"));
        // Every domain of both plans has indicators, and quantified targets exist in both plans.
        Assert.Equal(PlanDomains.ByPlan.Sum(p => p.Value.Count), w.Scalar("SELECT count(DISTINCT (plan_zh, domain_zh)) FROM dim_indicator"));
        Assert.Equal(2, w.Scalar("SELECT count(DISTINCT plan_zh) FROM dim_indicator i SEMI JOIN fact_target t USING (indicator_code)"));
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_indicator WHERE plan_zh IS NULL OR domain_zh IS NULL OR target_source IS NULL"));
        var pairs = w.Strings("SELECT DISTINCT plan_zh || '|' || domain_zh FROM dim_indicator").Select(p => p.Split('|'));
        Assert.All(pairs, p => Assert.Contains(p[1], PlanDomains.ByPlan[p[0]]));
        // Indicators that carry a target say where it comes from.
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_indicator i SEMI JOIN fact_target t USING (indicator_code) WHERE i.target_source IS NULL"));
    }

    [Fact]
    public void RealSeeds_ReferenceValues_AllLoaded_EachWithItsSource()
    {
        using var w = Loaded();
        var rows = DataRows(WarehouseBuild.ReferenceValuesFile);
        Assert.True(rows > 0, "seeds/reference_values.csv holds no published value");
        Assert.Equal(rows, w.Scalar("SELECT count(*) FROM fact_reference_value"));
        Assert.Equal(rows, w.Scalar("SELECT count(*) FROM v_reference_value"));
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_reference_value WHERE trim(source_title) = '' OR source_url NOT SIMILAR TO 'https?://[^ ]+'"));
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_reference_value r ANTI JOIN dim_indicator i USING (indicator_code)"));
    }

    [Fact]
    public void RealSeeds_Reload_ReplacesRatherThanDuplicates()
    {
        using var w = Loaded();
        var before = SeedTables.Select(t => w.Scalar($"SELECT count(*) FROM {t}")).ToList();
        foreach (var step in WarehouseBuild.Steps(new BuildOptions(RepoPaths.Seeds, () => SeedTestWarehouse.Clock)))
        {
            step.Run(w.Connection, w.Run(step.Job));
        }
        Assert.Equal(before, SeedTables.Select(t => w.Scalar($"SELECT count(*) FROM {t}")));
        Assert.All(before, n => Assert.True(n > 0));
    }

    [Fact]
    public void RealSeeds_DataTests_PassForSeedTables()
    {
        using var w = Loaded();
        // Only the seed tables' declared tests are run: the others' are checked where their tables are filled.
        var failed = SchemaCatalog.Models.Where(m => SeedTables.Contains(m.Name)).SelectMany(m => DataTestRunner.Run(w.Connection, m)).Where(r => !r.Passed).ToList();
        Assert.Empty(failed);
    }

    [Fact]
    public void RealSeeds_BuildRun_CommitsAndAuditsEveryStep()
    {
        using var w = new SeedTestWarehouse();
        var results = WarehouseBuild.Run(w.Connection, new BuildOptions(RepoPaths.Seeds, () => SeedTestWarehouse.Clock, SyntheticSeed: null));
        Assert.Equal(results.Count, w.Scalar("SELECT count(*) FROM etl_run WHERE status = 'succeeded' AND rows_in = rows_loaded AND rows_in > 0"));
    }

    /// <summary>Unit names of every (牵头单位…;责任单位…) clause of the notice, parsed independently of the ETL.</summary>
    private static HashSet<string> NoticeUnitNames()
    {
        var names = new HashSet<string>();
        foreach (Match clause in UnitClause().Matches(File.ReadAllText(RepoPaths.Notice)))
        {
            foreach (var part in Regex.Split(clause.Groups[1].Value, "[;；]责任单位[:：]"))
            {
                foreach (var name in part.Split('、')) names.Add(name.Trim());
            }
        }
        return names;
    }

    [GeneratedRegex(@"[(（]牵头单位[:：]([^)）]*)[)）]")]
    private static partial Regex UnitClause();
}
