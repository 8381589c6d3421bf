using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

/// <summary>The schema is always current: views and macros come from their files on every writer open, in the order of
/// what they read; tables change only by migration; readers change nothing.</summary>
public partial class SchemaModelsTests
{
    private static string SqlFolder => Path.Combine(RepoPaths.Root, "warehouse", "sql");

    [Fact]
    public void ApplyOrder_CreatesEveryModelAfterWhatItReads_TablesFirst()
    {
        var schema = SchemaCatalog.Embedded;
        var position = schema.ApplyOrder.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i);

        Assert.Equal(schema.Models.Count, position.Count);
        foreach (var model in schema.ApplyOrder)
        {
            foreach (var dependency in schema.Dependencies[model.Name])
            {
                Assert.True(position[dependency] < position[model.Name], $"{model.Name} is created before {dependency}, which it reads");
            }
        }
        var lastTable = schema.ApplyOrder.Select((m, i) => (m, i)).Last(p => p.m.IsTable).i;
        Assert.All(schema.ApplyOrder.Take(lastTable + 1), m => Assert.True(m.IsTable, $"{m.Name} comes before a table"));
        // Parsed, not declared: the view reads the macro and the parameter table; names inside comments and strings don't count.
        Assert.Equal(["mart_parameter", "unit_workload"], schema.Dependencies["v_unit_workload"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromFolder_AViewFiledBeforeWhatItReads_IsCreatedAfterIt()
    {
        using var tmp = new TempDirectory();
        var sql = CopySqlFolder(tmp);
        // 00_meta sorts before 40_marts: a folder-number order would create it before v_unit_workload and fail.
        File.WriteAllText(Path.Combine(sql, "00_meta", "v_aa_heaviest_unit.sql"), """
            -- model: v_aa_heaviest_unit
            -- grain: one row: the department with the highest workload index
            CREATE OR REPLACE VIEW v_aa_heaviest_unit AS
            SELECT unit_name FROM v_unit_workload WHERE NOT is_collective ORDER BY workload_index DESC, unit_name LIMIT 1;
            """);
        var schema = SchemaModels.FromDirectory(sql);

        using var connection = WarehouseFile.Open(":memory:", WarehouseAccess.ReadWrite);
        SchemaMigrator.EnsureCurrent(connection, schema, SchemaCatalog.CurrentVersion);

        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM v_aa_heaviest_unit"));
        Assert.Contains("v_unit_workload", schema.Dependencies["v_aa_heaviest_unit"]);
    }

    [Fact]
    public void FromFolder_ViewsReadingEachOther_AreRefusedNamingTheCycle()
    {
        using var tmp = new TempDirectory();
        var sql = CopySqlFolder(tmp);
        File.WriteAllText(Path.Combine(sql, "30_views", "v_ping.sql"), "-- model: v_ping\n-- grain: none\nCREATE OR REPLACE VIEW v_ping AS SELECT * FROM v_pong;\n");
        File.WriteAllText(Path.Combine(sql, "30_views", "v_pong.sql"), "-- model: v_pong\n-- grain: none\nCREATE OR REPLACE VIEW v_pong AS SELECT * FROM v_ping;\n");

        var ex = Assert.Throws<InvalidOperationException>(() => SchemaModels.FromDirectory(sql));
        Assert.Contains("cycle", ex.Message);
        Assert.Contains("v_ping (reads v_pong)", ex.Message);
    }

    [Fact]
    public void DeclaredDependency_OnAModelNoFileCreates_IsRefused()
    {
        using var tmp = new TempDirectory();
        var sql = CopySqlFolder(tmp);
        File.WriteAllText(Path.Combine(sql, "30_views", "v_lonely.sql"),
            "-- model: v_lonely\n-- grain: one row\n-- depends_on: v_missing\nCREATE OR REPLACE VIEW v_lonely AS SELECT 1 AS one;\n");

        var ex = Assert.Throws<InvalidOperationException>(() => SchemaModels.FromDirectory(sql));
        Assert.Contains("v_lonely.sql: depends_on names v_missing", ex.Message);
    }

    [Fact]
    public void EditedViewFile_IsCurrentAfterTheNextWriterOpen_WithoutAVersionBump()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        var sql = CopySqlFolder(tmp);
        var file = Path.Combine(sql, "40_marts", "v_focus_area.sql");
        const string join = "JOIN focus f ON a.area_code = f.city_code OR a.parent_code = f.city_code;";
        File.WriteAllText(file, File.ReadAllText(file).Replace(join, join[..^1] + "\nWHERE a.area_code <> '610102';", StringComparison.Ordinal));
        Assert.Contains("610102", File.ReadAllText(file));

        using (var writer = WarehouseFile.Open(path, WarehouseAccess.Update))
        {
            Assert.DoesNotContain("610102", ViewSql(writer, "v_focus_area"));
            SchemaMigrator.EnsureCurrent(writer, SchemaModels.FromDirectory(sql), SchemaCatalog.CurrentVersion);
        }
        // A reader (a new process would see the same file) finds the new definition, with the version unchanged.
        using (var reader = WarehouseFile.Open(path, WarehouseAccess.ReadOnly))
        {
            Assert.Contains("610102", ViewSql(reader, "v_focus_area"));
            Assert.Equal(SchemaCatalog.CurrentVersion, SchemaMigrator.ReadVersion(reader));
        }
    }

    [Fact]
    public void WriterOpen_ReplacesAStaleViewAndMacro_WithThisBuildsDefinitions()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            // What an older wcc left behind: other definitions under the same names, at the same schema version, and the
            // fingerprint of its files (or none, from before fingerprints).
            connection.Execute("CREATE OR REPLACE VIEW v_target AS SELECT 1 AS stale; CREATE OR REPLACE MACRO unit_workload(a, b) AS TABLE SELECT 1 AS stale");
            connection.Execute($"CREATE OR REPLACE MACRO {SchemaMigrator.FingerprintMacro}() AS 'older files'");
        }
        using (var reader = WarehouseFile.Open(path, WarehouseAccess.ReadOnly))
        {
            Assert.Contains("stale", ViewSql(reader, "v_target"));
        }

