using Wcc.Etl.Collection;
using Wcc.Reports.Pack;
using Wcc.Reports.Pack.Sections;
using Wcc.Tests.Etl.Collection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack;

public class CollectionSectionTests(CollectionFixture fixture) : IClassFixture<CollectionFixture>
{
    [Fact]
    public void Section_AfterOneReturn_ShowsRatePerUnitAndNamesWhoStillOwes()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市教育局");
        FormFiller.Fill(form, f => FormValues.FillAll(f));
        IntakeJob.Run(connection, new IntakeOptions([form], CollectionFixture.Round, null, () => CollectionFixture.Clock));

        var tables = PackTables.Read(connection, CollectionFixture.Round);
        var context = new PackContext(null!, CollectionFixture.Round, "", "", true, tables, null!, null!);
        var section = CollectionSection.Build(context, "十");

        var table = Assert.Single(section.Tables);
        Assert.Equal(fixture.Forms.Count, table.Rows.Count);
        var education = table.Rows.Single(r => (string?)r[0] == "市教育局");
        Assert.Equal("100%", education[6]);
        Assert.Equal("已通过", education[7]);
        Assert.Contains("市卫健委(尚缺", section.Body);
        Assert.DoesNotContain("市教育局(尚缺", section.Body);
        Assert.Contains("2020年度数据报送", section.Body);
    }
}
