using System.Text;
using Wcc.Notice;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

public class NoticeFileTests
{
    private const string Sample = "一、就业\n1.不少于6万人。（牵头单位：市人社局；责任单位：市妇联）\n";

    [Fact]
    public void Read_Gb18030Bytes_AreDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var tmp = new TempDirectory();
        var path = tmp.File("gb.txt");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes(Sample));
        var notice = NoticeFile.Parse(path);
        Assert.Equal(["市人社局"], notice.Tasks[0].Lead);
        Assert.Equal(60000, notice.Tasks[0].Targets[0].Value);
    }

    [Fact]
    public void Read_Utf8Bom_IsStripped()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("bom.txt");
        File.WriteAllText(path, Sample, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var text = NoticeFile.Read(path);
        Assert.Equal('一', text[0]);
        Assert.Equal("就业", NoticeFile.Parse(path).Chapters[0].Title);
    }

    [Fact]
    public void Read_MissingFile_SaysWhatToDo()
    {
        var ex = Assert.Throws<WccException>(() => NoticeFile.Read("/nonexistent/notice.txt"));
        Assert.Contains("/nonexistent/notice.txt", ex.Message);
        Assert.NotNull(ex.Hint);
    }

    [Fact]
    public void PeriodEnd_ComesFromTheTitle()
    {
        Assert.Equal(2025, NoticePeriod.EndYear("2021-2025年西安市妇女儿童重点工作责任分工\n一、…"));
        Assert.Equal(NoticeParser.DefaultPeriodEndYear, NoticePeriod.EndYear("没有年份的标题"));
        Assert.Equal(2020, NoticePeriod.EndYear(File.ReadAllText(RepoPaths.Notice)));
    }

    [Fact]
    public void Json_KeepsChineseUnescapedAndHasTheContractShape()
    {
        var json = NoticeJson.Serialize(NoticeFile.Parse(RepoPaths.Notice));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var task4 = doc.RootElement.GetProperty("tasks")[3];
        Assert.Equal(4, task4.GetProperty("no").GetInt32());
        Assert.Equal(1, task4.GetProperty("chapter").GetInt32());
        Assert.Equal("市农林委", task4.GetProperty("lead")[0].GetString());
        Assert.Equal(60000, task4.GetProperty("targets")[0].GetProperty("value").GetDouble());
        Assert.Equal([28, 28], task4.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(8, doc.RootElement.GetProperty("chapters").GetArrayLength());
        Assert.Contains("\"不少于6万人\"", json);
        Assert.DoesNotContain("\\u", json);
    }
}
