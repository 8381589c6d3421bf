using System.Text.Json;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Commands;

[Trait("Category", "Slow")]
public class SqlCommandTests
{
    private static string NewWarehouse(TempDirectory tmp) => tmp.EmptyWarehouse();

    [Fact]
    public void Sql_MissingWarehouse_OneClearLineAndExit2()
    {
        using var tmp = new TempDirectory();
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT 1", "--db", tmp.File("nope.duckdb"));
        Assert.True(2 == r.ExitCode, r.Stderr + r.Stdout);
        Assert.Contains("no warehouse at", r.Stderr);
        Assert.Contains("wcc build", r.Stderr);
        Assert.False(r.HasStackTrace);
    }

    [Fact]
    public void Sql_BadSql_ReportsDuckDbMessageWithPosition()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT * FRM dim_sex", "--db", db);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Parser Error", r.Stderr);
        Assert.Contains("column", r.Stderr);
        Assert.False(r.HasStackTrace);
    }

    [Fact]
    public void Sql_WriteStatement_RefusedBecauseReadOnly()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "sql", "DELETE FROM dim_sex", "--db", db);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("is DELETE, not a query", r.Stderr);
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM dim_sex";
        Assert.Equal(3L, Convert.ToInt64(cmd.ExecuteScalar()));
    }

    [Fact]
    public void Sql_WhileAnotherProcessWrites_NamesTheProcess()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        using var writer = WarehouseFile.Open(db, WarehouseAccess.ReadWrite);
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT 1", "--db", db);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"being written by PID {Environment.ProcessId}", r.Stderr);
        Assert.False(r.HasStackTrace);
    }

    [Fact]
    public void Sql_JsonAndCsvFormats()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var json = WccProcess.Run(tmp.Path, "sql", "SELECT sex, name_zh FROM dim_sex ORDER BY sex", "--db", db, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var rows = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal("女", rows[0].GetProperty("name_zh").GetString());
        var csv = WccProcess.Run(tmp.Path, "sql", "SELECT sex, name_zh FROM dim_sex ORDER BY sex", "--db", db, "--format", "csv");
        Assert.Equal(["sex,name_zh", "F,女", "M,男", "T,合计"], csv.Stdout.Trim().Split('\n'));
    }

    [Fact]
    public void SqlScript_PipedStatementsAndDotCommands_NoPromptsAndFirstErrorStops()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.RunWithInput(tmp.Path, "SELECT count(*) AS n\nFROM dim_sex;\n.schema dim_sex\n.tables\n.bogus\nSELECT 42 AS never;\n", "sql", "--db", db, "--format", "csv");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("n\n3\n", r.Stdout);
        Assert.DoesNotContain("wcc>", r.Stdout);
        Assert.Contains("name_zh", r.Stdout);
        Assert.Contains("fact_observation", r.Stdout);
        Assert.Contains("unit_workload,table macro", r.Stdout);
        Assert.Contains("unknown shell command .bogus", r.Stderr);
        Assert.DoesNotContain("42", r.Stdout);
        Assert.False(r.HasStackTrace);
    }
}

[Trait("Category", "Slow")]
public class SqlCsvExactnessTests
{
    [Fact]
    public void Sql_CsvFormat_WritesValuesExactlyAsStored()
    {
        using var tmp = new TempDirectory();
        var db = tmp.EmptyWarehouse();
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT '=HYPERLINK(1)' AS a, -3.5 AS b, '-abc' AS c, DATE '2020-01-02' AS d, true AS e", "--db", db, "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["a,b,c,d,e", "=HYPERLINK(1),-3.5,-abc,2020-01-02,true"], r.Stdout.Trim().Split('\n'));
    }
}
