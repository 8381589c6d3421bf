using DuckDB.NET.Data;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Warehouse.Connection;

public class WarehouseFileTests
{
    [Theory]
    [InlineData("load", "--observations", "obs.csv")]
    [InlineData("forecast")]
    [InlineData("plan", "--horizon", "2025")]
    [InlineData("check")]
    public void CommandsThatNeedAWarehouse_RefuseAMissingDb_AndCreateNothing(params string[] args)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("obs.csv"), "indicator_code,area_code,year,sex,value\n");
        var typo = tmp.File("wcc.dukdb");
        var r = WccProcess.Run(tmp.Path, [.. args, "--db", typo]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"no warehouse at {typo}", r.Stderr);
        Assert.False(File.Exists(typo), "a mistyped --db created a warehouse");
        Assert.False(r.HasStackTrace, r.Stderr);
    }

    [Fact]
    public void EmptyDb_IsAClearError()
    {
        using var tmp = new TempDirectory();
        var r = WccProcess.Run(tmp.Path, "check", "--db", "");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--db needs a warehouse file path", r.Stderr);
        Assert.False(r.HasStackTrace, r.Stderr);
    }

    [Fact]
    public void ForeignDuckDbFile_IsNotTurnedIntoAWarehouse_UnlessAsked()
    {
        using var tmp = new TempDirectory();
        var other = tmp.File("survey.duckdb");
        using (var c = new DuckDBConnection($"DataSource={other}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE households (id INT); INSERT INTO households VALUES (1), (2)";
            cmd.ExecuteNonQuery();
        }
        var refused = WccProcess.Run(RepoPaths.Root, "build", "--db", other);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not a wcc warehouse", refused.Stderr);
        Assert.Contains("households", refused.Stderr);
        Assert.Contains("--init", refused.Stderr);
        Assert.Equal("households", TableNames(other));

        var initialised = WccProcess.Run(RepoPaths.Root, "build", "--db", other, "--init");
        Assert.True(initialised.ExitCode == 0, initialised.Stderr);
        Assert.Contains("households", TableNames(other));
        Assert.Contains("dim_task", TableNames(other));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Writer_WaitsForAReaderToFinish_AndSaysSoTruthfully()
    {
        using var tmp = new TempDirectory();
        var db = tmp.EmptyWarehouse();
        var reader = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        var writer = WccProcess.Start(tmp.Path, "forecast", "--db", db);
        var stderr = writer.StandardError.ReadToEndAsync();
        Thread.Sleep(2000);
        Assert.False(writer.HasExited, "the writer gave up while a reader was still querying");
        reader.Dispose();
        Assert.True(writer.WaitForExit(TimeSpan.FromSeconds(60)));
        var messages = await stderr;
        Assert.Contains($"waiting for PID {Environment.ProcessId} to finish reading", messages);
        Assert.DoesNotContain("being written", messages);
    }

    [Fact]
    public void Reader_BlockedByAWriter_IsToldItIsBeingWritten()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        using var writer = WarehouseFile.Open(db, WarehouseAccess.ReadWrite);
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT 1", "--db", db);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"is being written by PID {Environment.ProcessId}", r.Stderr);
    }

    private static string TableNames(string path)
    {
        using var c = new DuckDBConnection($"DataSource={path};ACCESS_MODE=READ_ONLY");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE'";
        return (string)cmd.ExecuteScalar()!;
    }
}
