using Wcc.Etl.Audit;
using Wcc.Etl.Observations;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Observations;

public class ObservationFastPathTests
{
    private const string Header = "indicator_code,area_code,year,sex,value,age_group,urban_rural,source,status";

    // Every per-row fault once, plus spellings that are valid only after normalising; no duplicate key, F + M = T.
    private static readonly string FaultsFile = string.Join('\n',
        Header,
        "W01,610100,2019,T,45.5,,,统计年鉴,",                  // 2 good, canonical
        "W10,610100,2019,F,1000,,,统计年鉴,",                  // 3 good
        "W10,610100,2019,M,1100,,,统计年鉴,",                  // 4 good
        "W10,610100,2019,T,2100,,,统计年鉴,",                  // 5 good, F + M = T
        "W0l,610100,2019,T,45.5,,,统计年鉴,",                  // 6 unknown indicator (did you mean W01)
        "W01,610199,2019,T,45.5,,,统计年鉴,",                  // 7 unknown area
        "W01,610100,1989,T,45.5,,,统计年鉴,",                  // 8 year out of range
        "W01,610100,2018,X,45.5,,,统计年鉴,",                  // 9 bad sex
        "W01,610100,2018,T,abc,,,统计年鉴,",                   // 10 non-numeric
        "W01,610100,2017,T,NaN,,,统计年鉴,",                   // 11 not finite
        "W01,610100,2016,T,120,,,统计年鉴,",                   // 12 out of bounds
        "W10,610102,2019,F,-5,,,统计年鉴,",                    // 13 negative count
        "W01,610100,2015,T,45,,,统计年鉴",                     // 14 wrong column count
        "W01,610100,2014,T,45,,,统计年鉴,final",               // 15 bad status
        "W01,610100,2013,T,45,,X,统计年鉴,",                   // 16 bad urban/rural
        " W01 ,610100, 2012 ,t,45%,Y15T19 ,u, 统计年鉴 ,Revised", // 17 good after normalising
        "W0l,610100,2019,T,45.5,,,统计年鉴,",                  // 18 same text as line 6: same reason, own line
        "C05,610103,2020,F,5.1,,,统计年鉴,estimated",          // 19 good
        "");

    [Fact]
    public void Load_CleanFileWithEveryRowFault_FastPassWritesWhatTheGeneralPassWrites()
    {
        using var tmp = new TempDirectory();
        using var fast = new ObservationTestWarehouse();
        using var general = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("faults.csv"), FaultsFile);

        var f = fast.Load(false, file);
        var g = general.Load(false, [file], disableFastPath: true);

