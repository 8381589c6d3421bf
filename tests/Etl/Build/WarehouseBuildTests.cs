using DuckDB.NET.Data;
using Wcc.Etl.Build;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Quality;

namespace Wcc.Tests.Etl.Build;

[Trait("Category", "Slow")]
public class WarehouseBuildTests
{
    private static readonly DateTime Clock = new(2021, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Content of every fact and dimension, without load ids (which differ between runs by design).</summary>
    private static string Fingerprint(DuckDBConnection connection)
    {
        string[] queries =
        [
            "SELECT count(*), sum(hash(task_no, unit_name, role, ordinal)) FROM fact_task_assignment",
            "SELECT count(*), sum(hash(indicator_code, area_code, year, sex, value, is_current, status)) FROM fact_observation",
            "SELECT count(*), sum(hash(indicator_code, area_code, sex, target_value)) FROM fact_target",
            "SELECT count(*), sum(hash(task_no, unit_name, year, status, narrative)) FROM fact_task_progress",
            "SELECT count(*), sum(hash(unit_name, kind)) FROM dim_unit",
            "SELECT count(*), sum(hash(task_no, task_text)) FROM dim_task",
        ];
        return string.Join("|", queries.Select(q =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = q;
            using var r = cmd.ExecuteReader();
            r.Read();
            return $"{r.GetValue(0)}:{(r.IsDBNull(1) ? "" : r.GetValue(1))}";
        }));
    }

    [Fact]
    public void Build_Twice_GivesTheSameWarehouseAndPassesDataTests()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        var options = new BuildOptions(RepoPaths.Seeds, () => Clock);
        string first;
        using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
        {
            WarehouseBuild.Run(connection, options);
            first = Fingerprint(connection);
        }
        using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite))
        {
            WarehouseBuild.Run(connection, options);
            Assert.Equal(first, Fingerprint(connection));
            Assert.All(DataTestRunner.RunAll(connection), r => Assert.True(r.Passed, $"{r.Model}: {r.Test} failed on {r.Failures} row(s)"));
        }
    }

    [Fact]
    public void Build_SameSeedInTwoFiles_IdenticalContent()
    {
        using var tmp = new TempDirectory();
        var options = new BuildOptions(RepoPaths.Seeds, () => Clock);
        var prints = new[] { "a.duckdb", "b.duckdb" }.Select(name =>
        {
            using var connection = WarehouseFile.Open(tmp.File(name), WarehouseAccess.ReadWrite);
            WarehouseBuild.Run(connection, options);
            return Fingerprint(connection);
        }).ToList();
        Assert.Equal(prints[0], prints[1]);
    }

    [Fact]
    public void Build_BadSeedFile_LeavesTheWarehouseAsItWas()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite);
        WarehouseBuild.Run(connection, new BuildOptions(RepoPaths.Seeds, () => Clock));
        var before = Fingerprint(connection);

        var broken = Directory.CreateDirectory(tmp.File("seeds")).FullName;
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(broken, Path.GetFileName(f)));
        File.AppendAllText(Path.Combine(broken, WarehouseBuild.TargetsFile), "NO_SUCH_INDICATOR,610100,T,>=,1,2020,,bad row\n");

        var ex = Assert.Throws<WccException>(() => WarehouseBuild.Run(connection, new BuildOptions(broken, () => Clock)));
        Assert.Contains("targets.csv", ex.Message);
        Assert.Equal(before, Fingerprint(connection));
    }
}
