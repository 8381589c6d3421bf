using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Tests.Support;

namespace Wcc.Tests.Warehouse;

/// <summary>
/// The README promises that any DuckDB 1.5 client opens the warehouse: a file written by `wcc build` is read by DuckDB's
/// Node.js client, and every research view gives the same rows there as through DuckDB.NET.
/// </summary>
public partial class SecondClientTests
{
    /// <summary>The engine version our DuckDB.NET package embeds; a second client must be of the same major.minor line.</summary>
    private const string EngineLine = "v1.5.";

    /// <remarks>Slow: three processes end to end (`wcc build`, `wcc forecast` over every series, then Node reading every
    /// view), about 15 s of the fast set on its own.</remarks>
    [NodeFact]
    [Trait("Category", "Slow")]
    public void NodeClient_ReadsEveryResearchView_AsDuckDbNetDoes()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("wcc.duckdb");
        foreach (var step in new[] { new[] { "build", "--db", db, "--seeds", RepoPaths.Seeds }, ["forecast", "--db", db] })
        {
            var run = WccProcess.Run(tmp.Path, step);
            Assert.True(run.ExitCode == 0, $"wcc {step[0]} failed: {run.Stderr}");
        }
        var before = Sha256(File.ReadAllBytes(db));

        using var report = NodeDuckDbClient.ReadViews(db);
        var node = report.RootElement;

        Assert.StartsWith(EngineLine, node.GetProperty("version").GetString());
        Assert.True(node.GetProperty("writeRefused").GetBoolean(), "the read-only Node connection accepted CREATE TABLE");
        Assert.Equal(before, Sha256(File.ReadAllBytes(db)));
        Assert.False(File.Exists(db + ".wal"));

        var expected = ReadViewsThroughDuckDbNet(db);
        var actual = node.GetProperty("views").EnumerateArray()
            .Select(v => new ViewDigest(v.GetProperty("name").GetString()!, v.GetProperty("rows").GetInt64(), v.GetProperty("sha256").GetString()!))
            .ToList();
        Assert.Equal(expected.Select(v => v.Name), actual.Select(v => v.Name));
        Assert.Equal(expected, actual);

        // The views the README's research section names are among those compared, and hold rows, so the
        // comparison cannot pass on empty results.
        foreach (var name in ResearchSectionViews().Except(EmptyInTheDefaultWarehouse))
        {
            var view = Assert.Single(actual, v => v.Name == name);
            Assert.True(view.Rows > 0, $"{name} is empty in the default warehouse after wcc forecast");
        }
    }

    private sealed record ViewDigest(string Name, long Rows, string Sha256);

    /// <summary>The same digests as tests/clients/node/read-views.mjs, through DuckDB.NET (rows sorted, hashed here).</summary>
    private static List<ViewDigest> ReadViewsThroughDuckDbNet(string db)
    {
        // threads=1 as in the Node script: DOUBLE aggregates are then summed in one order in both clients.
        using var connection = new DuckDBConnection($"Data Source={db};ACCESS_MODE=READ_ONLY;threads=1");
        connection.Open();
        var names = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND view_name LIKE 'v\\_%' ESCAPE '\\' ORDER BY view_name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) names.Add(r.GetString(0));
        }
        var digests = new List<ViewDigest>();
        foreach (var name in names)
        {
            using var cmd = connection.CreateCommand();
            // The view name comes from the catalogue, not from input.
            cmd.CommandText = $"SELECT CAST(r AS VARCHAR) AS line FROM \"{name.Replace("\"", "\"\"")}\" AS r ORDER BY line";
            using var reader = cmd.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (reader.Read())
            {
                hash.AppendData(Encoding.UTF8.GetBytes((rows++ > 0 ? "\n" : "") + reader.GetString(0)));
            }
            digests.Add(new ViewDigest(name, rows, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }
        return digests;
    }

    /// <summary>Every v_ name written in the README from "## The warehouse" to "## Formats" (contract views, marts, samples).</summary>
    /// <summary>Research views that are empty by design on the seeds: every unit the seed notice names is in the unit
    /// directory, so no unknown unit is listed until a notice from elsewhere is loaded.</summary>
    private static readonly string[] EmptyInTheDefaultWarehouse = ["v_notice_unknown_unit"];

    private static List<string> ResearchSectionViews()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## The warehouse", StringComparison.Ordinal);
        var end = readme.IndexOf("## Formats", start, StringComparison.Ordinal);
        var names = ViewName().Matches(readme[start..end]).Select(m => m.Value).Where(n => !n.EndsWith('_')).Distinct().ToList();
        Assert.Contains("v_task_assignment", names);
        return names;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex(@"\bv_[a-z_]+")]
    private static partial Regex ViewName();
}
