using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wcc.Tests.Support;

namespace Wcc.Tests.Architecture;

/// <summary>
/// The projects follow the data's walk: notice text → etl loads → warehouse facts → analytics computes and stores →
/// reports read and render; the CLI composes them. A reference against that walk, or a report that writes, fails here.
/// </summary>
public partial class ProjectLayerTests
{
    /// <summary>Each library and the libraries it may reference (the CLI, tests and benchmarks may reference all).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["warehouse/Wcc.Warehouse.csproj"] = [],
        ["notice/Wcc.Notice.csproj"] = ["warehouse/Wcc.Warehouse.csproj"],
        ["etl/Wcc.Etl.csproj"] = ["warehouse/Wcc.Warehouse.csproj", "notice/Wcc.Notice.csproj"],
        ["analytics/Wcc.Analytics.csproj"] = ["warehouse/Wcc.Warehouse.csproj", "notice/Wcc.Notice.csproj"],
        ["reports/Wcc.Reports.csproj"] = ["warehouse/Wcc.Warehouse.csproj", "notice/Wcc.Notice.csproj", "analytics/Wcc.Analytics.csproj"],
    };

    private static IReadOnlyList<string> References(string project)
    {
        var path = Path.Combine(RepoPaths.Root, project);
        var folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(Path.Combine(RepoPaths.Root, folder, r.Attribute("Include")!.Value))).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void EveryLibrary_ReferencesOnlyTheLayersBeneathIt()
    {
        var libraries = Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("cli/", StringComparison.Ordinal) && !f.StartsWith("tests/", StringComparison.Ordinal)
                        && !f.StartsWith("benchmarks/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        // A new library must be placed in the walk before it can be referenced.
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), libraries);
        var wrong = libraries.SelectMany(l => References(l).Except(Allowed[l]).Select(r => $"{l} → {r}")).ToList();
        Assert.True(wrong.Count == 0, "references against the layers:\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?(TABLE|VIEW|MACRO)|DROP\s+(TABLE|VIEW)|ALTER\s+TABLE|CreateAppender|BeginTransaction)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WarehouseWrite();

    [Fact]
    public void Reports_NeverWriteToTheWarehouse()
    {
        var reports = Path.Combine(RepoPaths.Root, "reports");
        var writes = Directory.EnumerateFiles(reports, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => WarehouseWrite().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(writes.Count == 0, "reports read and render; these lines write (move them to analytics or etl):\n" + string.Join("\n", writes));
    }

    [Fact]
    public void ThePatternSeesAWrite()
    {
        // The scan above passes on an empty match; prove the pattern recognises the statements it guards against.
        Assert.Matches(WarehouseWrite(), "INSERT INTO fact_forecast SELECT 1");
        Assert.Matches(WarehouseWrite(), "using var appender = connection.CreateAppender(\"dim_task\");");
        Assert.Matches(WarehouseWrite(), "create or replace view v AS SELECT 1");
        Assert.DoesNotMatch(WarehouseWrite(), "SELECT * FROM v_pack_task WHERE status = $s");
    }
}
