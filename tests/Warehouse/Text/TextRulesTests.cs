using Wcc.Warehouse.Text;

namespace Wcc.Tests.Warehouse.Text;

public class TextRulesTests
{
    [Theory]
    [InlineData("a\0b", 1, "U+0000 (NUL)")]
    [InlineData("bell\a", 4, "U+0007")]
    [InlineData("esc\u001B[31m", 3, "U+001B (ESC)")]
    [InlineData("del\u007F", 3, "U+007F (DEL)")]
    [InlineData("c1\u0085", 2, "U+0085 (C1")]
    [InlineData("non\uFFFF", 3, "U+FFFF (noncharacter)")]
    [InlineData("tab\tin a name", 3, "U+0009 (tab)")]
    [InlineData("line\nbreak in a name", 4, "line break")]
    public void OneLineText_Refused(string text, int index, string described)
    {
        Assert.Equal(index, TextRules.IndexOfRefused(text, freeText: false));
        Assert.Contains(described, TextRules.Describe(text, index));
    }

    [Theory]
    [InlineData("\u200F右\u202E", false)]
    [InlineData("👩‍👧𠀀e\u0301", false)]
    [InlineData("=1+1 <script>", false)]
    [InlineData("\uD7FF\uE000\uFFFD\uFEFF", false)]
    [InlineData("第一行\n第二行\t制表符", true)]
    public void Text_Accepted(string text, bool freeText) => Assert.Equal(-1, TextRules.IndexOfRefused(text, freeText));

    [Fact]
    public void UnpairedSurrogate_Refused()
    {
        var text = "lone" + (char)0xD800 + "x";
        Assert.Equal(4, TextRules.IndexOfRefused(text, freeText: true));
        Assert.Contains("unpaired surrogate", TextRules.Describe(text, 4));
    }

    [Fact]
    public void FreeText_StillRefusesNul() => Assert.Equal(2, TextRules.IndexOfRefused("a\n\0", freeText: true));
}
