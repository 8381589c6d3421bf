using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;
using Wcc.Warehouse.Query;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The synthetic-data notices stay while any figure is generated and disappear when none is left.</summary>
[Trait("Category", "Slow")]
public class SyntheticNoticeTests
{
    [Fact]
    public void NoSyntheticFigureLeft_NoNoticeOnAnyPageOrSheet_OneReportLeft_NoticeBack()
    {
        using var warehouse = new SeedWarehouseFixture();
        using var tmp = new TempDirectory();
        // As if every unit had returned its forms: the figures keep their values but come from the units.
        warehouse.Connection.Execute("UPDATE fact_observation SET source = '市统计局 2020年度报送' WHERE source = 'synthetic'");
        warehouse.Connection.Execute("UPDATE fact_task_progress SET source = '市妇联 2020年度报送' WHERE source = 'synthetic'");

        var real = Packs.Run(warehouse.Connection, new PackOptions(tmp.File("real"), WritePdf: false));
        Assert.DoesNotContain("class=\"running-notice\"", File.ReadAllText(real.IndexHtml));
        Assert.DoesNotContain(PackFormat.SyntheticRunningNotice, File.ReadAllText(real.IndexHtml));
        Assert.All(real.UnitPages, page => Assert.DoesNotContain("class=\"running-notice\"", File.ReadAllText(page)));
        using (var doc = SpreadsheetDocument.Open(real.Workbook, false))
        {
            Assert.All(doc.WorkbookPart!.WorksheetParts, part =>
            {
                Assert.NotEqual(PackFormat.SyntheticRunningNotice, part.Worksheet.Descendants<Row>().First().InnerText);
                Assert.Empty(part.Worksheet.Descendants<OddHeader>());
            });
        }

        // One generated progress report is enough to bring the notice back.
        warehouse.Connection.Execute("UPDATE fact_task_progress SET source = 'synthetic' WHERE rowid = (SELECT min(rowid) FROM fact_task_progress)");
        var mixed = Packs.Run(warehouse.Connection, new PackOptions(tmp.File("mixed"), WritePdf: false));
        Assert.Contains("class=\"running-notice\"", File.ReadAllText(mixed.IndexHtml));
    }
}
