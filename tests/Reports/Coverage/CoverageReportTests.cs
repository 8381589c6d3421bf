using System.Text;
using Wcc.Reports.Charts;
using Wcc.Reports.Coverage;
using Wcc.Tests.Support;
using static Wcc.Tests.Reports.TinyWarehouse;

namespace Wcc.Tests.Reports.Coverage;

public class CoverageReportTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Attainment_SeedWarehouse_UnmetCellsShowTheirGap_NeverAPerfectScore()
    {
        using var seed = new SeedWarehouseFixture();
        using var tmp = new TempDirectory();
        var result = CoverageReport.Run(seed.Connection, new CoverageOptions(tmp.Path));
        var svg = File.ReadAllText(Path.Combine(tmp.Path, "coverage_attainment.svg"));
        var texts = System.Text.RegularExpressions.Regex.Matches(svg, ">([^<>]+)</text>").Select(m => m.Groups[1].Value).ToList();
        var rows = result.Table("coverage_attainment");
        var status = rows.Values("status").Select(v => (string)v!).ToList();
        Assert.Equal(status.Count(s => s == "met"), texts.Count(t => t == "达标"));
        Assert.Equal(status.Count(s => s is "progressing" or "regressed" or "slipped"), texts.Count(t => t.StartsWith("差", StringComparison.Ordinal)));
        Assert.True(status.Count(s => s != "met") > 0, "the seed has unmet targets");
        Assert.DoesNotContain("1.00", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("差-", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TinyData_WritesFiveHeatmapsWithCsvBeside()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var result = CoverageReport.Run(c, new CoverageOptions(tmp.Path));
        foreach (var chart in new[] { "coverage_task_unit", "coverage_chapter_unit", "coverage_attainment", "coverage_completeness", "gender_parity" })
        {
            Assert.True(File.Exists(Path.Combine(tmp.Path, chart + ".png")), chart);
            Assert.True(File.Exists(Path.Combine(tmp.Path, chart + ".csv")), chart);
            Assert.True(File.Exists(Path.Combine(tmp.Path, chart + ".svg")), chart);
        }
        Assert.Equal(5, result.Captions.Count);
        Assert.Equal(5, result.Tables.Count);
    }

    [Fact]
    public void Run_SyntheticObservations_CaptionSaysSo()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var result = CoverageReport.Run(c, new CoverageOptions(tmp.Path));
        Assert.True(result.Captions.Single(x => x.ChartName == "gender_parity").IsSynthetic);
        Assert.False(result.Captions.Single(x => x.ChartName == "coverage_attainment").IsSynthetic);
        Assert.Contains(ChartCaption.SyntheticNotice, File.ReadAllText(Path.Combine(tmp.Path, "gender_parity.caption.txt"), Encoding.UTF8));
    }

    [Fact]
    public void Run_HeatmapSvg_DrawsCellsAsRectangles()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        CoverageReport.Run(c, new CoverageOptions(tmp.Path));
        var svg = File.ReadAllText(Path.Combine(tmp.Path, "coverage_task_unit.svg"));
        Assert.DoesNotContain("<image", svg);
        Assert.True(svg.Split("<rect").Length > 16, "one rectangle per cell");
    }
}
