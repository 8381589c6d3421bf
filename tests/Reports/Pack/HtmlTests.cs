using Wcc.Reports.Pack;

namespace Wcc.Tests.Reports.Pack;

public class HtmlTests
{
    [Fact]
    public void Table_EscapesEveryCellAndHeader()
    {
        var html = new Html().Table(["<b>单位</b>"], [["<script>alert(1)</script>"]], caption: "a&b").ToString();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;b&gt;单位&lt;/b&gt;", html);
        Assert.Contains("a&amp;b", html);
    }

    [Theory]
    [InlineData(60000.0, "60,000")]
    [InlineData(98.456, "98.46")]
    [InlineData(null, "—")]
    [InlineData(true, "是")]
    public void Format_ReadsNaturallyInChinese(object? value, string expected) => Assert.Equal(expected, Html.Format(value));
}
