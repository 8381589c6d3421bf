using System.Text;
using Wcc.Etl.Seeds;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class SeedCsvTests
{
    private static readonly string[] Header = ["a", "b"];

    [Fact]
    public void Read_ExcelByteOrderMark_IsNotPartOfTheHeader()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("x.csv");
        File.WriteAllText(path, "a,b\n1,二\n", new UTF8Encoding(true));
        var row = Assert.Single(SeedCsv.Read(path, Header));
        Assert.Equal("二", row.Required("b"));
        Assert.Equal(2, row.LineNo);
    }

    [Fact]
    public void Read_LineNumbers_CountEmptyLines()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("x.csv");
        File.WriteAllText(path, "a,b\n1,2\n\n3,4\n");
        Assert.Equal([2L, 4L], SeedCsv.Read(path, Header).Select(r => r.LineNo));
    }

    [Fact]
    public void Read_UnclosedQuote_IsRefusedWithItsLine()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("x.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,\"4\"x\n");
        var ex = Assert.Throws<WccException>(() => SeedCsv.Read(path, Header));
        Assert.StartsWith("x.csv line 3: malformed CSV", ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysTheHeaderIsMissing()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("x.csv");
        File.WriteAllText(path, "");
        var ex = Assert.Throws<WccException>(() => SeedCsv.Read(path, Header));
        Assert.Equal("x.csv line 1: the header row is missing", ex.Message);
    }

    [Fact]
    public void Read_MissingFile_SaysWhere()
    {
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => SeedCsv.Read(tmp.File("none.csv"), Header));
        Assert.StartsWith("none.csv: file not found", ex.Message);
    }
}
