using Wcc.Reports.Pack;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reports.Pack;

/// <summary>index.html never exceeds PackLimits.MaxIndexHtmlBytes: the unit appendix is left out first, then the pack is refused.</summary>
public class PackLimitsTests
{
    private static string Page(string main, string extra) => "<html><body>" + main + extra + "</body></html>";

    [Fact]
    public void SmallPack_KeepsTheUnitAppendix()
    {
        var page = PackLimits.IndexPage(extra => Page("<p>摘要</p>", extra), "<section>单位甲</section>");
        Assert.Contains("单位甲", page);
        Assert.DoesNotContain("units-left-out", page);
    }

    [Fact]
    public void HugeUnitAppendix_IsLeftOutWithANote_PageUnderTheCap()
    {
        // Chinese text is three bytes a character in UTF-8: the cap is on bytes, not characters.
        var units = "<section>" + new string('单', PackLimits.MaxIndexHtmlBytes / 3) + "</section>";
        var page = PackLimits.IndexPage(extra => Page("<p>摘要</p>", extra), units);
        Assert.Contains(PackLimits.UnitAppendixLeftOut, page);
        Assert.Contains("<p>摘要</p>", page);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(page) <= PackLimits.MaxIndexHtmlBytes);
    }

    [Fact]
    public void HugeMainBody_Refused()
    {
        var main = new string('表', PackLimits.MaxIndexHtmlBytes / 3 + 1);
        var ex = Assert.Throws<WccException>(() => PackLimits.IndexPage(extra => Page(main, extra), ""));
        Assert.Contains("over the cap of 16 MiB (PackLimits.MaxIndexHtmlBytes)", ex.Message);
    }
}
