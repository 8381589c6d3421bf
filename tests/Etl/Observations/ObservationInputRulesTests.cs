using System.Text;
using Wcc.Etl.Observations;
using Wcc.Tests.Support;
using Wcc.Warehouse.Text;

namespace Wcc.Tests.Etl.Observations;

/// <summary>Issue 15's input rules: RFC 4180 records, finite bounded values, digit years, -0, control characters, and
/// GB18030 CRLF files transcoded to the fast path with the same result as their UTF-8 twins.</summary>
public class ObservationInputRulesTests
{
    private const string Header = "indicator_code,area_code,year,sex,value,age_group,urban_rural,source,status";
    private const string Facts = "SELECT string_agg(r, ';' ORDER BY r) FROM (SELECT concat_ws('|', indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status) AS r FROM fact_observation)";
    private const string Rejects = "SELECT string_agg(concat_ws('|', line_no, raw_text, reason_code, reason, severity), ';' ORDER BY line_no, reason_code) FROM etl_reject";

    private static readonly string NumbersFile = string.Join('\n',
        Header,
        "W01,610100,2e3,T,45,,,src,",          // 2 year in exponent notation
        "W01,610100,2019.0,T,45,,,src,",       // 3 year with a decimal point
        "W01,610100,02018,T,45,,,src,",        // 4 good: digits
        "W01,610100,2017,T,-0,,,src,",         // 5 good: stored as 0
        "W10,610100,2019,T,1e12,,,src,",       // 6 good: exactly the magnitude limit
        "W10,610100,2018,T,1.5e12,,,src,",     // 7 beyond the magnitude
        "W01,610100,2016,T,1e308,,,src,",      // 8 beyond the magnitude (would overflow sums)
        "W10,610102,2019,T,-1e13,,,src,",      // 9 beyond the magnitude, before being a negative count
        "W01,610100,2015,T,Infinity,,,src,",   // 10 not finite
        "C05,610103,2020,F,5.1,,,src,",        // 11 good
        "");

    [Fact]
    public void Load_YearsMagnitudesAndNegativeZero_FastPassEqualsGeneralPass()
    {
        using var tmp = new TempDirectory();
        using var fast = new ObservationTestWarehouse();
        using var general = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("numbers.csv"), NumbersFile);

        var f = fast.Load(false, file);
        var g = general.Load(false, [file], disableFastPath: true);

