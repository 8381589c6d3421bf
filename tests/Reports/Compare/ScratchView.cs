namespace Wcc.Tests.Reports.Compare;
public sealed class ScratchView(Wcc.Tests.Support.SeedWarehouseFixture w) : IClassFixture<Wcc.Tests.Support.SeedWarehouseFixture>
{
    [Fact]
    public void Write()
    {
        StoredNotices.Insert(w.Connection, CompareNotices.Modified());
        if (Directory.Exists("/tmp/cmp-view")) Directory.Delete("/tmp/cmp-view", true);
        Wcc.Reports.Compare.CompareRun.Execute(w.Connection, new Wcc.Reports.Compare.CompareOptions("610100-2018-2020", "610100-2021-2025", "/tmp/cmp-view"));
    }
}
