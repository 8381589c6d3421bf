using System.Text.Json;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Output;

/// <summary>`wcc sql` output is exact for every DuckDB type, and every statement of a script shows its result.</summary>
public class ResultWritersTests
{
    private const string EveryType = """
        SELECT sum(x) AS hugeint_sum, 170141183460469231731687303715884105727::HUGEINT AS hugeint_max,
               12345678901234567890123456789.123::DECIMAL(38,3) AS wide_decimal, 0.1::DOUBLE AS tenth,
               'nan'::DOUBLE AS nan, 'inf'::DOUBLE AS inf, DATE '2020-01-02' AS day,
               TIMESTAMP '2020-01-02 03:04:05.123456' AS ts, '\x00\xFF'::BLOB AS bytes, [1, NULL, 3] AS list,
               {'a': 1, 'b': ['x']} AS struct, true AS flag, INTERVAL 1 year + INTERVAL 3 day AS span, NULL AS nothing,
               'infinity'::DATE AS forever
        FROM (VALUES (1::BIGINT), (2::BIGINT)) t(x)
        """;

    [Fact]
    public void Json_EveryTypeExact_NonFiniteAsNullWithANote()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "sql", EveryType, "--db", db, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = JsonDocument.Parse(r.Stdout).RootElement[0];
        Assert.Equal(JsonValueKind.Number, row.GetProperty("hugeint_sum").ValueKind);
        Assert.Equal("3", row.GetProperty("hugeint_sum").GetRawText());
        Assert.Equal("170141183460469231731687303715884105727", row.GetProperty("hugeint_max").GetRawText());
        Assert.Equal("12345678901234567890123456789.123", row.GetProperty("wide_decimal").GetRawText());
        Assert.Equal(0.1, row.GetProperty("tenth").GetDouble());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("nan").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("inf").ValueKind);
        Assert.Contains("2 NaN/Infinity value(s) written as null", r.Stderr);
        Assert.Equal("2020-01-02", row.GetProperty("day").GetString());
        Assert.Equal("2020-01-02T03:04:05.123456", row.GetProperty("ts").GetString());
        Assert.Equal(new byte[] { 0x00, 0xFF }, Convert.FromBase64String(row.GetProperty("bytes").GetString()!));
        Assert.Equal("[1,null,3]", row.GetProperty("list").GetRawText());
        Assert.Equal("x", row.GetProperty("struct").GetProperty("b")[0].GetString());
        Assert.True(row.GetProperty("flag").GetBoolean());
        Assert.Equal("1 year 3 days", row.GetProperty("span").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("nothing").ValueKind);
        Assert.Equal("infinity", row.GetProperty("forever").GetString());
    }

    [Fact]
    public void Csv_EveryTypeExact()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "sql", EveryType, "--db", db, "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n');
        Assert.Equal("3,170141183460469231731687303715884105727,12345678901234567890123456789.123,0.1,nan,inf,2020-01-02,2020-01-02T03:04:05.123456,AP8=,\"[1,null,3]\",\"{\"\"a\"\":1,\"\"b\"\":[\"\"x\"\"]}\",true,1 year 3 days,,infinity", lines[1]);
    }

    [Fact]
    public void Script_EveryStatementShowsItsResult_FirstErrorNamesItsStatement()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var both = WccProcess.Run(tmp.Path, "sql", "SELECT 1 AS a; SELECT 2 AS b, 2 AS b", "--db", db, "--format", "csv");
        Assert.Equal(0, both.ExitCode);
        Assert.Equal("a\n1\n\nb,b_1\n2,2\n", both.Stdout);

        var failing = WccProcess.Run(tmp.Path, "sql", "SELECT 1 AS a;\nSELECT 1/0::INT AS fine;\nSELECT * FROM nope;\nSELECT 4 AS d;", "--db", db, "--format", "csv");
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("a\n1\n", failing.Stdout);
        Assert.DoesNotContain("d\n4", failing.Stdout);
        Assert.StartsWith("error: statement 3 (line 3):", failing.Stderr);
        Assert.Contains("nope", failing.Stderr);

        foreach (var empty in new[] { "", ";", "-- nothing" })
        {
            var r = WccProcess.Run(tmp.Path, "sql", empty, "--db", db);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.Stderr);
        }
    }

    [Fact]
    public void Table_EscapesControlBytes_AndCapsRows()
    {
        using var tmp = new TempDirectory();
        var db = NewWarehouse(tmp);
        var r = WccProcess.Run(tmp.Path, "sql", "SELECT chr(27) || '[31mred' || chr(7) AS x", "--db", db);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.Stdout);
        Assert.DoesNotContain('\u0007', r.Stdout);
        Assert.Contains("\\x1b[31mred\\x07", r.Stdout);

        var many = WccProcess.Run(tmp.Path, "sql", "SELECT * FROM range(5000000)", "--db", db);
        Assert.Equal(0, many.ExitCode);
        Assert.Contains("first 1000 rows shown", many.Stdout);
    }

    private static string NewWarehouse(TempDirectory tmp) => tmp.EmptyWarehouse();
}
