using Wcc.Analytics.Planning;
using Wcc.Reports.Planning;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>Bad scenario files: one clear message naming the file, the JSON path and line; nothing written.</summary>
public class ScenarioInputTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private static string Scenario(string targets = "", string tasks = "", string renames = "") => $$"""
        {
          "id": "bad",
          "name": "错误示例",
          "targets": [{{targets}}],
          "tasks": {{(tasks.Length == 0 ? "{}" : tasks)}},
          "renames": [{{renames}}]
        }
        """;

    private const string GoodTarget = """{ "indicator": "C_KG_GER", "target": 99, "deadline": 2025 }""";

    public static TheoryData<string, string, string, int> Cases => new()
    {
        // content, expected JSON path, expected text, expected line
        { Scenario(targets: """{ "indicator": "C_KG_GRE", "target": 99, "deadline": 2025 }"""), "$.targets[0].indicator", "unknown indicator", 4 },
        { Scenario(targets: "\n    " + GoodTarget + ",\n    { \"indicator\": \"C_KG_GER\", \"sex\": \"T\", \"area\": \"610102\", \"target\": 120, \"deadline\": 2025 }"), "$.targets[1].target", "outside the indicator's bounds", 6 },
        { Scenario(targets: """{ "indicator": "C_KG_GER", "target": 99, "deadline": 2019 }"""), "$.targets[0].deadline", "not within the plan period", 4 },
        { Scenario(tasks: """{ "drop": [99] }"""), "$.tasks.drop[0]", "unknown task 99", 5 },
        { Scenario(tasks: """{ "reassign": [{ "task": 7, "lead": ["市不存在局"] }] }"""), "$.tasks.reassign[0].lead[0]", "unknown unit", 5 },
        { Scenario(renames: """{ "from": "市火星局", "to": "市新局" }"""), "$.renames[0].from", "unknown unit", 6 },
        { "{\n  \"id\": \"bad\",\n  \"targets\": [ { \"indicator\": \"C_KG_GER\" \"target\": 99 } ]\n}", "line 3", "malformed scenario JSON", 3 },
        { "{\n  \"id\": \"bad\",\n  \"targetz\": []\n}", "$.targetz", "malformed scenario JSON", 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadScenario_NamesFilePathAndLine_WritesNothing(string content, string place, string what, int line)
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad-scenario.jsonc");
        File.WriteAllText(file, content);
        var outDir = Path.Combine(dir.Path, "out");
        var before = warehouse.Scalar("SELECT count(*) FROM plan_scenario");

        var ex = Assert.Throws<WccException>(() =>
            PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [file], outDir, 2020)));

        Assert.Contains("bad-scenario.jsonc", ex.Message);
        Assert.Contains(place, ex.Message);
        Assert.Contains(what, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(before, warehouse.Scalar("SELECT count(*) FROM plan_scenario"));
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_scenario WHERE scenario_id = 'bad'"));
    }
}
