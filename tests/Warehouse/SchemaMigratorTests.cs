using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

public class SchemaMigratorTests
{
    [Fact]
    public void Open_NewFile_CreatesEveryModelAndRecordsVersion()
    {
        using var tmp = new TempDirectory();
        using var connection = WarehouseFile.Open(tmp.File("w.duckdb"), WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'";
        Assert.Equal(SchemaCatalog.Models.Count(m => m.HoldsRows), Convert.ToInt32(cmd.ExecuteScalar()));
        Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
    }

    [Fact]
    public void Open_Twice_IsIdempotent()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM dim_sex";
        Assert.Equal(3, Convert.ToInt32(cmd.ExecuteScalar()));
    }

    [Fact]
    public void OpenReadOnly_MissingFile_SaysToBuild()
    {
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => WarehouseFile.Open(tmp.File("none.duckdb"), WarehouseAccess.ReadOnly));
        Assert.Equal(RemedyAction.BuildWarehouse, ex.Remedy?.Action);
        Assert.Contains("wcc build", Wcc.Cli.Commands.Remedies.Hint(ex));
    }

    [Fact]
    public void OpenReadOnly_OlderVersion_SaysHowToMigrate()
    {
        using var tmp = new TempDirectory();
        var path = OlderWarehouse.Create(tmp.File("w.duckdb"), "UPDATE meta_schema_version SET version = 0");
        var ex = Assert.Throws<WccException>(() => WarehouseFile.Open(path, WarehouseAccess.ReadOnly));
        Assert.Contains("migrate", Wcc.Cli.Commands.Remedies.Hint(ex));
    }

    [Fact]
    public void OpenReadOnly_RefusesWrites()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM dim_sex";
        Assert.ThrowsAny<DuckDBException>(() => cmd.ExecuteNonQuery());
    }

    [Fact]
    public void EveryModel_DeclaresGrainAndHasAComment()
    {
        using var connection = WarehouseFile.Open(":memory:", WarehouseAccess.ReadWrite);
        var comments = new Dictionary<string, string?>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'
                UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read()) comments[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);
        }
        var dictionary = DataDictionary.ToMarkdown(connection);
        var missing = new List<string>();
        foreach (var model in SchemaCatalog.Models)
        {
            if (string.IsNullOrWhiteSpace(model.Grain)) missing.Add($"{model.Name}: no grain");
            // Table macros carry no COMMENT ON in DuckDB; their header's grain is what the dictionary prints for them.
            if (model.HoldsRows && string.IsNullOrWhiteSpace(comments.GetValueOrDefault(model.Name))) missing.Add($"{model.Name}: no COMMENT ON");
            if (!dictionary.Contains($"## {model.Name}\n", StringComparison.Ordinal)) missing.Add($"{model.Name}: not in the dictionary");
        }
        Assert.True(missing.Count == 0, string.Join("; ", missing));
    }
}

public class SchemaMigrationFromOlderVersionTests
{
    [Fact]
    public void OpenForWriting_WarehouseOfVersion1WithoutLaterModels_IsMigrated()
    {
        using var tmp = new TempDirectory();
        // What a version-1 warehouse lacked: the forecast facts and the pack views.
        var path = OlderWarehouse.Create(tmp.File("old.duckdb"), "DROP VIEW v_pack_early_warning; DROP VIEW v_pack_status_by_chapter; DROP VIEW v_pack_indicator_status; DROP VIEW v_forecast; DROP TABLE fact_forecast; UPDATE meta_schema_version SET version = 1");
        var ex = Assert.Throws<WccException>(() => WarehouseFile.Open(path, WarehouseAccess.ReadOnly));
        Assert.Contains("schema version 1", ex.Message);
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT count(*) FROM v_pack_early_warning";
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
        }
    }
}

public class SchemaMigrationToCollectionTests
{
    [Fact]
    public void OpenForWriting_WarehouseOfVersion2_GainsTheCollectionTablesAndColumns_AndBuilds()
    {
        using var tmp = new TempDirectory();
        // What a version-2 warehouse lacked: the collection tables and views, the reporting unit and the progress evidence
        // (and the catalogue columns of version 5, which come after reporting_unit).
        var path = OlderWarehouse.Create(tmp.File("v2.duckdb"), """
            DROP VIEW v_reference_value; DROP TABLE fact_reference_value;
            ALTER TABLE dim_indicator DROP COLUMN plan_zh; ALTER TABLE dim_indicator DROP COLUMN domain_zh;
            ALTER TABLE dim_indicator DROP COLUMN target_source;
            DROP VIEW v_pack_collection; DROP VIEW v_collection_status;
            DROP TABLE fact_collection_cell; DROP TABLE fact_collection_submission; DROP TABLE fact_collection_owed;
            DROP TABLE dim_collection_round; DROP TABLE dim_audit_rule;
            ALTER TABLE dim_indicator DROP COLUMN reporting_unit;
            ALTER TABLE fact_task_progress DROP COLUMN evidence; ALTER TABLE fact_task_progress DROP COLUMN completion_date;
            ALTER TABLE fact_task_progress DROP COLUMN load_id;
            ALTER TABLE fact_task_progress DROP COLUMN notice_id;
            UPDATE meta_schema_version SET version = 2
            """);
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            // The appenders of the build write every column in the models' order, so the migrated file must match them.
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => new DateTime(2021, 1, 1)));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM dim_indicator WHERE reporting_unit = '市卫健委'";
            Assert.True(Convert.ToInt64(cmd.ExecuteScalar()) > 0);
            cmd.CommandText = "SELECT count(*) FROM dim_audit_rule";
            Assert.True(Convert.ToInt64(cmd.ExecuteScalar()) > 0);
            cmd.CommandText = "SELECT count(*) FROM v_collection_status";
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
        }
    }
}