        Assert.Equal("fast", f.Files[0].Pass);
        Assert.Equal("general", g.Files[0].Pass);
        Assert.Equal((18L, 6L, 12L, 0L), (f.RowsIn, f.RowsLoaded, f.RowsRejected, f.RowsWarned));
        Assert.Equal((g.RowsIn, g.RowsLoaded, g.RowsRejected, g.RowsWarned), (f.RowsIn, f.RowsLoaded, f.RowsRejected, f.RowsWarned));
        Assert.Equal(g.Files[0].Outcome.RejectedByReason, f.Files[0].Outcome.RejectedByReason);
        const string facts = "SELECT string_agg(concat_ws('|', indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status, load_id, is_current), ';' ORDER BY ALL) FROM fact_observation";
        const string rejects = "SELECT string_agg(concat_ws('|', load_id, file_path, line_no, raw_text, reason_code, reason, severity), ';' ORDER BY line_no, reason_code) FROM etl_reject";
        Assert.Equal(general.Scalar(facts), fast.Scalar(facts));
        Assert.Equal(general.Scalar(rejects), fast.Scalar(rejects));
        Assert.Equal(2, fast.Count("SELECT count(*) FROM etl_reject WHERE line_no IN (6, 18) AND reason LIKE '%did you mean ''W01''%'"));
        Assert.Equal("Y15T19|U|45.0|revised", fast.Scalar("SELECT concat_ws('|', age_group, urban_rural, value, status) FROM fact_observation WHERE year = 2012"));
    }

    [Fact]
    public void Load_NoFieldPaddedWithSpaces_FastPassStillMatchesGeneralPass()
    {
        // Without line 17 no space sits next to a separator, so the fast pass leaves out its per-row padding test;
        // the rows its gate refuses (year, NaN, bounds, negative count) must still be numbered and reasoned the same.
        using var tmp = new TempDirectory();
        using var fast = new ObservationTestWarehouse();
        using var general = new ObservationTestWarehouse();
        var lines = FaultsFile.Split('\n').Where(l => !l.StartsWith(' ')).ToArray();
        var file = ObservationTestWarehouse.Write(tmp.File("unpadded.csv"), string.Join('\n', lines));

        var f = fast.Load(false, file);
        general.Load(false, [file], disableFastPath: true);

        Assert.Equal("fast", f.Files[0].Pass);
        Assert.Equal((17L, 5L, 12L), (f.RowsIn, f.RowsLoaded, f.RowsRejected));
        const string rejects = "SELECT string_agg(concat_ws('|', line_no, raw_text, reason_code, reason, severity), ';' ORDER BY line_no, reason_code) FROM etl_reject";
        const string facts = "SELECT string_agg(concat_ws('|', indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status), ';' ORDER BY ALL) FROM fact_observation";
        Assert.Equal(general.Scalar(rejects), fast.Scalar(rejects));
        Assert.Equal(general.Scalar(facts), fast.Scalar(facts));
    }

    [Fact]
    public void Load_MostRowsRefused_GivesUpAndLoadsThroughTheGeneralPass()
    {
        // Capturing 100,000 refused rows one by one would cost more than the general pass; nothing is lost either way.
        const int rows = 100_002;
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var text = new System.Text.StringBuilder("indicator_code,area_code,year,sex,value\n");
        for (var i = 0; i < rows; i++) text.Append("W01,610100,").Append(1990 + i % 40).Append(",T,").Append(i % 2 == 0 ? "120" : "NaN").Append('\n');
        var file = ObservationTestWarehouse.Write(tmp.File("bad.csv"), text.ToString());

        var result = w.Load(false, file);

        Assert.Equal("general", result.Files[0].Pass);
        Assert.Equal((rows, 0L, rows), (result.RowsIn, result.RowsLoaded, result.RowsRejected));
        Assert.Equal(rows, w.Count("SELECT count(DISTINCT line_no) FROM etl_reject WHERE reason_code IN ('out_of_bounds', 'not_finite')"));
    }

    [Fact]
    public void Load_FastPass_RecordsTheFileHashAndReconciles()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("faults.csv"), FaultsFile);

        var result = w.Load(false, file);

        Assert.Equal(EtlRun.Sha256(file), w.Scalar($"SELECT file_sha256 FROM etl_run WHERE load_id = {result.Files[0].LoadId}"));
        Assert.Equal(1, w.Count("SELECT count(*) FROM etl_run WHERE job = 'observations' AND status = 'succeeded' AND rows_in = rows_loaded + rows_rejected AND message LIKE '%pass=fast%'"));
    }

    [Fact]
    public void Load_ReorderedColumnsAndHeaderOnlyFile_FastPassMatchesGeneralPass()
    {
        using var tmp = new TempDirectory();
        using var fast = new ObservationTestWarehouse();
        using var general = new ObservationTestWarehouse();
        var reordered = ObservationTestWarehouse.Write(tmp.File("it's reordered.csv"),
            "status,value,sex,year,area_code,indicator_code\n,45.5,T,2019,610100,W01\nrevised,7,F,2019,610102,C05\n,8,F,1900,610102,C05\n,9,F,2019,610102,C5\n");
        var empty = ObservationTestWarehouse.Write(tmp.File("empty.csv"), "indicator_code,area_code,year,sex,value\n");

        var f = fast.Load(false, reordered, empty);
        var g = general.Load(false, [reordered, empty], disableFastPath: true);

        Assert.Equal(["fast", "fast"], f.Files.Select(x => x.Pass));
        Assert.Equal((4L, 2L, 2L), (f.RowsIn, f.RowsLoaded, f.RowsRejected));
        Assert.Equal((g.RowsIn, g.RowsLoaded, g.RowsRejected), (f.RowsIn, f.RowsLoaded, f.RowsRejected));
        Assert.Equal(0, f.Files[1].Outcome.In);
        const string facts = "SELECT string_agg(concat_ws('|', indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status), ';' ORDER BY ALL) FROM fact_observation";
        const string rejects = "SELECT string_agg(concat_ws('|', line_no, raw_text, reason_code, reason), ';' ORDER BY line_no) FROM etl_reject";
        Assert.Equal(general.Scalar(facts), fast.Scalar(facts));
        Assert.Equal(general.Scalar(rejects), fast.Scalar(rejects));
        Assert.Contains("did you mean 'C05'", (string)fast.Scalar("SELECT reason FROM etl_reject WHERE line_no = 5")!);
    }

    [Theory]
    [InlineData("W01,610100,2019,T,45.5\nW01,610100,2019,T,46\n")]             // duplicate key
    [InlineData("W10,610100,2019,F,1000\nW10,610100,2019,M,1100\nW10,610100,2019,T,5000\n")] // F + M vs T
    // A staged row (lower-case sex: a reader error, loaded after normalising) that repeats a key or completes a wrong F + M vs T.
    [InlineData("W01,610100,2019,T,45.5\nW01,610100,2019,t,46\n")]
    [InlineData("W10,610100,2019,F,1000\nW10,610100,2019,M,1100\nW10,610100,2019,t,5000\n")]
    public void Load_KeyLevelProblem_FallsBackToGeneralPassWithSameOutcome(string rows)
    {
        using var tmp = new TempDirectory();
        using var fast = new ObservationTestWarehouse();
        using var general = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("k.csv"), "indicator_code,area_code,year,sex,value\n" + rows);

        var f = fast.Load(false, file);
        general.Load(false, [file], disableFastPath: true);

        Assert.Equal("general", f.Files[0].Pass);
        const string rejects = "SELECT string_agg(concat_ws('|', line_no, reason_code, reason, severity), ';' ORDER BY line_no) FROM etl_reject";
        Assert.Equal(general.Scalar(rejects), fast.Scalar(rejects));
        Assert.Equal(general.Count("SELECT count(*) FROM fact_observation"), fast.Count("SELECT count(*) FROM fact_observation"));
        Assert.Equal(0, fast.Count("SELECT count(*) FROM etl_reject r WHERE r.load_id <> " + f.Files[0].LoadId));
    }

    [Fact]
    public void Load_OtherIndicatorsThenSameFileAgain_FastThenGeneral()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var rates = ObservationTestWarehouse.Write(tmp.File("rates.csv"), "indicator_code,area_code,year,sex,value\nW01,610100,2019,T,45.5\n");
        var counts = ObservationTestWarehouse.Write(tmp.File("counts.csv"), "indicator_code,area_code,year,sex,value\nC05,610100,2019,T,6.1\n");
        w.Load(false, rates);

        var other = w.Load(false, counts);
        var again = w.Load(false, counts);

        Assert.Equal("fast", other.Files[0].Pass);
        Assert.Equal("general", again.Files[0].Pass);
        Assert.Equal(1, again.Files[0].Outcome.Unchanged);
        Assert.Equal(2, w.Count("SELECT count(*) FROM fact_observation"));
    }
}
