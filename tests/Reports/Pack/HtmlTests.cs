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

    [Fact]
    public void Table_NumericCellsCarryTheNumClass_AndTheStylesheetKeepsThemOnOneLine()
    {
        var html = new Html().Table(["值", "带单位", "目标", "状态", "任务内容"],
            [[0.932, "98.5%\n(2020年)", "≥100\n(2020年)", "难以达成", "认真落实《“健康中国2030”规划纲要》,将提高妇女儿童健康水平放在突出位置。"]]).ToString();
        Assert.Contains("<td class=\"num\">0.93</td>", html);
        Assert.Contains("<td class=\"num\">98.5%\n(2020年)</td>", html);
        Assert.Contains("<td class=\"num\">≥100\n(2020年)</td>", html);
        Assert.Contains("<td class=\"short\">难以达成</td>", html);
        Assert.Contains("<td>认真落实", html);

        var css = PackDocument.Page("t", [], tableOfContents: false);
        Assert.Matches(@"td\.num[^{]*\{[^}]*white-space:\s*(pre|nowrap)", css);
        Assert.Matches(@"td\.short[^{]*\{[^}]*white-space:\s*(pre|nowrap)", css);
        Assert.Matches(@"td\s*\{[^}]*line-break:\s*strict", css);
        Assert.Matches(@"@page landscape\s*\{[^}]*size:\s*A4 landscape", css);
    }

    [Theory]
    [InlineData("20/10万", "num")]
    [InlineData("12小时/年", "num")]
    [InlineData("5岁以下儿童死亡率", "short")]
    public void CellClass_ANameThatStartsWithADigit_IsNotANumber(string text, string? expected) =>
        Assert.Equal(expected, Html.CellClass(text, text));
}
