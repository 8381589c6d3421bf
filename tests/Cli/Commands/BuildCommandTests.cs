using Wcc.Tests.Support;

namespace Wcc.Tests.Cli.Commands;

/// <summary>`wcc build` over a copy of seeds/ with one bad catalogue cell: refused with file, line and cell, exit 1, warehouse untouched.</summary>
public class BuildCommandTests
{
    [Theory]
    [InlineData("indicators.csv", "plan", "妇联", "plan '妇联' is not one of 妇女, 儿童")]
    [InlineData("indicators.csv", "domain", "福利院", "is not a domain of the")]
    [InlineData("reference_values.csv", "area_level", "华北", "area_level '华北' is not one of 全国, 陕西省, 西安市")]
    [InlineData("reference_values.csv", "source_url", "", "source_url is empty")]
    public void Build_BadCatalogueCell_IsRefusedNamingFileAndLine(string file, string column, string badValue, string expected)
    {
        using var tmp = new TempDirectory();
        var seeds = Directory.CreateDirectory(tmp.File("seeds")).FullName;
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(f, Path.Combine(seeds, Path.GetFileName(f)));
        var lines = File.ReadAllLines(Path.Combine(seeds, file));
        var index = Array.IndexOf(lines[0].Split(','), column);
        // The second data row (file line 3): its cells hold no quoted comma before this column in either file.
        var cells = lines[2].Split(',');
        cells[index] = badValue;
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(Path.Combine(seeds, file), lines);
        var db = tmp.File("w.duckdb");

        var r = WccProcess.Run(tmp.Path, "build", "--db", db, "--seeds", seeds);

        Assert.Equal(1, r.ExitCode);
        Assert.False(r.HasStackTrace, r.Stderr);
        Assert.Contains($"{file} line 3: ", r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.False(File.Exists(db) && new FileInfo(db).Length > 0 && WarehouseHasIndicators(db), "a refused build left indicators in the warehouse");
    }

    private static bool WarehouseHasIndicators(string db)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dim_indicator'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return false;
        cmd.CommandText = "SELECT count(*) FROM dim_indicator";
        return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
    }
}
