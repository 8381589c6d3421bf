using Wcc.Etl.Build;
using Wcc.Etl.Notice;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

/// <summary>Migration 008: a version-7 warehouse with data gains the notice key; every row keeps its values and gets the seed notice's id.</summary>
public class SchemaMigration008Tests
{
    /// <summary>Tables that gain notice_id, with the columns that identify a row for the before/after comparison.</summary>
    private static readonly string[] TaskTables = ["dim_chapter", "dim_task", "fact_task_assignment", "fact_task_target", "fact_task_progress"];

    private static readonly string[] AddedNoticeColumns =
        ["notice_id", "issuer", "area_code", "document_no", "issue_date", "period_start_year", "file_sha256", "loaded_at", "version", "is_default"];

    [Fact]
    [Trait("Category", "Slow")]
    public void Version7WarehouseWithData_KeepsEveryRow_UnderTheSeedNoticeId()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("v7.duckdb");
        var before = new Dictionary<string, List<string>>();
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
            // A version-7 file: the same data without anything migration 008 adds.
            Execute(connection, string.Join(";\n",
                TaskTables.Append("fact_target").Select(t => $"ALTER TABLE {t} DROP COLUMN notice_id")
                    .Concat(AddedNoticeColumns.Select(c => $"ALTER TABLE dim_notice DROP COLUMN {c}"))
                    .Append("ALTER TABLE plan_task DROP COLUMN source_notice_id")
                    .Append("DROP TABLE dim_notice_history")
                    .Append("UPDATE meta_schema_version SET version = 7")));
            foreach (var table in TaskTables.Append("fact_target").Append("dim_notice")) before[table] = Rows(connection, table);
        }
        Assert.True(before["fact_task_progress"].Count > 0, "the build wrote progress reports to migrate");

        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(connection));
            foreach (var table in TaskTables)
            {
                Assert.Equal(before[table], Rows(connection, table, exclude: "notice_id"));
                Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM {table} WHERE notice_id IS DISTINCT FROM '{NoticeKey.SeedId}'"));
            }
            Assert.Equal(before["fact_target"], Rows(connection, "fact_target", exclude: "notice_id"));
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM fact_target WHERE (task_no IS NULL) <> (notice_id IS NULL) OR notice_id <> '{NoticeKey.SeedId}'"));
            Assert.Equal(before["dim_notice"], Rows(connection, "dim_notice", exclude: string.Join(", ", AddedNoticeColumns)));

            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT notice_id, area_code, period_start_year, period_end_year, version, is_default, file_sha256 = (SELECT file_sha256 FROM etl_run WHERE job = 'notice'), issuer FROM dim_notice";
            using (var r = cmd.ExecuteReader())
            {
                Assert.True(r.Read());
                Assert.Equal(NoticeKey.SeedId, r.GetString(0));
                Assert.Equal(NoticeKey.SeedAreaCode, r.GetString(1));
                Assert.Equal(2018, r.GetInt32(2));
                Assert.Equal(2020, r.GetInt32(3));
                Assert.Equal(1, r.GetInt32(4));
                Assert.True(r.GetBoolean(5));
                Assert.True(r.GetBoolean(6));
                Assert.False(string.IsNullOrEmpty(r.GetString(7)));
                Assert.False(r.Read());
            }
            Assert.Equal(NoticeKey.SeedId, CurrentNotice.Id(connection));
            // The migrated file passes every declared data test (keys, the composite relationships to dim_task).
            var failed = DataTestRunner.RunAll(connection).Where(t => !t.Passed).Select(t => $"{t.Model}: {t.Test} ({t.Failures})").ToList();
            Assert.True(failed.Count == 0, string.Join("\n", failed));
            // The marts read the migrated rows as the default notice's.
            Assert.Equal(Scalar(connection, "SELECT count(DISTINCT task_no) FROM fact_task_assignment"), Scalar(connection, "SELECT count(DISTINCT task_no) FROM v_unit_task_role"));

            // And the build writes into the migrated shape (the appenders write every column in the models' order).
            WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => SeedWarehouseFixture.Clock));
            Assert.Equal(before["dim_task"], Rows(connection, "dim_task", exclude: "notice_id"));
        }
    }

    [Fact]
    public void Migration008_GivesTheSeedNoticeTheIdTheBuildUses()
    {
        var script = SchemaCatalog.Migrations[8];
        Assert.Contains($"'{NoticeKey.SeedId}'", script, StringComparison.Ordinal);
        Assert.True(SchemaCatalog.CurrentVersion >= 8, "migration 008 is part of the current schema");
    }

    private static List<string> Rows(DuckDB.NET.Data.DuckDBConnection connection, string table, string? exclude = null)
    {
        using var cmd = connection.CreateCommand();
        var columns = exclude is null ? "*" : $"* EXCLUDE ({exclude})";
        cmd.CommandText = $"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (SELECT {columns} FROM {table})";
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetString(i))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static long Scalar(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static void Execute(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