        using (var writer = WarehouseFile.Open(path, WarehouseAccess.Update))
        {
            Assert.DoesNotContain("stale", ViewSql(writer, "v_target"));
            Assert.Equal(0L, Scalar(writer, "SELECT count(*) FROM unit_workload(2, 1)"));
            Assert.Equal(0L, Scalar(writer, "SELECT count(*) FROM v_unit_workload"));
            Assert.Contains("deadline_year", Columns(writer, "v_target"));
            Assert.Equal(SchemaCatalog.Embedded.DerivedFingerprint, SchemaMigrator.RecordedFingerprint(writer));
        }
    }

    [Fact]
    public void WriterOpen_OfACurrentWarehouse_SkipsTheRefresh_AndAnyViewFileChangeForcesIt()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        WarehouseFile.Open(path, WarehouseAccess.ReadWrite).Dispose();
        var sql = CopySqlFolder(tmp);
        var unchanged = SchemaModels.FromDirectory(sql);
        Assert.Equal(SchemaCatalog.Embedded.DerivedFingerprint, unchanged.DerivedFingerprint);

        // One space added to one view file: a different fingerprint, so the next writer re-creates the views.
        var file = Path.Combine(sql, "30_views", "v_target.sql");
        File.WriteAllText(file, File.ReadAllText(file).Replace("FROM fact_target", "FROM  fact_target", StringComparison.Ordinal));
        var edited = SchemaModels.FromDirectory(sql);
        Assert.NotEqual(unchanged.DerivedFingerprint, edited.DerivedFingerprint);
        using var writer = WarehouseFile.Open(path, WarehouseAccess.Update);
        SchemaMigrator.EnsureCurrent(writer, edited, SchemaCatalog.CurrentVersion);
        Assert.Equal(edited.DerivedFingerprint, SchemaMigrator.RecordedFingerprint(writer));
    }

    [Fact]
    public void ReaderOpen_LeavesTheFileUnchanged_EvenWithAStaleView()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("w.duckdb");
        using (var connection = WarehouseFile.Open(path, WarehouseAccess.ReadWrite))
        {
            connection.Execute("CREATE OR REPLACE VIEW v_target AS SELECT 1 AS stale; CHECKPOINT");
        }
        var before = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

        using (var reader = WarehouseFile.Open(path, WarehouseAccess.ReadOnly))
        {
            Assert.Contains("stale", ViewSql(reader, "v_target"));
        }

        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.False(File.Exists(path + ".wal"));
    }

    [Fact]
    public void NoViewOrMacro_OrdersItsRows()
    {
        // An ORDER BY at the outer level of a view promises an order its readers cannot rely on (a join or filter over the
        // view reorders it); readers order what they write. ORDER BY inside a window, an aggregate or a subquery is fine.
        var ordered = SchemaCatalog.Models.Where(m => !m.IsTable)
            .Where(m => OuterLevel(SchemaModels.CodeOnly(m.Sql)).Contains("ORDER BY", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.ResourcePath).ToList();
        Assert.True(ordered.Count == 0, $"views ending in ORDER BY: {string.Join(", ", ordered)}");
        Assert.Contains("ORDER BY", OuterLevel("SELECT a FROM t ORDER BY a"));
    }

    /// <summary>The text at parenthesis depth 0 (windows, aggregates, CTE bodies and subqueries left out).</summary>
    private static string OuterLevel(string code)
    {
        var depth = 0;
        var outer = new System.Text.StringBuilder();
        foreach (var c in code)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0) outer.Append(c);
        }
        return WhiteSpace().Replace(outer.ToString(), " ");
    }

    private static string CopySqlFolder(TempDirectory tmp)
    {
        var target = Path.Combine(tmp.Path, "sql");
        foreach (var file in Directory.EnumerateFiles(SqlFolder, "*.sql", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(SqlFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    private static string ViewSql(DuckDBConnection connection, string view)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sql FROM duckdb_views() WHERE view_name = $v";
        cmd.Parameters.Add(new DuckDBParameter("v", view));
        return (string)cmd.ExecuteScalar()!;
    }

    private static List<string> Columns(DuckDBConnection connection, string relation)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT column_name FROM duckdb_columns() WHERE table_name = $v ORDER BY column_index";
        cmd.Parameters.Add(new DuckDBParameter("v", relation));
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
