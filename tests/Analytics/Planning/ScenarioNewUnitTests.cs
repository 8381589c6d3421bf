using Wcc.Analytics.Planning;
using Wcc.Notice;
using Wcc.Reports.Planning;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Analytics.Planning;

/// <summary>A scenario may create units: declared ones (name, kind) can be assigned; undeclared unknown ones are refused.</summary>
public class ScenarioNewUnitTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    private const string NewCentre = "市托育服务指导中心";
    private const string NewNetwork = "各街道托育服务站";

    private static string Scenario(string id, string units, string tasks) => $$"""
        {
          "id": "{{id}}",
          "units": [{{units}}],
          "tasks": {{tasks}}
        }
        """;

    private static readonly string DeclaredUnits = $$"""
        { "name": "{{NewCentre}}", "kind": "government_department" },
            { "name": "{{NewNetwork}}", "kind": "collective" }
        """;

    private static readonly string TasksNamingThem = $$"""
        {
            "reassign": [{ "task": 7, "responsible": ["市司法局", "{{NewCentre}}"] }],
            "add": [{ "chapter": 3, "text": "建设普惠托育服务指导网络", "lead": ["{{NewCentre}}"], "responsible": ["市卫健委", "{{NewNetwork}}"] }]
          }
        """;

    private PlanRunResult<PlanReportOutput> Run(string outDir, string file) => PlanRuns.Execute(warehouse.Connection, new PlanOptions(2025, [file], outDir, 2020));

    [Fact]
    public void DeclaredNewUnits_AreAssigned_StoredWithTheirKind_AndReadBackFromTheDraft()
    {
        using var dir = new TempDirectory();
        var file = dir.File("new-units.jsonc");
        File.WriteAllText(file, Scenario("new-units", DeclaredUnits, TasksNamingThem));

        var result = Run(Path.Combine(dir.Path, "out"), file);

        var scenario = result.Scenarios.Single(s => s.Scenario.Id == "new-units");
        var added = scenario.Division.Tasks.Single(t => t.Change == "new");
        Assert.Equal([NewCentre], added.Lead.Select(u => u.Name));
        Assert.Equal(["市卫健委", NewNetwork], added.Responsible.Select(u => u.Name));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'new-units' AND unit_name = $u AND role = 'lead' AND NOT is_collective", ("u", NewCentre)));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'new-units' AND unit_name = $u AND role = 'responsible' AND NOT is_collective AND plan_task_no = $t",
            ("u", NewCentre), ("t", scenario.Division.Tasks.Single(t => t.SourceTaskNo == 7).PlanTaskNo)));
        // The collective kind is what keeps a group of bodies out of the concentration measures.
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'new-units' AND unit_name = $u AND is_collective", ("u", NewNetwork)));
        // The draft names the new units in its clauses, and the notice parser reads them back as units.
        var draft = NoticeFile.Parse(Directory.GetFiles(Path.Combine(dir.Path, "out", "draft"), "new-units-*.txt").Single());
        Assert.Empty(draft.Warnings);
        Assert.Contains(draft.Tasks, t => t.Lead.SequenceEqual([NewCentre]) && t.Responsible.SequenceEqual(["市卫健委", NewNetwork]));
        // The baseline knows nothing of them.
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM plan_assignment WHERE scenario_id = 'baseline' AND unit_name IN ($a, $b)", ("a", NewCentre), ("b", NewNetwork)));
    }

    public static TheoryData<string, string, string, string, int> BadCases => new()
    {
        // units, tasks, expected JSON path, expected text, expected line
        { "", TasksNamingThem, "$.tasks.reassign[0].responsible[1]", "unknown unit `市托育服务指导中心`", 5 },
        { $$"""{ "name": "{{NewCentre}}", "kind": "agency" }""", TasksNamingThem, "$.units[0].kind", "not one of government_department", 3 },
        { """{ "name": "市卫健委", "kind": "government_department" }""", TasksNamingThem, "$.units[0].name", "unit 市卫健委 already exists", 3 },
        { """{ "name": "市托育中心、市早教中心", "kind": "government_department" }""", TasksNamingThem, "$.units[0].name", "cannot be written in a notice's unit clause", 3 },
        { $$"""{ "name": "{{NewCentre}}", "kind": "government_department" }, { "name": "{{NewCentre}}", "kind": "government_department" }""", TasksNamingThem, "$.units[1].name", "declared twice", 3 },
        { $$"""{ "kind": "government_department" }""", TasksNamingThem, "$.units[0].name", "has no name", 3 },
        { DeclaredUnits + """, { "name": "市未用中心", "kind": "committee_office" }""", TasksNamingThem, "$.units[2].name", "declared but no task names it", 4 },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void BadNewUnit_NamesFilePathLineAndWhatToDo_WritesNothing(string units, string tasks, string place, string what, int line)
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad-units.jsonc");
        File.WriteAllText(file, Scenario("bad-units", units, tasks));
        var outDir = Path.Combine(dir.Path, "out");
        var before = warehouse.Scalar("SELECT count(*) FROM plan_assignment");

        var ex = Assert.Throws<WccException>(() => Run(outDir, file));

        Assert.Contains("bad-units.jsonc", ex.Message);
        Assert.Contains(place, ex.Message);
        Assert.Contains(what, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.Hint));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(before, warehouse.Scalar("SELECT count(*) FROM plan_assignment"));
    }

    [Fact]
    public void UndeclaredUnit_HintSaysHowToDeclareIt()
    {
        using var dir = new TempDirectory();
        var file = dir.File("undeclared.jsonc");
        File.WriteAllText(file, Scenario("undeclared", "", TasksNamingThem));

        var ex = Assert.Throws<WccException>(() => Run(Path.Combine(dir.Path, "out"), file));

        Assert.Contains("\"units\"", ex.Hint);
        Assert.Contains("\"kind\"", ex.Hint);
    }
}
