using System.Globalization;
using System.Text.RegularExpressions;
using Wcc.Tests.Support;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Warehouse;

/// <summary>
/// The status vocabulary is written once, in seeds/vocabulary/statuses.csv: no status label and no threshold of it may
/// appear in a .cs, .sql or .css file (comments included), so a change to the seed changes every output.
/// </summary>
public class VocabularyLiteralTests
{
    /// <summary>Ordinary Chinese phrases that contain a label's characters without naming a status (file, phrase).</summary>
    /// <remarks>Each is a sentence about data or training samples, not a verdict: 无数据 "no figure to enter", 数据不足
    /// "too few samples", 已达标 "already at the target" inside a forecast's reason.</remarks>
    private static readonly (string File, string Phrase)[] OrdinaryLanguage =
    [
        ("etl/Collection/ReturnAudit.cs", "确无数据的"),
        ("etl/Collection/TemplateWriter.cs", "无数据请留空"),
        ("reports/Coverage/CoverageCharts.cs", "为基线已达标而最新未达标"),
        ("reports/Planning/Output/PlanCharts.cs", "未对此指标提出目标或数据不足"),
        ("analytics/Forecast/ForecastEngine.cs", "年无数据，"),
        ("analytics/Forecast/Model/ForecastResult.cs", "ml数据不足时的替代"),
        ("analytics/Forecast/Methods/UnsdCagrMethod.cs", "基期已达标，进展比不适用"),
        ("analytics/Forecast/Methods/MlMethod.cs", "条、未达标{negatives}条"),
        ("analytics/Forecast/Methods/ReasonText.cs", "目前已达标，"),
    ];

