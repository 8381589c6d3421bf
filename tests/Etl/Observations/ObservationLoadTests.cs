using Wcc.Etl.Observations;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Observations;

public class ObservationLoadTests
{
    private const string Header = "indicator_code,area_code,year,sex,value,age_group,urban_rural,source,status";

    // Line numbers: header is line 1, so the first data row is line 2.
    private static readonly string BadRowsFile = string.Join('\n',
        Header,
        "W01,610100,2019,T,45.5,,,统计年鉴,",                 // 2 good
        "W10,610100,2019,F,1000,,,统计年鉴,",                 // 3 good
        "W10,610100,2019,M,1100,,,统计年鉴,",                 // 4 good
        "W10,610100,2019,T,5000,,,统计年鉴,",                 // 5 good, F+M != T -> warning
        "W0l,610100,2019,T,45.5,,,统计年鉴,",                 // 6 unknown indicator (did you mean W01)
        "W01,610199,2019,T,45.5,,,统计年鉴,",                 // 7 unknown area
        "W01,610100,1989,T,45.5,,,统计年鉴,",                 // 8 year out of range
        "W01,610100,2019,X,45.5,,,统计年鉴,",                 // 9 bad sex
        "W01,610100,2018,T,abc,,,统计年鉴,",                  // 10 non-numeric
        "W01,610100,2017,T,NaN,,,统计年鉴,",                  // 11 not finite
        "W01,610100,2016,T,120,,,统计年鉴,",                  // 12 out of bounds
        "W10,610102,2019,F,-5,,,统计年鉴,",                   // 13 negative count
        "W01,610100,2019,T,46,,,统计年鉴,",                   // 14 duplicate of line 2
        "W01,610100,2015,T,45,,,统计年鉴",                    // 15 wrong column count
        "W01,610100,2014,T,45,,,统计年鉴,provisional",        // 16 good
        "");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_OneBadRowOfEachKind_RejectsWithReasonAndReconciles(bool forceDotNet)
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("obs.csv"), BadRowsFile);

        var result = w.Load(forceDotNet, file);

        Assert.Equal(forceDotNet ? "dotnet" : "duckdb", result.Files[0].Route);
        Assert.Equal(15, result.RowsIn);
        Assert.Equal(5, result.RowsLoaded);
        Assert.Equal(10, result.RowsRejected);
        Assert.Equal(1, result.RowsWarned);
        Assert.Equal(5, w.Count("SELECT count(*) FROM fact_observation WHERE is_current"));
        var expected = new Dictionary<long, string>
        {
            [6] = RejectReason.UnknownIndicator, [7] = RejectReason.UnknownArea, [8] = RejectReason.YearOutOfRange,
            [9] = RejectReason.BadSex, [10] = RejectReason.NonNumericValue, [11] = RejectReason.NotFinite,
            [12] = RejectReason.OutOfBounds, [13] = RejectReason.NegativeCount, [14] = RejectReason.DuplicateKey,
            [15] = RejectReason.WrongColumnCount,
        };
        foreach (var (line, code) in expected)
        {
            Assert.Equal(code, w.Scalar($"SELECT reason_code FROM etl_reject WHERE severity = 'error' AND line_no = {line}"));
        }
        Assert.Contains("did you mean 'W01'", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 6")!);
        Assert.Contains("line 2", (string)w.Scalar("SELECT reason FROM etl_reject WHERE line_no = 14")!);
        Assert.Equal("W01,610100,1989,T,45.5,,,统计年鉴,", w.Scalar("SELECT raw_text FROM etl_reject WHERE line_no = 8"));
        Assert.Equal(RejectReason.SexTotalMismatch, w.Scalar("SELECT reason_code FROM etl_reject WHERE severity = 'warning' AND line_no = 5"));
        Assert.Equal(1, w.Count("SELECT count(*) FROM etl_run WHERE job = 'observations' AND status = 'succeeded' AND rows_in = 15 AND rows_loaded = 5 AND rows_rejected = 10 AND rows_warned = 1"));
        Assert.Equal(45.5, w.Scalar("SELECT value FROM fact_observation WHERE indicator_code = 'W01' AND year = 2019"));
    }

    [Fact]
    public void Load_UnbalancedQuote_RejectsThatLineOnly()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("q.csv"),
            "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,\"45.5\nW01,610100,2018,T,44\n");

        var result = w.Load(false, file);

        Assert.Equal(2, result.RowsIn);
        Assert.Equal(1, result.RowsLoaded);
        Assert.Equal(RejectReason.UnbalancedQuotes, w.Scalar("SELECT reason_code FROM etl_reject WHERE line_no = 2"));
    }

    [Fact]
    public void Load_Gb18030File_DecodesChineseSource()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("gbk.csv"),
            "indicator_code,area_code,year,sex,value,source\r\nW01,610100,2019,T,45.5,西安统计年鉴\r\n", ObservationText.Gb18030);

        var result = w.Load(false, file);

        Assert.Equal("gb18030", result.Files[0].Encoding);
        Assert.Equal("西安统计年鉴", w.Scalar("SELECT source FROM fact_observation"));
    }

    [Fact]
    public void Load_BomFile_ReadsHeader()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("bom.csv"),
            "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,45.5\n", new System.Text.UTF8Encoding(true));

        var result = w.Load(false, file);

        Assert.Equal(1, result.RowsLoaded);
        Assert.Equal(0, result.RowsRejected);
    }

    [Fact]
    public void Load_FullWidthDigitsPercentAndThousands_AreNormalised()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("fw.csv"),
            "indicator_code,area_code,year,sex,value\nW01,610100,２０１９,Ｔ,９８．５％\nW10,610100,2019,F,\"1,234\"\n");

        var result = w.Load(false, file);

        Assert.Equal(2, result.RowsLoaded);
        Assert.Equal(98.5, w.Scalar("SELECT value FROM fact_observation WHERE indicator_code = 'W01' AND year = 2019 AND sex = 'T'"));
        Assert.Equal(1234.0, w.Scalar("SELECT value FROM fact_observation WHERE indicator_code = 'W10'"));
    }

    [Fact]
    public void Load_BlankLines_AreSkippedAndLineNumbersStayPhysical()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("blank.csv"),
            "indicator_code,area_code,year,sex,value\n\nW01,610100,2019,T,45.5\n\nW01,610100,2019,Q,1\n");

        var result = w.Load(false, file);

        Assert.Equal(2, result.RowsIn);
        Assert.Equal(5L, w.Scalar("SELECT line_no FROM etl_reject"));
    }

    [Fact]
    public void Load_CrlfFile_CountsLinesLikeAnEditor()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("crlf.csv"),
            "indicator_code,area_code,year,sex,value\r\nW01,610100,2019,T,45.5\r\nW01,610100,2019,Q,45.5\r\n");

        var result = w.Load(false, file);

        Assert.Equal(1, result.RowsLoaded);
        Assert.Equal("W01,610100,2019,Q,45.5", w.Scalar("SELECT raw_text FROM etl_reject WHERE line_no = 3"));
    }

    [Fact]
    public void Load_SameFileTwice_WritesNoNewVersionsButRecordsRun()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("obs.csv"), BadRowsFile);
        w.Load(false, file);
        var before = w.Count("SELECT count(*) FROM fact_observation");

        var second = w.Load(false, file);

        Assert.Equal(before, w.Count("SELECT count(*) FROM fact_observation"));
        Assert.Equal(5, second.Files[0].Outcome.Unchanged);
        Assert.Equal(2, w.Count("SELECT count(*) FROM etl_run WHERE job = 'observations'"));
        Assert.Equal(1, w.Count("SELECT count(DISTINCT file_sha256) FROM etl_run WHERE job = 'observations'"));
    }

    [Fact]
    public void Load_NewerValue_SupersedesAndKeepsHistory()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var first = ObservationTestWarehouse.Write(tmp.File("v1.csv"), "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,45.5\nW01,610100,2018,T,44\n");
        var second = ObservationTestWarehouse.Write(tmp.File("v2.csv"), "indicator_code,area_code,year,sex,value,status\nW01,610100,2019,T,46.1,revised\n");
        var r1 = w.Load(false, first);

        var r2 = w.Load(false, second);

        Assert.Equal(1, r2.Files[0].Outcome.Superseded);
        Assert.Equal(46.1, w.Scalar("SELECT value FROM v_observation WHERE year = 2019"));
        Assert.Equal(3, w.Count("SELECT count(*) FROM fact_observation"));
        Assert.Equal(r2.Files[0].LoadId, w.Count("SELECT load_id FROM fact_observation WHERE is_current AND year = 2019"));
        Assert.Equal(r1.Files[0].LoadId, w.Count("SELECT load_id FROM fact_observation WHERE NOT is_current"));
        Assert.Equal(2, w.Count("SELECT count(*) FROM v_observation_history WHERE year = 2019 AND started_at IS NOT NULL"));
    }

    [Fact]
    public void Load_SecondFileHasBadHeader_LeavesWarehouseUnchanged()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var good = ObservationTestWarehouse.Write(tmp.File("good.csv"), "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,45.5\n");
        var bad = ObservationTestWarehouse.Write(tmp.File("bad.csv"), "W01,610100,2018,T,44\n");
        var runs = w.Count("SELECT count(*) FROM etl_run");

        var ex = Assert.Throws<WccException>(() => w.Load(false, good, bad));

        Assert.Contains("bad.csv", ex.Message);
        Assert.Contains("W01,610100,2018,T,44", ex.Message);
        Assert.Contains("indicator_code,area_code,year,sex,value", ex.Message);
        Assert.Equal(0, w.Count("SELECT count(*) FROM fact_observation"));
        Assert.Equal(0, w.Count("SELECT count(*) FROM etl_reject"));
        Assert.Equal(runs, w.Count("SELECT count(*) FROM etl_run"));
    }

    [Fact]
    public void Load_ReportsProgressUpToOne()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("obs.csv"), BadRowsFile);
        var seen = new List<double>();

        ObservationLoad.Run(w.Connection, new ObservationLoadOptions([file], () => DateTime.UnixEpoch), new SyncProgress(seen.Add));

        Assert.Equal(1.0, seen[^1]);
        Assert.True(seen.SequenceEqual(seen.Order()));
    }

    [Fact]
    public void Load_LargeCleanFile_NumbersLinesInFileOrder()
    {
        // Large enough for DuckDB to read the file in parallel chunks: line numbers must still follow the file.
        const int rows = 300_000;
        const int badEvery = 7_919;
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var text = new System.Text.StringBuilder("indicator_code,area_code,year,sex,value,age_group\n");
        for (var i = 1; i <= rows; i++)
        {
            var indicator = i % badEvery == 0 ? "NOPE" : "W01";
            text.Append(indicator).Append(",610100,").Append(1990 + i % 61).Append(",T,50,A").Append(i / 61).Append('\n');
        }
        var file = ObservationTestWarehouse.Write(tmp.File("big.csv"), text.ToString());

        var result = w.Load(false, file);

        Assert.Equal("duckdb", result.Files[0].Route);
        Assert.Equal(rows, result.RowsIn);
        Assert.Equal(rows / badEvery, result.RowsRejected);
        Assert.Equal(0, w.Count($"SELECT count(*) FROM etl_reject WHERE (line_no - 1) % {badEvery} <> 0 OR NOT starts_with(raw_text, 'NOPE,')"));
    }

    [Theory]
    [InlineData("indicator_code,area_code,year,sex")]
    [InlineData("indicator_code,area_code,year,sex,value,colour")]
    [InlineData("indicator_code,area_code,year,sex,value,value")]
    public void Load_WrongHeader_RefusesFileNamingBothHeaders(string header)
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("h.csv"), header + "\nW01,610100,2019,T,45.5\n");

        var ex = Assert.Throws<WccException>(() => w.Load(false, file));

        Assert.Contains("h.csv", ex.Message);
        Assert.Contains($"found '{header}'", ex.Message);
        Assert.Contains("expected 'indicator_code,area_code,year,sex,value", ex.Message);
    }

    [Fact]
    public void Load_DuplicateKeyAcrossRoutes_KeepsFirstAndCountsOnce()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("d.csv"),
            "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,1\nW01,610100,2019,F,2\nW01,610100,2019,T,3\nW01,610100,2019,T,4\n");

        var result = w.Load(true, file);

        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(1.0, w.Scalar("SELECT value FROM fact_observation WHERE sex = 'T'"));
        Assert.Equal(2, w.Count("SELECT count(*) FROM etl_reject WHERE reason LIKE '%duplicate of line 2%'"));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