public class SchemaMigrationToCatalogueTests
{
    [Fact]
    public void OpenForWriting_WarehouseOfVersion4_GainsPlanDomainTargetSourceAndTheReferenceValues_AndBuilds()
    {
        using var tmp = new TempDirectory();
        // What a version-4 warehouse lacked: the catalogue columns and the reference series.
        var path = OlderWarehouse.Create(tmp.File("v4.duckdb"), """
            DROP VIEW v_reference_value; DROP TABLE fact_reference_value;
            ALTER TABLE dim_indicator DROP COLUMN plan_zh; ALTER TABLE dim_indicator DROP COLUMN domain_zh;
            ALTER TABLE dim_indicator DROP COLUMN target_source;
            UPDATE meta_schema_version SET version = 4
            """);
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => new DateTime(2021, 1, 1), SyntheticSeed: null));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM dim_indicator WHERE plan_zh IS NULL OR domain_zh IS NULL";
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = "SELECT count(*) FROM v_reference_value";
            Assert.Equal(Wcc.Tests.Etl.Seeds.RealSeedsTests.DataRows(WarehouseBuild.ReferenceValuesFile), Convert.ToInt64(cmd.ExecuteScalar()));
        }
    }
}

public class SchemaMigrationToStoredBacktestsTests
{
    [Fact]
    public void OpenForWriting_WarehouseOfVersion7_KeepsItsBacktestRowsAsSelectionRows_AndCountsItsForecastsStale()
    {
        using var tmp = new TempDirectory();
        // What a version-7 warehouse lacked: the selection flag, the run record and the views and macro reading them;
        // its backtest rows were all the selection backtest's.
        var path = OlderWarehouse.Create(tmp.File("v7.duckdb"), """
            DROP VIEW v_pack_backtest_score; DROP VIEW v_pack_backtest_reliability;
            DROP VIEW v_pack_backtest_cutoff_score; DROP VIEW v_pack_backtest_cutoff_reliability;
            DROP MACRO forecast_current; DROP TABLE meta_forecast_run;
            ALTER TABLE fact_backtest_score DROP COLUMN is_selection; ALTER TABLE fact_backtest_reliability DROP COLUMN is_selection;
            INSERT INTO fact_backtest_score (as_of_year, cutoff_year, method, n, is_default) VALUES (2020, 2017, 'unsd_cagr', 0, true);
            INSERT INTO fact_backtest_reliability (as_of_year, cutoff_year, method, bin_no, p_from, p_to, n) VALUES (2020, 2017, 'unsd_cagr', 0, 0, 0.2, 0);
            UPDATE meta_schema_version SET version = 7
            """);
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        using (var cmd = connection.CreateCommand())
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            cmd.CommandText = "SELECT count(*) FROM v_pack_backtest_score WHERE is_default";
            Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = "SELECT count(*) FROM v_pack_backtest_reliability";
            Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar()));
            // No run is recorded, so nothing stored counts as current: the next pack refreshes the forecasts.
            cmd.CommandText = "SELECT forecast_current(2020)";
            Assert.Equal(false, cmd.ExecuteScalar());
            // New rows must say which backtest they belong to: the migration's default is gone.
            cmd.CommandText = "SELECT count(*) FROM duckdb_columns() WHERE table_name LIKE 'fact_backtest_%' AND column_name = 'is_selection' AND column_default IS NULL";
            Assert.Equal(2L, Convert.ToInt64(cmd.ExecuteScalar()));
        }
    }
}

/// <summary>A warehouse of an older schema version for the migration tests: a current one taken back by SQL that drops
/// what the later versions added and sets the recorded version.</summary>
internal static class OlderWarehouse
{
    public static string Create(string path, string downgradeSql)
    {
        using var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = downgradeSql;
        cmd.ExecuteNonQuery();
        return path;
    }
}
