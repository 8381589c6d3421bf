using Wcc.Notice;
using Wcc.Tests.Support;

namespace Wcc.Tests.Notice;

/// <summary>The head of a notice read as metadata: title (over several lines), issuer, document number, date.</summary>
public class NoticeMetadataTests
{
    private static NoticeMetadata Corpus(string prefix) =>
        NoticeFile.Parse(NoticeCorpus.All.Single(n => n.FileName.StartsWith(prefix, StringComparison.Ordinal)).Path).Metadata;

    [Fact]
    public void Seed_TitleIssuerAndDate()
    {
        Assert.Equal(new NoticeMetadata("西安市人民政府妇女儿童工作委员会关于印发2018-2020年西安市妇女儿童重点工作责任分工的通知",
            "西安市人民政府妇女儿童工作委员会", null, "2018-05-08"), NoticeFile.Parse(RepoPaths.Notice).Metadata);
    }

    [Fact]
    public void StateCouncil_TitleOverTwoLines_IssuerFromTheTitle_DocumentNumber()
    {
        Assert.Equal(new NoticeMetadata("国务院关于落实《政府工作报告》重点工作部门分工的意见", "国务院", "国发〔2020〕6号", null), Corpus("01-"));
    }

    [Fact]
    public void CountyNotice_IssuerLineAboveTheTitle_AndSignatureAboveTheDate()
    {
        Assert.Equal(new NoticeMetadata("费县人民政府办公室关于印发费县2024年关爱妇女儿童十件实事工作方案的通知",
            "费县人民政府办公室", "费政办字〔2024〕6号", "2024-04-29"), Corpus("08-"));
    }

    [Fact]
    public void CitedDocumentNumber_IsNotTheNoticesOwn()
    {
        // 武汉's notice cites 鄂政办发〔2018〕4号 in a sentence; it states no number of its own.
        Assert.Null(Corpus("06-").DocumentNumber);
    }

    [Fact]
    public void DateInChineseNumerals()
    {
        var notice = NoticeParser.Parse("某市人民政府关于印发规划的通知\n某市人民政府\n二○一二年六月二十日\n一、健康\n1.甲。（市卫生局负责）", "t.txt");
        Assert.Equal("2012-06-20", notice.Metadata.Date);
        Assert.Equal("某市人民政府", notice.Metadata.Issuer);
    }
}
