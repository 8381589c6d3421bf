using Wcc.Analytics.Planning;
using Wcc.Reports.Planning;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>Scenario numbers are finite and bounded, keys are unique: refused with file, line and what, nothing stored.</summary>
public class ScenarioLimitsTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private static string WithTarget(string target) => "{\n  \"id\": \"limits\",\n  \"targets\": [\n    " + target + "\n  ]\n}\n";

    public static TheoryData<string, string> Refused => new()
    {
        // content, expected message (after the file name)
        { WithTarget("""{ "indicator": "C_KG_GER", "target": 99, "deadline": 2025, "pace": { "from": 2022, "extra_per_year": 1e308 } }"""),
            "pace 1E+308 is beyond the largest magnitude a plan can hold (±10^12) at $.targets[0].pace.extra_per_year (line 4)" },
        { WithTarget("""{ "indicator": "C_KG_GER", "target": 99, "deadline": 2025, "pace": { "from": 2022, "per_year": -2e15 } }"""),
            "pace -2000000000000000 is beyond the largest magnitude a plan can hold (±10^12) at $.targets[0].pace.per_year (line 4)" },
        // An indicator without an upper bound: only the magnitude limit stands between 1e300 and the plan tables.
        { WithTarget("""{ "indicator": "W_EMP_TRAINED", "target": 1e300, "deadline": 2025 }"""),
            "target 1E+300 is beyond the largest magnitude a plan can hold (±10^12) at $.targets[0].target (line 4)" },
        { WithTarget("""{ "indicator": "C_KG_GER", "target": 99, "target": 98, "deadline": 2025 }"""),
            "duplicate key `target` at $.targets[0].target (line 4; first written at line 4)" },
        { "{\n  \"id\": \"limits\",\n  \"targets\": [],\n  \"id\": \"other\"\n}\n",
            "duplicate key `id` at $.id (line 4; first written at line 2)" },
        // The character rule of every loader: raw, and smuggled in as a JSON escape.
        { "{\n  \"id\": \"limits\",\n  \"name\": \"a\u001bb\",\n  \"targets\": []\n}\n",
            "line 3: U+001B (ESC) is not allowed in a scenario" },
        { "{\n  \"id\": \"limits\",\n  \"name\": \"a\\u0000b\",\n  \"targets\": []\n}\n",
            "U+0000 (NUL) at $.name (line 3) is not allowed in a scenario" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void OutOfBoundNumberOrDuplicateKey_Refused_NothingStored(string content, string expected)
    {
        using var dir = new TempDirectory();
        var file = dir.File("limits.jsonc");
        File.WriteAllText(file, content);
        var before = warehouse.Scalar("SELECT count(*) FROM plan_projection");

        var ex = Assert.Throws<WccException>(() =>
            PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [file], Path.Combine(dir.Path, "out"), 2020)));

        Assert.Equal("limits.jsonc: " + expected, ex.Message);
        Assert.Equal(before, warehouse.Scalar("SELECT count(*) FROM plan_projection"));
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_scenario WHERE scenario_id = 'limits'"));
    }

    [Fact]
    public void NumberBeyondDouble_RefusedAsMalformedOrBeyondTheLimit_WithItsLine()
    {
        using var dir = new TempDirectory();
        var file = dir.File("overflow.json");
        File.WriteAllText(file, WithTarget("""{ "indicator": "C_KG_GER", "target": 99, "deadline": 2025, "pace": { "from": 2022, "extra_per_year": 1e400 } }"""));

        var ex = Assert.Throws<WccException>(() =>
            PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [file], Path.Combine(dir.Path, "out"), 2020)));

        Assert.StartsWith("overflow.json: ", ex.Message);
        Assert.Contains("line 4", ex.Message);
    }

    [Fact]
    public void LargestAllowedPace_StoresOnlyFiniteNumbers_AndPassesTheDataTests()
    {
        using var dir = new TempDirectory();
        var file = dir.File("edge.json");
        File.WriteAllText(file, WithTarget("""{ "indicator": "W_EMP_TRAINED", "target": 1e12, "deadline": 2025, "pace": { "from": 2022, "extra_per_year": 1e12 } }""").Replace("limits", "edge"));

        PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [file], Path.Combine(dir.Path, "out"), 2020));

        Assert.True(warehouse.Scalar("SELECT count(*) FROM plan_projection WHERE scenario_id = 'edge'") > 0);
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_projection WHERE NOT (isfinite(projected_value) AND isfinite(lower) AND isfinite(upper) AND isfinite(pace_shift))"));
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_target_assessment WHERE NOT coalesce(isfinite(projected_scenario) AND isfinite(required_pace) AND isfinite(pace_gap), true)"));
        var failed = Wcc.Warehouse.Schema.SchemaCatalog.Models.Where(m => m.Name.StartsWith("plan_", StringComparison.Ordinal))
            .SelectMany(m => Wcc.Warehouse.Quality.DataTestRunner.Run(warehouse.Connection, m)).Where(r => !r.Passed).ToList();
        Assert.Empty(failed);
    }

    [Fact]
    public void EndlessScenarioFile_RefusedBySizeLimit()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<WccException>(() =>
            PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, ["/dev/zero"], Path.Combine(dir.Path, "out"), 2020)));
        Assert.Equal("/dev/zero is larger than 1 MiB, the limit for a scenario file (ScenarioFile.MaxBytes)", ex.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
