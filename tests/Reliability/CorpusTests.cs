using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reliability;

/// <summary>A warehouse built once by the real `wcc build`, plus a small valid observation file, shared by the corpus cases.</summary>
public sealed class CorpusWarehouseFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    public string Warehouse { get; }

    /// <summary>A valid one-row observation file, for cases that test a reference file (load needs --observations).</summary>
    public string ValidObservations { get; }

    public string Fingerprint { get; }

    public CorpusWarehouseFixture()
    {
        Warehouse = directory.File("built.duckdb");
        var build = WccProcess.Run(RepoPaths.Root, "build", "--db", Warehouse);
        if (build.ExitCode != 0) throw new InvalidOperationException("wcc build failed: " + build.Stderr + build.Stdout);
        ValidObservations = directory.File("valid.csv");
        File.WriteAllText(ValidObservations, "indicator_code,area_code,year,sex,value\nW_TWO_CANCER_COVER,610100,2012,F,80\n");
        Fingerprint = WarehouseFingerprint.Of(Warehouse);
    }

    public void Dispose() => directory.Dispose();
}

/// <summary>Runs every malformed input of Corpus/corpus.json through the real CLI and checks the refusal or the accounting.</summary>
[Trait("Category", "Slow")]
public sealed class CorpusTests(CorpusWarehouseFixture fixture, ITestOutputHelper output) : IClassFixture<CorpusWarehouseFixture>
{
    private const int BinaryBytes = 4096;
    private const int BinarySeed = 8;
    private const int LongLineBytes = 10 * 1024 * 1024;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in CorpusCase.All()) data.Add(c.File);
        return data;
    }

    [Fact]
    public void Manifest_HasAtLeastThirtyInputsAndEveryFileExists()
    {
        var cases = CorpusCase.All();
        Assert.True(cases.Count >= 30, $"{cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.File).Distinct().Count());
        foreach (var c in cases.Where(c => c.Generate is null)) Assert.True(File.Exists(Path.Combine(CorpusCase.Folder, c.File)), c.File);
        var listed = cases.Select(c => c.File).ToHashSet();
        var unlisted = Directory.GetFiles(CorpusCase.Folder).Select(Path.GetFileName).Where(f => f != "corpus.json" && !f!.StartsWith('.') && !listed.Contains(f)).ToList();
        Assert.True(unlisted.Count == 0, "files missing from corpus.json: " + string.Join(", ", unlisted));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_IsRefusedClearlyOrFullyAccountedFor(string file)
    {
        var c = CorpusCase.All().Single(x => x.File == file);
        using var tmp = new TempDirectory();
        var input = Materialise(c, tmp);
        var db = tmp.File("w.duckdb");
        File.Copy(fixture.Warehouse, db);

        var result = WccProcess.Run(tmp.Path, Arguments(c, input, db));
        // Spectre wraps at 80 columns when redirected; joined lines read as the user reads them.
        var said = Regex.Replace(result.Stdout + result.Stderr, "\r?\n", "");
        output.WriteLine($"{c.File}: exit {result.ExitCode}\n{said}");

        Assert.False(result.HasStackTrace, said);
        Assert.True(c.Exit == result.ExitCode, $"{c.File}: expected exit {c.Exit}, got {result.ExitCode}: {said}");
        foreach (var fragment in c.Message) Assert.True(said.Contains(fragment, StringComparison.Ordinal), $"{c.File}: '{fragment}' not in: {said}");
        if (c.Line is { } line) Assert.Contains($"line {line}", said);

        if (c.Exit != 0)
        {
            Assert.Contains(Path.GetFileName(input), said);
            Assert.Contains("hint:", said);
            Assert.Equal(fixture.Fingerprint, WarehouseFingerprint.Of(db));
        }
        else if (c.Kind == "observations")
        {
            Assert.Contains("(see etl_reject)", said);
            CheckAccounting(c, db, Path.GetFileName(input));
        }
        else
        {
            Assert.Equal(fixture.Fingerprint, WarehouseFingerprint.Of(db));
        }
    }

    private string[] Arguments(CorpusCase c, string input, string db) => c.Kind switch
    {
        "observations" => ["load", "--db", db, "--observations", input],
        "notice" => ["parse-notice", input],
        "indicators" or "targets" or "areas" => ["load", "--db", db, "--" + c.Kind, input, "--observations", fixture.ValidObservations],
        _ => throw new InvalidOperationException($"unknown corpus kind {c.Kind}"),
    };

    /// <summary>rows read = loaded + rejected in etl_run; every refused row in etl_reject with its line and reason.</summary>
    private static void CheckAccounting(CorpusCase c, string db, string fileName)
    {
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT load_id, rows_in, rows_loaded, rows_rejected, file_path FROM etl_run WHERE job = 'observations' ORDER BY load_id DESC LIMIT 1";
        long loadId, rowsIn, loaded, rejected;
        using (var r = cmd.ExecuteReader())
        {
            Assert.True(r.Read(), "no etl_run row for the load");
            (loadId, rowsIn, loaded, rejected) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            Assert.EndsWith(fileName, r.GetString(4));
        }
        Assert.Equal(rowsIn, loaded + rejected);
        if (c.Loaded is { } l) Assert.Equal(l, loaded);
        if (c.Rejected is { } j) Assert.Equal(j, rejected);
        cmd.CommandText = "SELECT count(*), count(*) FILTER (WHERE line_no >= 2), list(DISTINCT reason_code) FROM etl_reject WHERE load_id = $load AND severity = 'error'";
        cmd.Parameters.Add(new DuckDBParameter("load", loadId));
        using var rr = cmd.ExecuteReader();
        rr.Read();
        Assert.Equal(rejected, rr.GetInt64(0));
        Assert.Equal(rejected, rr.GetInt64(1));
        var reasons = rr.IsDBNull(2) ? [] : ((System.Collections.IEnumerable)rr.GetValue(2)).Cast<object>().Select(o => o.ToString()).ToList();
        foreach (var reason in c.Reasons ?? []) Assert.Contains(reason, reasons);
        cmd.Parameters.Clear();
        cmd.CommandText = "SELECT count(*) FROM fact_observation WHERE load_id = $load";
        cmd.Parameters.Add(new DuckDBParameter("load", loadId));
        Assert.Equal(loaded, Convert.ToInt64(cmd.ExecuteScalar()));
    }

    /// <summary>The input's path: the corpus file, or a file generated into the temp folder for the big or binary cases.</summary>
    private static string Materialise(CorpusCase c, TempDirectory tmp)
    {
        var path = tmp.File(c.File);
        switch (c.Generate)
        {
            case null:
                File.Copy(Path.Combine(CorpusCase.Folder, c.File), path);
                break;
            case "binary":
                var bytes = new byte[BinaryBytes];
                new Random(BinarySeed).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case "long-line":
                using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
                {
                    w.Write("indicator_code,area_code,year,sex,value\nW_TWO_CANCER_COVER,610100,2014,F,90\n");
                    w.Write(new string('x', LongLineBytes));
                    w.Write('\n');
                }
                break;
            default:
                throw new InvalidOperationException($"unknown generator {c.Generate}");
        }
        return path;
    }
}
