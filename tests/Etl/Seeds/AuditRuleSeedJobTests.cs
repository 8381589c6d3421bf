using Wcc.Etl.Seeds;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class AuditRuleSeedJobTests
{
    private const string Header = "rule_kind,measure_kind,indicator_code,related_indicator_code,tolerance,tolerance_unit,note";

    [Theory]
    [InlineData("yoy_change,rate,,,5,points,", 0)]
    [InlineData("yoy_change,percent,,,5,points,", 1)]
    [InlineData("yoy_change,rate,C_KG_GER,,5,points,", 1)]
    [InlineData("yoy_change,,,,5,points,", 1)]
    [InlineData("yoy_change,rate,,,0,points,", 1)]
    [InlineData("yoy_change,rate,,,5,pp,", 1)]
    [InlineData("not_above,,C_KG_GER,,,,", 1)]
    [InlineData("not_above,,C_KG_GER,NO_SUCH,,,", 1)]
    [InlineData("between,,C_KG_GER,W_X,,,", 1)]
    public void Run_Rules_AreCheckedAgainstTheIndicators(string row, int errors)
    {
        using var w = new SeedTestWarehouse();
        using (var cmd = w.Connection.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population)
                VALUES ('C_KG_GER', '毛入园率', '%', 'rate', false, 'higher', 'children'), ('W_X', '某指标', '%', 'rate', false, 'higher', 'women')
                """;
            cmd.ExecuteNonQuery();
        }
        var path = w.Write("audit_rules.csv", [Header, row]);
        if (errors == 0)
        {
            Assert.Equal(1, AuditRuleSeedJob.Run(w.Connection, w.Run(AuditRuleSeedJob.Job), path).Loaded);
            return;
        }
        var ex = Assert.Throws<WccException>(() => AuditRuleSeedJob.Run(w.Connection, w.Run(AuditRuleSeedJob.Job), path));
        Assert.StartsWith("audit_rules.csv line 2:", ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_audit_rule"));
    }

    [Fact]
    public void RealSeeds_EveryIndicatorHasACurrentReportingUnit_AndTheRulesLoad()
    {
        using var tmp = new TempDirectory();
        using var connection = WarehouseFile.Open(tmp.File("w.duckdb"), WarehouseAccess.ReadWrite);
        Wcc.Etl.Build.WarehouseBuild.Run(connection, new Wcc.Etl.Build.BuildOptions(RepoPaths.Seeds, () => SeedTestWarehouse.Clock, SyntheticSeed: null));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM dim_indicator WHERE reporting_unit IS NULL";
        Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
        // A unit abolished in the 2019 reform never reports: its successor does, under the successor's name; and a unit set
        // up after the notice's period (市乡村振兴局, 2021) cannot report its years.
        cmd.CommandText = """
            SELECT count(*) FROM dim_indicator i JOIN dim_unit u ON u.unit_name = i.reporting_unit
            WHERE u.is_known AND NOT u.is_collective AND (u.valid_to IS NULL OR u.valid_to >= 2020) AND (u.valid_from IS NULL OR u.valid_from <= 2020)
            """;
        Assert.Equal(RealSeedsTests.IndicatorCount(), Convert.ToInt64(cmd.ExecuteScalar()));
        cmd.CommandText = "SELECT count(*) FROM dim_audit_rule";
        Assert.Equal((long)File.ReadAllLines(Path.Combine(RepoPaths.Seeds, "audit_rules.csv")).Length - 1, Convert.ToInt64(cmd.ExecuteScalar()));
    }
}