        Assert.Equal("fast", f.Files[0].Pass);
        Assert.Equal((10L, 4L, 6L), (f.RowsIn, f.RowsLoaded, f.RowsRejected));
        Assert.Equal(general.Scalar(Facts), fast.Scalar(Facts));
        Assert.Equal(general.Scalar(Rejects), fast.Scalar(Rejects));
        var expected = new Dictionary<long, string>
        {
            [2] = RejectReason.YearOutOfRange, [3] = RejectReason.YearOutOfRange, [7] = RejectReason.BeyondMagnitude,
            [8] = RejectReason.BeyondMagnitude, [9] = RejectReason.BeyondMagnitude, [10] = RejectReason.NotFinite,
        };
        foreach (var w in new[] { fast, general })
        {
            foreach (var (line, code) in expected) Assert.Equal(code, w.Scalar("SELECT reason_code FROM etl_reject WHERE line_no = $line", ("line", line)));
            Assert.Equal("0.0", w.Scalar("SELECT value::VARCHAR FROM fact_observation WHERE year = 2017"));
            Assert.Equal(1e12, w.Scalar("SELECT value FROM fact_observation WHERE indicator_code = 'W10'"));
            Assert.Contains("2e3", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 2")!);
            Assert.Contains("1000000000000", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 7")!);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_QuotedLineBreak_IsOneRecordNumberedByItsFirstLine(bool forceDotNet)
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("quoted.csv"), string.Join('\n',
            Header,
            "W01,610100,2019,T,45.5,,,\"统计\n年鉴, 第2版\",",     // 2-3 one record
            "W01,610100,2018,T,46,,,\"He said \"\"ok\"\"\",",     // 4
            "\"W01,610100,2017,T,47,,,stray,",                      // 5 a stray quote: this line alone is refused
            "W01,610100,2016,T,48,,,plain,",                        // 6
            "W01,610100,2015,T,abc,,,\"multi\nline\",",             // 7-8 one record, refused at line 7
            "W01,610100,2014,T,49,,,last,",                         // 9
            ""));

        var result = w.Load(forceDotNet, file);

        Assert.Equal((6L, 4L, 2L), (result.RowsIn, result.RowsLoaded, result.RowsRejected));
        Assert.Equal("统计\n年鉴, 第2版", w.Scalar("SELECT source FROM fact_observation WHERE year = 2019"));
        Assert.Equal("He said \"ok\"", w.Scalar("SELECT source FROM fact_observation WHERE year = 2018"));
        Assert.Equal(RejectReason.UnbalancedQuotes, w.Scalar("SELECT reason_code FROM etl_reject WHERE line_no = 5"));
        Assert.Equal(RejectReason.NonNumericValue, w.Scalar("SELECT reason_code FROM etl_reject WHERE line_no = 7"));
        Assert.Equal("W01,610100,2015,T,abc,,,\"multi\nline\",", w.Scalar("SELECT raw_text FROM etl_reject WHERE line_no = 7"));
        Assert.Equal(1L, w.Count("SELECT count(*) FROM fact_observation WHERE year = 2014"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_ControlCharacters_RefusedWithColumnAndCodePoint_TabAndLineBreakAllowedInSource(bool forceDotNet)
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("controls.csv"), string.Join('\n',
            Header,
            "W01,610100,2019,T,45,,,a\0b,",                  // 2 NUL in source
            "W01,610100,2018,T,45,,,\"tab\tand\nbreak\",",   // 3-4 free text: loaded
            "W01,610100\u0085,2017,T,45,,,x,",               // 5 C1 control in a code
            "W01,610100,2016,T,45,Y\t15,,x,",                // 6 tab in a code
            "W01,610100,2015,T,45,,,\u001B[31mred,",         // 7 ESC in source
            ""));

        var result = w.Load(forceDotNet, file);

        Assert.Equal((5L, 1L, 4L), (result.RowsIn, result.RowsLoaded, result.RowsRejected));
        Assert.Equal(4L, w.Count("SELECT count(*) FROM etl_reject WHERE reason_code = $reason", ("reason", RejectReason.ControlCharacter)));
        Assert.Contains("U+0000 (NUL) at character 2 in column source", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 2")!);
        Assert.Contains("in column area_code", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 5")!);
        Assert.Contains("U+0009 (tab)", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 6")!);
        Assert.Equal("tab\tand\nbreak", w.Scalar("SELECT source FROM fact_observation"));
    }

    private static readonly string ExcelFile = string.Join('\n',
        Header,
        "W01,610100,2019,T,45.5,,,西安统计年鉴,",
        "W10,610100,2019,F,1000,,,市人社局,",
        "W10,610100,2019,M,1100,,,市人社局,",
        "W10,610100,2019,T,2100,,,市人社局,",
        "W0l,610100,2019,T,45.5,,,统计年鉴,",       // unknown indicator
        "W01,610100,1989,T,45.5,,,统计年鉴,",       // year out of range
        "W01,610100,2018,T,150,,,统计年鉴,",        // out of bounds
        "C05,610103,2020,F,5.1,,,𠀀扩展B,estimated",
        "");

    [Fact]
    public void Load_Gb18030CrLfFile_TakesTheFastPassAndEqualsItsUtf8Twin()
    {
        using var tmp = new TempDirectory();
        using var excel = new ObservationTestWarehouse();
        using var twin = new ObservationTestWarehouse();
        var gbFile = ObservationTestWarehouse.Write(tmp.File("excel.csv"), ExcelFile.Replace("\n", "\r\n", StringComparison.Ordinal), TextDecoder.StrictGb18030);
        var utf8File = ObservationTestWarehouse.Write(tmp.File("twin.csv"), ExcelFile);
        var temporaries = Directory.GetFiles(Path.GetTempPath(), $"wcc-load-{Environment.ProcessId}-*").Length;

        var e = excel.Load(false, gbFile);
        var t = twin.Load(false, utf8File);

        Assert.Equal((ObservationStaging.TranscodedRoute, TextDecoder.Gb18030, "fast"), (e.Files[0].Route, e.Files[0].Encoding, e.Files[0].Pass));
        Assert.Equal((8L, 5L, 3L), (e.RowsIn, e.RowsLoaded, e.RowsRejected));
        Assert.Equal(twin.Scalar(Facts), excel.Scalar(Facts));
        Assert.Equal(twin.Scalar(Rejects), excel.Scalar(Rejects));
        Assert.EndsWith("excel.csv", (string)excel.Scalar("SELECT DISTINCT file_path FROM etl_reject")!);
        Assert.Equal(temporaries, Directory.GetFiles(Path.GetTempPath(), $"wcc-load-{Environment.ProcessId}-*").Length);
    }

    [Fact]
    public void Load_Utf8FileWithOneGbkLine_IsRefusedAndNothingLoaded()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var path = tmp.File("mixed.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Header + "\nW01,610100,2019,T,45.5,,,西安统计年鉴,\n"),
            .. TextDecoder.StrictGb18030.GetBytes("W01,610100,2018,T,45.5,,,西安统计年鉴,\n")]);

        var ex = Assert.Throws<Wcc.Warehouse.Connection.WccException>(() => w.Load(false, path));

        Assert.Contains("mixed.csv: line 3", ex.Message);
        Assert.Equal(0L, w.Count("SELECT count(*) FROM fact_observation"));
    }
}
