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
    public void FemaleAdvantage_LowerIsBetter_LowerFemaleValueIsBlue()
    {
        // Girls' infant mortality 8.2 against boys' 10 (per mille): lower is better, so girls fare better -> blue.
        var girls = Palette.FemaleAdvantage(8.2, 10, "lower");
        Assert.True(girls > 0);
        var colour = Palette.BetterWorse(girls);
        Assert.True(colour.B > colour.R, $"expected blue, got {colour.ToHex()}");
        // The same ratio on a higher-is-better indicator (e.g. enrolment) is unfavourable -> red.
        var enrolment = Palette.FemaleAdvantage(8.2, 10, "higher");
        Assert.Equal(-girls, enrolment, 12);
        var red = Palette.BetterWorse(enrolment);
        Assert.True(red.R > red.B, $"expected red, got {red.ToHex()}");
        Assert.Equal(0, Palette.FemaleAdvantage(5, 5, "lower"));
        Assert.Equal(1, Palette.FemaleAdvantage(1, 10, "lower"));
        Assert.True(double.IsNaN(Palette.FemaleAdvantage(0, 10, "lower")));
        Assert.Throws<ArgumentException>(() => Palette.FemaleAdvantage(1, 2, "up"));
    }

    [Fact]
    public void Bars_AllZero_SayInChineseThatThereIsNothingToShow()
    {
        ChartFont.Require();
        const string note = "2020年各单位均无报告为“滞后”或“未启动”的任务。";
        var (plot, width, height) = BarChart.Create(new BarInput("滞后任务数", "任务数(项)", ["市妇联", "市教育局"],
            [new BarSegment("滞后", Palette.Vermillion, [0, 0])], EmptyNote: note));
        var texts = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToList();
        Assert.Contains(note, texts);
        Assert.Empty(plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>());
        using var tmp = new TempDirectory();
        var files = ChartFile.Write(new ChartSpec("empty", plot, width, height, new QueryResult(["a"], []), new ChartCaption("empty", "t", "d", "项", ["v_x"], false)), tmp.Path);
        Assert.Contains(note, File.ReadAllText(files[1]));
        // with one non-zero value it is a bar chart again
        var (bars, _, _) = BarChart.Create(new BarInput("滞后任务数", "任务数(项)", ["市妇联"], [new BarSegment("滞后", Palette.Vermillion, [1])], EmptyNote: note));
        Assert.Single(bars.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>());
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
