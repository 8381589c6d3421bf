using System.Text;
using Wcc.Etl.Audit;
using Wcc.Etl.Observations;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Observations;

public class ObservationLineIndexTests
{
    [Fact]
    public async Task Find_RepeatedAndLastUnterminatedLines_GivesEveryPhysicalLineNumber()
    {
        using var tmp = new TempDirectory();
        var file = tmp.File("lines.csv");
        File.WriteAllText(file, "h\na,1\nb,2\na,1\nc,3", new UTF8Encoding(false));

        var index = await ObservationLineIndex.Start(file, 4);

        Assert.Equal([(2L, "a,1"), (4L, "a,1"), (5L, "c,3")], index.Find(["a,1", "c,3"]));
        Assert.Empty(index.Find(["a,2", "h"]));
        Assert.Equal(EtlRun.Sha256(file), index.Sha256);
    }

    [Fact]
    public async Task Find_LinesAcrossReadBlocks_KeepsCounting()
    {
        // More than one 4 MiB read block, so lines are cut at block edges.
        const int rows = 300_000;
        using var tmp = new TempDirectory();
        var file = tmp.File("big.csv");
        var text = new StringBuilder("indicator_code,value\n");
        for (var i = 0; i < rows; i++) text.Append("W01,").Append(i).Append(",padding-padding\n");
        File.WriteAllText(file, text.ToString(), new UTF8Encoding(false));

        var index = await ObservationLineIndex.Start(file, rows);

        Assert.Equal([(2L + 123_456, "W01,123456,padding-padding"), (1L + rows, $"W01,{rows - 1},padding-padding")],
            index.Find(["W01,123456,padding-padding", $"W01,{rows - 1},padding-padding"]));
    }

    [Fact]
    public async Task Find_WithoutLineHashes_Throws()
    {
        using var tmp = new TempDirectory();
        var file = tmp.File("x.csv");
        File.WriteAllText(file, "h\na\n");

        var index = await ObservationLineIndex.Start(file, 0);

        Assert.Throws<InvalidOperationException>(() => index.Find(["a"]));
    }
}
