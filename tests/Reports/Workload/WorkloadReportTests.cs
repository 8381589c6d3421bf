using System.Text;
using Wcc.Reports.Common;
using Wcc.Reports.Workload;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using static Wcc.Tests.Reports.TinyWarehouse;

namespace Wcc.Tests.Reports.Workload;

public class WorkloadReportTests
{
    [Fact]
    public void Run_TinyNotice_WritesChartsWithCsvAndCaptionBeside()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var result = WorkloadReport.Run(c, new WorkloadOptions(tmp.Path));
        foreach (var chart in new[] { "unit_workload", "unit_delivery" })
        {
            foreach (var ext in new[] { ".png", ".svg", ".csv", ".caption.txt" })
            {
                Assert.Contains(Path.Combine(tmp.Path, chart + ext), result.Files);
                Assert.True(File.Exists(Path.Combine(tmp.Path, chart + ext)), chart + ext);
            }
        }
        Assert.Equal(4, result.Table("unit_workload").Data.Rows.Count);
        Assert.Contains("v_unit_workload", File.ReadAllText(Path.Combine(tmp.Path, "unit_workload.caption.txt"), Encoding.UTF8));
    }

    [Fact]
    public void Run_OverriddenWeights_RecomputesIndexAndConcentration()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var result = WorkloadReport.Run(c, new WorkloadOptions(tmp.Path, LeadWeight: 1, ResponsibleWeight: 1));
        var units = result.Table("unit_workload");
        var index = units.Data.Rows.ToDictionary(r => Cells.Text(r[units.Column("unit_name")]), r => Cells.Number(r[units.Column("workload_index")]));
        Assert.Equal((2.0, 3.0, 2.0), (index["市A局"], index["市B局"], index["市C局"]));
        var conc = result.Table("workload_concentration");
        // 2, 3, 2 of 7: HHI = 17/49; Gini over 2, 2, 3 = 2 (2 + 4 + 9) / 21 - 4/3 = 2/21
        Assert.Equal(17.0 / 49, Cells.Number(conc.Data.Rows[0][conc.Column("hhi")]), 9);
        Assert.Equal(2.0 / 21, Cells.Number(conc.Data.Rows[0][conc.Column("gini")]), 9);
        Assert.Contains("lead_weight=1", conc.Source);
    }

    [Fact]
    public void Run_WeightedQuery_MatchesViewAtDefaultWeights()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var byView = WorkloadReport.Run(c, new WorkloadOptions(tmp.File("a")));
        var byQuery = WorkloadReport.Run(c, new WorkloadOptions(tmp.File("b"), LeadWeight: 2, ResponsibleWeight: 1));
        foreach (var name in new[] { "unit_workload", "workload_concentration" })
        {
            var (a, b) = (byView.Table(name).Data, byQuery.Table(name).Data);
            Assert.Equal(a.Columns, b.Columns);
            Assert.Equal(a.Rows.Select(r => string.Join("|", r.Select(CsvExport.Format))), b.Rows.Select(r => string.Join("|", r.Select(CsvExport.Format))));
        }
    }

    [Fact]
    public void Run_NegativeWeight_IsAUserError()
    {
        using var c = Open();
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => WorkloadReport.Run(c, new WorkloadOptions(tmp.Path, LeadWeight: -1)));
        Assert.Contains(InputOption.LeadWeight.Ref(), ex.Hint);
    }

    [Fact]
    public void Run_EmptyWarehouse_SaysToBuild()
    {
        using var c = WarehouseTemplates.OpenEmptyInMemory();
        using var tmp = new TempDirectory();
        var ex = Assert.Throws<WccException>(() => WorkloadReport.Run(c, new WorkloadOptions(tmp.Path)));
        Assert.Equal(RemedyAction.LoadNotice, ex.Remedy?.Action);
        Assert.Contains("wcc build", Wcc.Cli.Commands.Remedies.Hint(ex));
    }
}
