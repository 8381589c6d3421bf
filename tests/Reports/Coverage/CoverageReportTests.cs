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
        var t = result.Table("coverage_attainment");
        var cells = t.Data.Rows.Select(r => (Status: (string)r[t.Column("status")]!, IsMet: (bool)r[t.Column("is_met")]!,
            Text: AttainmentCell.Label((string)r[t.Column("status")]!, Convert.ToDouble(r[t.Column("target_value")]), Convert.ToDouble(r[t.Column("latest_value")])),
            Colour: AttainmentCell.Value((string)r[t.Column("status")]!))).ToList();
        Assert.Contains(cells, c => !c.IsMet);
        foreach (var c in cells.Where(c => !c.IsMet))
        {
            Assert.NotEqual(AttainmentCell.Met, c.Text);
            Assert.DoesNotContain("1.00", c.Text);
            Assert.NotEqual(0, c.Colour); // not the met colour
            if (c.Status != "single_year") Assert.Matches(@"^差\d", c.Text);
        }
        Assert.All(cells.Where(c => c.IsMet), c => Assert.Equal((AttainmentCell.Met, 0.0), (c.Text, c.Colour)));
        Assert.Equal("差1.2万", AttainmentCell.Gap(12_345));
        Assert.Equal("差0.57", AttainmentCell.Gap(0.5678));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_NoObservations_AreaChartsSayWhyInsteadOfDisappearing()
    {
        using var seed = new SeedWarehouseFixture();
        using (var cmd = seed.Connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM fact_forecast; DELETE FROM fact_observation;";
            cmd.ExecuteNonQuery();
        }
        using var tmp = new TempDirectory();
        var result = CoverageReport.Run(seed.Connection, new CoverageOptions(tmp.Path));
        Assert.Equal(5, result.Captions.Count);
        var attainment = result.Captions.Single(c => c.ChartName == "coverage_attainment");
        Assert.Contains("无法计算达成情况", attainment.ToText());
        Assert.True(File.Exists(Path.Combine(tmp.Path, "coverage_attainment.png")));
        Assert.Empty(result.Table("coverage_attainment").Data.Rows);
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