    private static IEnumerable<string> SourceFiles(params string[] extensions) =>
        extensions.SelectMany(ext => Directory.EnumerateFiles(RepoPaths.Root, "*" + ext, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("tests/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.StartsWith(".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void NoStatusLabel_OutsideTheVocabularySeed()
    {
        var labels = StatusVocabulary.All.Select(t => t.Label).ToList();
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs", ".sql", ".css"))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var line = OrdinaryLanguage.Where(o => o.File == file).Aggregate(lines[i], (l, o) => l.Replace(o.Phrase, "", StringComparison.Ordinal));
                foreach (var label in labels.Where(l => line.Contains(l, StringComparison.Ordinal)))
                {
                    found.Add($"{file}:{i + 1}: {label}");
                }
            }
        }
        Assert.True(found.Count == 0, $"status labels written outside {StatusVocabulary.SeedPath}:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void NoProgressStatusLabel_OutsideItsSeed()
    {
        // The progress statuses are written only in their seed: forms, intake, prose and SQL read or join them. The
        // narratives of the synthetic reports are built from the label too (尚 + the not-started label).
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs", ".sql", ".css"))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var label in ProgressStatusVocabulary.Labels.Where(l => lines[i].Contains(l, StringComparison.Ordinal)))
                {
                    found.Add($"{file}:{i + 1}: {label}");
                }
            }
        }
        Assert.True(found.Count == 0, $"progress status labels written outside {ProgressStatusVocabulary.Seed.SeedPath}:\n{string.Join("\n", found)}");
    }

    /// <summary>Other vocabularies' wording that contains a reject reason's label (file, phrase): the collection audit's
    /// own rule names (fact_collection_cell.rule_code, RuleNames), a separate vocabulary of workbook cells.</summary>
    private static readonly (string File, string Phrase)[] RejectLabelExceptions =
    [
        ("etl/Collection/RuleNames.cs", "超出取值范围"),
        ("etl/Collection/RuleNames.cs", "含控制字符"),
        ("etl/Collection/ReturnAudit.cs", "文字中含有控制字符"),
    ];

    [Fact]
    public void NoRejectReasonLabel_OutsideItsSeed()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs", ".sql", ".css"))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var line = RejectLabelExceptions.Where(o => o.File == file).Aggregate(lines[i], (l, o) => l.Replace(o.Phrase, "", StringComparison.Ordinal));
                foreach (var label in RejectReasonVocabulary.All.Select(RejectReasonVocabulary.Label).Where(l => line.Contains(l, StringComparison.Ordinal)))
                {
                    found.Add($"{file}:{i + 1}: {label}");
                }
            }
        }
        Assert.True(found.Count == 0, $"reject reason labels written outside {RejectReasonVocabulary.Seed.SeedPath}:\n{string.Join("\n", found)}");
    }

    /// <summary>Values that were true when rows were stored and must not follow a later change of the parameter: a migration
    /// does what it did for the version it reaches, and the seed notice keeps the id its rows were stored under (Xi'an's
    /// code and the period, <c>NoticeKey.SeedId</c>; a test checks migration 008 spells the same id).</summary>
    private static readonly string[] FixedHistory = ["warehouse/sql/migrations/", "etl/Notice/NoticeKey.cs"];

    [Fact]
    public void NoYearRangeBoundOrFocusArea_OutsideTheParameterSeed()
    {
        // The warehouse's year range and focus city are written only in seeds/vocabulary/parameters.csv: SQL reads
        // vocab_parameter, C# WarehouseParameters. 1949 and 2100 are the bounds of a second range that once checked years
        // elsewhere; they stay banned so it does not come back. Whole numbers only: 19900 or 2050.5 are other values.
        var values = new[] { WarehouseYears.First.ToString(CultureInfo.InvariantCulture), WarehouseYears.Last.ToString(CultureInfo.InvariantCulture), "1949", "2100", WarehouseParameters.FocusAreaCode };
        var patterns = values.Select(v => new Regex($@"(?<![\d.]){Regex.Escape(v)}(?![\d])")).ToList();
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs", ".sql", ".css").Where(f => !FixedHistory.Any(h => f.StartsWith(h, StringComparison.Ordinal))))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (patterns.FirstOrDefault(p => p.IsMatch(lines[i])) is { } p) found.Add($"{file}:{i + 1}: {p.Match(lines[i]).Value}");
            }
        }
        Assert.True(found.Count == 0, $"year-range bounds or the focus area written outside {WarehouseParameters.Seed.SeedPath}:\n{string.Join("\n", found)}");
    }

    /// <summary>Where the role names are the notice genre's own grammar, not this vocabulary: the parser and what feeds it
    /// notices to read (a document says 牵头单位：… whatever the warehouse calls the role).</summary>
    private static readonly string[] NoticeGrammarFiles =
    [
        "notice/",                                          // the parser's labels, column headers and conventions
        "benchmarks/Wcc.Benchmarks/NoticeBenchmark.cs",     // writes notices in the genre's layouts for the parser
        "analytics/Planning/Scenarios/ScenarioValidator.cs", // asks the parser whether a unit name reads back in a clause
        "warehouse/Vocabulary/RoleVocabulary.cs",           // says which words are grammar and which are the vocabulary
    ];

    [Fact]
    public void NoRoleLabel_OutsideItsSeed()
    {
        // The role names are written only in seeds/vocabulary/roles.csv: SQL keeps the codes (lead, responsible), C# asks
        // RoleVocabulary. 责任分工 (division of responsibilities) is the genre's name, not a role, and is left out.
        var labels = RoleVocabulary.Seed.Rows.Select(r => RoleVocabulary.Seed.Cell(r, "label_zh")).ToList();
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs", ".sql", ".css").Where(f => !NoticeGrammarFiles.Any(g => f.StartsWith(g, StringComparison.Ordinal))))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Replace("责任分工", "", StringComparison.Ordinal);
                foreach (var label in labels.Where(l => line.Contains(l, StringComparison.Ordinal))) found.Add($"{file}:{i + 1}: {label}");
            }
        }
        Assert.True(found.Count == 0, $"role labels written outside {RoleVocabulary.Seed.SeedPath}:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void RoleCodes_OnlyThroughTheVocabulary_InCSharp()
    {
        // C# names a role by RoleVocabulary.Codes; SQL compares the codes stored in fact_task_assignment.role (like status codes).
        var pattern = new Regex("(?<!Groups\\[)\"(lead|responsible)\"");
        var found = new List<string>();
        foreach (var file in SourceFiles(".cs").Where(f => f != "warehouse/Vocabulary/RoleVocabulary.cs"))
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.Match(lines[i]) is { Success: true } m) found.Add($"{file}:{i + 1}: {m.Value}");
            }
        }
        Assert.True(found.Count == 0, $"role codes written as literals outside RoleVocabulary.Codes:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void NoThreshold_OutsideTheVocabularySeed()
    {
        // P(met) thresholds, as a decimal (0.7) or a percentage (70%), where statuses are computed or explained:
        // the forecast, the pack, the warehouse (its planning models use 70% as a confidence level, another concept).
        var thresholds = new[] { StatusVocabulary.OnTrackProbability, StatusVocabulary.OffTrackProbability };
        // The basically-attained tolerance and its complement, where verdicts are computed or explained (the UNSD
        // method's own 0.95 progress ratio is a forecast rule of that method, not the tolerance).
        var tolerance = new[] { StatusVocabulary.BasicTolerance, 1 - StatusVocabulary.BasicTolerance };
        var found = new List<string>();
        void Scan(IEnumerable<string> files, IEnumerable<double> values)
        {
            var patterns = values.Select(v => new Regex(
                $@"(?<![\d.]){Regex.Escape(v.ToString("0.##", CultureInfo.InvariantCulture))}(?![\d])|(?<![\d.]){Regex.Escape((100 * v).ToString("0.##", CultureInfo.InvariantCulture))}%")).ToList();
            foreach (var file in files)
            {
                var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
                for (var i = 0; i < lines.Length; i++)
                {
                    if (patterns.FirstOrDefault(p => p.IsMatch(lines[i])) is { } p) found.Add($"{file}:{i + 1}: {p.Match(lines[i]).Value}");
                }
            }
        }
        var statusFiles = SourceFiles(".cs", ".sql", ".css").Where(f =>
            f.StartsWith("analytics/Forecast/", StringComparison.Ordinal) || f.StartsWith("reports/Pack/", StringComparison.Ordinal)
            || (f.StartsWith("warehouse/", StringComparison.Ordinal) && !f.StartsWith("warehouse/sql/60_plan/", StringComparison.Ordinal))).ToList();
        Scan(statusFiles, thresholds);
        Scan(statusFiles.Where(f => !f.EndsWith("UnsdCagrMethod.cs", StringComparison.Ordinal)), tolerance);
        Assert.True(found.Count == 0, $"status thresholds written outside {StatusVocabulary.SeedPath}:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void TheTestSeesALabelWhenOneIsWritten()
    {
        // The scan above must be able to fail: the seed itself holds every label and threshold it looks for.
        var seed = File.ReadAllText(Path.Combine(RepoPaths.Root, StatusVocabulary.SeedPath));
        Assert.All(StatusVocabulary.All, t => Assert.Contains(t.Label, seed));
        Assert.Contains(StatusVocabulary.OnTrackProbability.ToString(CultureInfo.InvariantCulture), seed);
    }
}
