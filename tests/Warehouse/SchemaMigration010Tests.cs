using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Warehouse;

/// <summary>Migration 010: a version-7 warehouse (dim_year a table of literal years, the focus city a mart_parameter row,
/// no reject-reason or parameter vocabulary) gains the vocabularies, and its years and focus city come from the seed.</summary>
public class SchemaMigration010Tests
{
    [Fact]
    public void OpenForWriting_WarehouseOfVersion7_GainsTheVocabularies_AndReadsYearsAndFocusCityFromThem()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("v7.duckdb");
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            // What a version-7 warehouse held: dim_year a table of 1990-2050 and a focus_area_code row in mart_parameter
            // (a range one year narrower here, to see that the view replaces it), and no vocab_reject_reason or vocab_parameter.
            connection.Execute("""
                DROP VIEW dim_year; DROP TABLE vocab_reject_reason; DROP TABLE vocab_parameter;
                CREATE TABLE dim_year (year INTEGER NOT NULL, plan_period VARCHAR);
                INSERT INTO dim_year SELECT y, NULL FROM range(1991, 2050) r(y);
                INSERT INTO mart_parameter VALUES ('focus_area_code', 610100, 'old row');
                UPDATE meta_schema_version SET version = 7
                """);
        }
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            Assert.Equal((long)WarehouseYears.First, connection.ScalarLong("SELECT min(year) FROM dim_year"));
            Assert.Equal((long)WarehouseYears.Last, connection.ScalarLong("SELECT max(year) FROM dim_year"));
            Assert.Equal(1L, connection.ScalarLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dim_year' AND table_type = 'VIEW'"));
            Assert.Equal(0L, connection.ScalarLong("SELECT count(*) FROM mart_parameter WHERE name = 'focus_area_code'"));
            Assert.Equal((long)RejectReasonVocabulary.All.Count, connection.ScalarLong("SELECT count(*) FROM vocab_reject_reason"));
            Assert.True(Vocabularies.AreStored(connection));
        }
    }

    [Fact]
    public void FocusArea_IsTheSeedsCity_InSqlAndInCSharp()
    {
        using var connection = WarehouseTemplates.OpenEmptyInMemory();
        connection.Execute("""
            INSERT INTO dim_area (area_code, area_name, area_level, parent_code) VALUES
                ($city, '某市', 'city', NULL), ('999901', '某区', 'district', $city), ('999902', '别处', 'city', NULL)
            """, ("city", WarehouseParameters.FocusAreaCode));
        Assert.Equal(2L, connection.ScalarLong("SELECT count(*) FROM v_focus_area"));
        Assert.Equal(1L, connection.ScalarLong("SELECT count(*) FROM v_focus_area WHERE is_city AND area_code = $c", ("c", WarehouseParameters.FocusAreaCode)));
        Assert.Equal(WarehouseParameters.FocusAreaCode, Wcc.Etl.Synthetic.SyntheticHistory.CityCode);
        Assert.Equal(WarehouseParameters.FocusAreaCode, Wcc.Analytics.Planning.Model.PlanContext.CityAreaCode);
    }
}
