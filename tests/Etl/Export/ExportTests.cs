using System.Text.Json;
using Wcc.Etl.Export;
using Wcc.Tests.Etl.Observations;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Export;

public class ExportTests
{
    private static ObservationTestWarehouse LoadedWarehouse(TempDirectory tmp)
    {
        var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("obs.csv"),
            "indicator_code,area_code,year,sex,value,source\nW01,610100,2019,T,45.5,=cmd|' /C calc'!A0\nW01,610100,2018,T,44,年鉴\nW01,610102,2018,T,40,年鉴\n");
        w.Load(false, file);
        return w;
    }

    [Fact]
    public void Parquet_RoundTripsRowCountsAndPartitionsFacts()
    {
        using var tmp = new TempDirectory();
        using var w = LoadedWarehouse(tmp);
        var outDir = tmp.File("parquet");

        var entries = ParquetExport.Run(w.Connection, outDir, overwrite: false);

        Assert.Contains(entries, e => e.Table == "v_observation_history");
        foreach (var e in entries)
        {
            var path = Path.Combine(outDir, e.Path).Replace("'", "''");
            Assert.Equal(e.Rows, w.Count($"SELECT count(*) FROM read_parquet('{path}', hive_partitioning = true)"));
        }
        Assert.True(Directory.Exists(Path.Combine(outDir, "fact_observation", "year=2019")));
        Assert.Equal(2, w.Count($"SELECT count(DISTINCT year) FROM read_parquet('{Path.Combine(outDir, "fact_observation")}/*/*.parquet', hive_partitioning = true)"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, ParquetExport.ManifestFile)));
        var fact = manifest.RootElement.EnumerateArray().Single(e => e.GetProperty("table").GetString() == "fact_observation");
        Assert.Equal(3, fact.GetProperty("rows").GetInt64());
        Assert.Contains(fact.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "is_current");
    }

    [Fact]
    public void Parquet_ExistingOutput_RefusedWithoutOverwrite()
    {
        using var tmp = new TempDirectory();
        using var w = LoadedWarehouse(tmp);
        var outDir = tmp.File("parquet");
        ParquetExport.Run(w.Connection, outDir, overwrite: false);

        var ex = Assert.Throws<WccException>(() => ParquetExport.Run(w.Connection, outDir, overwrite: false));
        Assert.Contains(InputOption.Overwrite.Ref(), ex.Hint);

        var again = ParquetExport.Run(w.Connection, outDir, overwrite: true);
        Assert.Equal(3, again.Single(e => e.Table == "fact_observation").Rows);
    }

    [Fact]
    public void Csv_HasBomAndNeutralisesFormulas()
    {
        using var tmp = new TempDirectory();
        using var w = LoadedWarehouse(tmp);
        var outDir = tmp.File("csv");

        CsvExport.Run(w.Connection, outDir, overwrite: false);

        var bytes = File.ReadAllBytes(Path.Combine(outDir, "fact_observation.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("'=cmd", text);
        Assert.DoesNotContain(",=cmd", text);
        Assert.Contains("年鉴", text);
        Assert.Throws<WccException>(() => CsvExport.Run(w.Connection, outDir, overwrite: false));
    }
}
