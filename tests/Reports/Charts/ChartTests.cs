using System.Buffers.Binary;
using System.Text;

using Wcc.Reports.Charts;
using Wcc.Reports.Common;
using Wcc.Tests.Support;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Reports.Charts;

public class ChartTests
{
    [Fact]
    public void Require_ResolvesTheCjkFontInScottPlot()
    {
        Assert.Equal(ChartFont.Family, ChartFont.Require());
        Assert.Equal(ChartFont.Family, ScottPlot.Fonts.Default);
        Assert.True(ChartFont.IsInstalled(ChartFont.Family));
        Assert.False(ChartFont.IsInstalled("No Such Font 12345"));
    }

    [Fact]
    public void Heatmap_WrittenAtItsComputedPixelSize()
    {
        ChartFont.Require();
        var (plot, width, height) = HeatmapChart.Create(new HeatmapInput("测试热力图", ["市教育局", "各区县妇儿工委"], ["1", "2", "3"],
            new double[,] { { 0, 1, 2 }, { 2, double.NaN, 0 } }, Palette.Sequential, 0, 2, ColorBarLabel: "任务数"));
        using var tmp = new TempDirectory();
        var data = new QueryResult(["a"], [["=cmd()"]]);
        var files = ChartFile.Write(new ChartSpec("h", plot, width, height, data, new ChartCaption("h", "测试", "说明", "项", ["v_x"], false)), tmp.Path);
        Assert.Equal((width, height), PngSize(files[0]));
        Assert.True(height >= 2 * 22, "rows get at least the minimum cell height");
    }

    [Fact]
    public void Bars_LongUnitNames_WidenTheFigure()
    {
        ChartFont.Require();
        var shortNames = BarChart.Create(new BarInput("t", "x", ["甲"], [new BarSegment("s", Palette.Lead, [1])]));
        var longNames = BarChart.Create(new BarInput("t", "x", ["西安市人力资源和社会保障局"], [new BarSegment("s", Palette.Lead, [1])]));
        Assert.True(longNames.Width > shortNames.Width);
    }

    [Fact]
    public void CsvExport_HasBomAndNeutralisesFormulas()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("x.csv");
        CsvExport.Write(path, new QueryResult(["单位", "值"], [["=HYPERLINK(\"x\")", -1.5], ["@SUM(A1)", 2], ["+1+1", null], ["市妇联,甲", 3]]));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("单位,值", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",-1.5", lines[1]);
        Assert.Equal("'@SUM(A1),2", lines[2]);
        Assert.Equal("'+1+1,", lines[3]);
        Assert.Equal("\"市妇联,甲\",3", lines[4]);
    }

    [Fact]
    public void Caption_Synthetic_AddsNotice()
    {
        var caption = new ChartCaption("x", "标题", "说明。", "项", ["v_a", "v_b"], IsSynthetic: true);
        Assert.EndsWith(ChartCaption.SyntheticNotice + "。", caption.ToText());
        // Readers get no internal names; the views are kept for researchers beside the chart.
        Assert.DoesNotContain("v_a", caption.ToText());
        Assert.Equal("views: v_a, v_b", caption.SourceLine());
    }

    private static (int, int) PngSize(string path)
    {
        var header = File.ReadAllBytes(path)[16..24];
        return (BinaryPrimitives.ReadInt32BigEndian(header[..4]), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
