using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

/// <summary>Migration 003: a version-2 warehouse gains the forecast distribution, backtest coverage and plan limit columns, rows kept.</summary>
public class SchemaMigration003Tests
{
    private static readonly string[] AddedForecastColumns = ["value_scale", "scale_lower", "scale_upper", "scale_offset", "location", "spread", "df", "interval_scale"];

    [Fact]
    public void Version2Warehouse_GainsTheNewColumns_AndKeepsItsForecastRows()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("v2.duckdb");
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        using (var cmd = connection.CreateCommand())
        {
            // A version-2 file: the tables without the columns 003 adds, no reliability table, one stored forecast.
            cmd.CommandText = string.Join(";",
                AddedForecastColumns.Select(c => $"ALTER TABLE fact_forecast DROP COLUMN {c}")
                    .Concat(new[] { "coverage_80", "coverage_80_uncalibrated", "interval_scales" }.Select(c => $"ALTER TABLE fact_backtest_score DROP COLUMN {c}"))
                    .Concat(new[] { "limit_floor", "limit_ceiling", "met_by_wide_margin", "tighter_target" }.Select(c => $"ALTER TABLE plan_target_assessment DROP COLUMN {c}"))
                    .Append("DROP VIEW v_pack_backtest_reliability; DROP TABLE fact_backtest_reliability")
                    .Append("""
                        INSERT INTO fact_forecast VALUES ('C_KG_GER', '610100', 'T', 2025, 2020, 'weighted_trend', 'weighted_trend', '610100', '>=', 98, 5,
                            2020, 97.5, 98.2, 97.0, 99.1, 0.6, '需加快', 'r', true)
                        """)
                    .Append("UPDATE meta_schema_version SET version = 2"));
            cmd.ExecuteNonQuery();
        }
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        using (var cmd = connection.CreateCommand())
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            cmd.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'fact_forecast' AND column_name IN ('"
                              + string.Join("', '", AddedForecastColumns) + "')";
            Assert.Equal((long)AddedForecastColumns.Length, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = "SELECT count(*) FROM fact_forecast WHERE p_met = 0.6 AND value_scale IS NULL";
            Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = "SELECT count(*) FROM v_pack_backtest_reliability";
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = "SELECT coverage_80, tighter_target FROM fact_backtest_score, plan_target_assessment LIMIT 0";
            cmd.ExecuteNonQuery();
        }
    }
}
