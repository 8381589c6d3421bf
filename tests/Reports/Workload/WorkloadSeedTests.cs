using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Workload;

/// <summary>The workload and coverage marts on the real notice, against counts read off the notice by hand.</summary>
public class WorkloadSeedTests(SeedWarehouseFixture seed) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void Fulian_IsResponsibleIn15TasksAndLeadsNone()
    {
        Assert.Equal(15, seed.Scalar("SELECT tasks_responsible FROM v_unit_workload WHERE unit_name = $u", ("u", "市妇联")));
        Assert.Equal(0, seed.Scalar("SELECT tasks_led FROM v_unit_workload WHERE unit_name = $u", ("u", "市妇联")));
    }

    [Fact]
    public void EducationBureau_Leads6Tasks() =>
        Assert.Equal(6, seed.Scalar("SELECT tasks_led FROM v_unit_workload WHERE unit_name = $u", ("u", "市教育局")));

    [Fact]
    public void TaskUnitMatrix_Has109MarkedCells() =>
        Assert.Equal(109, seed.Scalar("SELECT count(*) FROM v_coverage_task_unit WHERE role <> 'none'"));

    [Fact]
    public void CollectiveUnits_AreOutsideTheConcentrationFigures()
    {
        Assert.Equal(2, seed.Scalar("SELECT count(*) FROM v_unit_workload WHERE is_collective"));
        Assert.Equal(0, seed.Scalar("SELECT count(*) FROM v_unit_workload WHERE is_collective AND workload_rank IS NOT NULL"));
    }

    [Fact]
    public void CountIndicators_AreNotJudgedAgainstCityTotalsInDistricts() =>
        Assert.Equal(0, seed.Scalar("""
            SELECT count(*) FROM v_coverage_attainment a JOIN dim_indicator i USING (indicator_code)
            WHERE i.measure_kind = 'count' AND a.area_code <> a.target_area_code
            """));
}
