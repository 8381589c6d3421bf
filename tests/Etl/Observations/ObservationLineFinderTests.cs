using System.Text;
using Wcc.Etl.Observations;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Observations;

public class ObservationLineFinderTests
{
    [Fact]
    public void Find_RepeatedAndLastUnterminatedLines_GivesEveryPhysicalLineNumber()
    {
        using var tmp = new TempDirectory();
        var file = tmp.File("lines.csv");
        File.WriteAllText(file, "h\na,1\nb,2\na,1\nc,3", new UTF8Encoding(false));

        Assert.Equal([(2L, "a,1"), (4L, "a,1"), (5L, "c,3")], ObservationLineFinder.Find(file, ["a,1", "c,3"]));
        Assert.Empty(ObservationLineFinder.Find(file, ["a,2", "h"]));
        Assert.Empty(ObservationLineFinder.Find(file, []));
    }

    [Fact]
    public void Find_LinesAcrossReadBlocks_KeepsCounting()
    {
        // More than one 4 MiB read block, so lines are cut at block edges.
        const int rows = 300_000;
        using var tmp = new TempDirectory();
        var file = tmp.File("big.csv");
        var text = new StringBuilder("indicator_code,value\n");
        for (var i = 0; i < rows; i++) text.Append("W01,").Append(i).Append(",padding-padding\n");
        File.WriteAllText(file, text.ToString(), new UTF8Encoding(false));

        Assert.Equal([(2L + 123_456, "W01,123456,padding-padding"), (1L + rows, $"W01,{rows - 1},padding-padding")],
            ObservationLineFinder.Find(file, ["W01,123456,padding-padding", $"W01,{rows - 1},padding-padding"]));
    }

    [Fact]
    public void Find_ChineseText_MatchesTheUtf8Bytes()
    {
        using var tmp = new TempDirectory();
        var file = tmp.File("zh.csv");
        File.WriteAllText(file, "h\nW01,610100,2019,T,45.5,,,统计年鉴,\nW01,610100,2019,T,45.5,,,统计公报,\n", new UTF8Encoding(false));

        Assert.Equal([(3L, "W01,610100,2019,T,45.5,,,统计公报,")], ObservationLineFinder.Find(file, ["W01,610100,2019,T,45.5,,,统计公报,"]));
    }
}
