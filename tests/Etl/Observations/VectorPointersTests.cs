using Wcc.Etl.Observations;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Observations;

/// <summary>The vector adapter: in place with this DuckDB.NET, and a loud, recorded fallback when its members are gone.</summary>
public class VectorPointersTests
{
    private const string File = """
        indicator_code,area_code,year,sex,value
        W01,610100,2019,T,45.5
        W01,610100,2019,F,120
        W10,610102,2020,T,-3
        W10,610102,2020,F,7
        C05,610103,1980,T,4
        """;

    [Fact]
    public void Default_ThisDuckDbNet_ReadsInPlace()
    {
        Assert.True(VectorPointers.Default.InPlace, VectorPointers.Default.FallbackReason);
        Assert.Equal(VectorPointers.InPlaceMode, VectorPointers.Default.Mode);
    }

    [Fact]
    public void Resolve_RenamedMember_FallsBackAndSaysWhich()
    {
        var renamed = VectorPointers.Resolve("DataPointerRenamed", VectorPointers.WriterMemberName);

        Assert.False(renamed.InPlace);
        Assert.Equal(VectorPointers.FallbackMode, renamed.Mode);
        Assert.Contains("DataPointerRenamed", renamed.FallbackReason);
        Assert.StartsWith("warning:", renamed.Warning);
    }

    [Fact]
    public void Load_FallbackForced_WarnsOnceRecordsItAndLoadsTheSameRows()
    {
        using var tmp = new TempDirectory();
        var first = ObservationTestWarehouse.Write(tmp.File("a.csv"), File);
        // Other indicators than the first file's, so that the second file also goes the fast path.
        var second = ObservationTestWarehouse.Write(tmp.File("b.csv"), "indicator_code,area_code,year,sex,value\nC05,610100,2019,T,4.5\nC05,610100,2019,F,1200\nC05,610103,1980,T,4\n");
        using var fallback = new ObservationTestWarehouse();
        using var inPlace = new ObservationTestWarehouse();
        var warnings = new StringWriter();
        var renamed = VectorPointers.Resolve(VectorPointers.ReaderMemberName, "vectorDataRenamed");

        var slow = ObservationLoad.Run(fallback.Connection, new ObservationLoadOptions([first, second], () => new DateTime(2026, 1, 1),
            Vectors: renamed, Warnings: warnings));
        var fast = ObservationLoad.Run(inPlace.Connection, new ObservationLoadOptions([first, second], () => new DateTime(2026, 1, 1),
            Warnings: warnings));

        // One warning line for the whole load (not one per file), naming the missing member; none for the in-place load.
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("vectorDataRenamed", lines[0]);
        Assert.All(slow.Files, f => Assert.Equal(("fast", VectorPointers.FallbackMode), (f.Pass, f.VectorRead)));
        Assert.All(fast.Files, f => Assert.Equal(VectorPointers.InPlaceMode, f.VectorRead));
        Assert.Equal(2, fallback.Count("SELECT count(*) FROM etl_run WHERE job = 'observations' AND message LIKE '%vector_read=fallback%'"));
        Assert.Equal(2, inPlace.Count("SELECT count(*) FROM etl_run WHERE job = 'observations' AND message LIKE '%vector_read=in_place%'"));
        const string Facts = "SELECT string_agg(concat_ws('|', indicator_code, area_code, year, sex, value), ';' ORDER BY ALL) FROM fact_observation";
        const string Rejects = "SELECT string_agg(concat_ws('|', file_path, line_no, reason_code), ';' ORDER BY ALL) FROM etl_reject";
        Assert.Equal(inPlace.Scalar(Facts), fallback.Scalar(Facts));
        Assert.Equal(inPlace.Scalar(Rejects), fallback.Scalar(Rejects));
        Assert.Equal(3, fallback.Count("SELECT count(*) FROM fact_observation"));
        Assert.Equal(5, fallback.Count("SELECT count(*) FROM etl_reject"));
    }
}
