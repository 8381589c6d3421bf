using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Warehouse.Query;

/// <summary>The gate asks DuckDB for the prepared statement's type: queries pass, everything else is refused.</summary>
public class ReadOnlyGateTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("FROM range(3)")]
    [InlineData("WITH a AS (SELECT 1) SELECT * FROM a")]
    [InlineData("VALUES (1), (2)")]
    [InlineData("SHOW TABLES")]
    [InlineData("DESCRIBE SELECT 1 AS x")]
    [InlineData("SUMMARIZE SELECT 1 AS x")]
    [InlineData("PRAGMA show_tables")]
    public void Queries_Pass(string sql)
    {
        using var connection = Open();
        ReadOnlyGate.Check(connection, sql, "statement 1");
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO 'x.csv'", "COPY")]
    [InlineData("EXPLAIN ANALYZE COPY (SELECT 1) TO 'x.csv'", "EXPLAIN")]
    [InlineData("ATTACH 'x.duckdb'", "ATTACH")]
    [InlineData("SET threads = 1", "SET")]
    [InlineData("CREATE TABLE t (a INT)", "CREATE")]
    [InlineData("CHECKPOINT", "CALL")]
    [InlineData("INSTALL sqlite", "LOAD/INSTALL")]
    [InlineData("BEGIN", "BEGIN/COMMIT")]
    public void OtherStatements_AreRefusedByType(string sql, string kind)
    {
        using var connection = Open();
        var ex = Assert.Throws<WccException>(() => ReadOnlyGate.Check(connection, sql, "statement 1"));
        Assert.Contains($"statement 1 is {kind}, not a query", ex.Message);
    }

    [Fact]
    public void TwoStatementsInOnePiece_AreRefused_SoASplitterMistakeCannotSmuggleOneIn()
    {
        using var connection = Open();
        var ex = Assert.Throws<WccException>(() => ReadOnlyGate.Check(connection, "SELECT 1; COPY (SELECT 1) TO 'x'", "statement 1"));
        Assert.Contains("several statements", ex.Message);
    }

    [Fact]
    public void ParseAndBindErrors_AreDuckDbsOwn()
    {
        using var connection = Open();
        Assert.Contains("syntax error", Assert.Throws<StatementError>(() => ReadOnlyGate.Check(connection, "SELEC 1", "s")).Message);
        Assert.Contains("nope", Assert.Throws<StatementError>(() => ReadOnlyGate.Check(connection, "SELECT * FROM nope", "s")).Message);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }
}
