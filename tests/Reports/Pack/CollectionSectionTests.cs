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
        // The rate is a typed value: the page shows 100%, the workbook holds 1 formatted 0%.
        Assert.Equal("100%", Html.Format(education[6]));
        Assert.Equal(1.0, Assert.IsType<PackValue>(education[6]).Value);
        Assert.Equal("已通过", education[7]);
        Assert.Contains("市卫健委(尚缺", section.Body);
        Assert.DoesNotContain("市教育局(尚缺", section.Body);
        Assert.Contains("2020年度数据报送", section.Body);
    }

    [Fact]
    public void IndicatorStatus_LatestValueFromAReturn_IsLabelledWithTheUnitAndDay_OthersSynthetic()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市教育局");
        FormFiller.Fill(form, f => FormValues.FillAll(f));
        IntakeJob.Run(connection, new IntakeOptions([form], CollectionFixture.Round, null, () => CollectionFixture.Clock));
        Wcc.Analytics.Forecast.ForecastRun.Execute(connection, CollectionFixture.Round);

        var status = PackTables.Read(connection, CollectionFixture.Round).IndicatorStatus;
        var kg = status.Data.Rows.First(r => (string?)r[status.Column("indicator_code")] == "C_KG_GER" && (string?)r[status.Column("area_code")] == "610100");
        Assert.Equal("市教育局 2020年度报送\n(2021-01-15报送)", PackFormat.Source(kg[status.Column("latest_source")], kg[status.Column("latest_submitted_at")]));
        var health = status.Data.Rows.First(r => (string?)r[status.Column("indicator_code")] == "C_INFANT_MORTALITY");
        Assert.Equal("合成数据", PackFormat.Source(health[status.Column("latest_source")], health[status.Column("latest_submitted_at")]));
    }

    [Fact]
    public void UnitTasks_AbolishedUnitsPage_ShowsItsSuccessorsReturnWithItsSource()
    {
        using var tmp = new TempDirectory();
        using var connection = fixture.OpenCopy(tmp);
        var form = fixture.CopyForm(tmp, "市卫健委");
        FormFiller.Fill(form, f => FormValues.FillAll(f));
        IntakeJob.Run(connection, new IntakeOptions([form], CollectionFixture.Round, null, () => CollectionFixture.Clock));

        var tasks = PackTables.Read(connection, CollectionFixture.Round).UnitTasks;
        object? Cell(string unit, int task, string column) => tasks.Data.Rows
            .Single(r => (string?)r[tasks.Column("unit_name")] == unit && Convert.ToInt32(r[tasks.Column("task_no")]) == task && (string?)r[tasks.Column("role")] == "lead")
            [tasks.Column(column)];
        // 市卫计委 led task 12 in the notice; 市卫健委 reported it for 2020.
        Assert.Equal("市卫健委 2020年度报送", Cell("市卫计委", 12, "progress_source"));
        Assert.Equal(2020, Convert.ToInt32(Cell("市卫计委", 12, "progress_year")));
        Assert.Equal("推进中", Cell("市卫计委", 12, "progress_status"));
        // A unit nobody has collected from keeps its synthetic reports, labelled so.
        Assert.Equal("合成数据", Cell("市人社局", 1, "progress_source"));

        // Unit pages carry the synthetic banner only while they show synthetic reports.
        var context = new PackContext(new PackOptions(tmp.File("pack")), CollectionFixture.Round, "", "", true, PackTables.Read(connection, CollectionFixture.Round), null!, null!)
        {
            Pages = PageTables.Read(connection, CollectionFixture.Round),
        };
        var pages = UnitPages.Build(context);
        Assert.Contains("class=\"banner\"", pages.Single(p => p.UnitName == "市人社局").Body);
        // 市卫计委's tasks are on the page of its successor, 市卫健委, which reported them.
        Assert.DoesNotContain(pages, p => p.UnitName == "市卫计委");
        var health = pages.Single(p => p.UnitName == "市卫健委").Body;
        Assert.Contains("市卫健委 2020年度报送", health);
        Assert.DoesNotContain("class=\"banner\"", health);
    }
}
