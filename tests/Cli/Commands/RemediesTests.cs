using System.Text.RegularExpressions;
using Wcc.Cli.Commands;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Commands;

/// <summary>The CLI is the only place that names commands: the lower layers state a remedy as a value
/// (<see cref="Remedy"/>) and cli/Commands/Remedies.cs spells it with the command names.</summary>
public class RemediesTests
{
    /// <summary>Files outside cli/ whose code holds something that reads like an option name but is not one of wcc's (file, why).</summary>
    /// <remarks>Everything else names an option as an <see cref="InputOption"/>, which cli/Commands/OptionSpelling.cs spells.</remarks>
    private static readonly (string File, string Why)[] OptionNamesAllowed =
    [
        ("reports/Pack/ChromiumPrinter.cs", "the browser's command-line flags, not wcc's"),
        ("reports/Pack/Pdf/PrintSession.cs", "the browser's command-line flags, not wcc's"),
        ("notice/UnitClauseParser.cs", "--depth is C#'s decrement operator"),
        ("warehouse/Schema/SchemaModels.cs", "--waitingOn[...] is C#'s decrement operator"),
    ];

    private static IEnumerable<(string File, int Line, string Text)> CodeLines()
    {
        foreach (var root in new[] { "warehouse", "notice", "etl", "analytics", "reports" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, root), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var file = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
                if (file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal)) continue;
                var lines = File.ReadAllLines(path);
                for (var i = 0; i < lines.Length; i++)
                {
                    var text = lines[i].TrimStart();
                    // Comments are for engineers; what reaches people is C# code and SQL COMMENT ON text (the dictionary).
                    if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("--", StringComparison.Ordinal)) continue;
                    yield return (file, i + 1, lines[i]);
                }
            }
        }
    }

    /// <summary>The owner of an output folder, written into its manifest and compared with the next run's (StagedOutputFolder):
    /// an identifier of stored outputs, which happens to be spelled as the command; renaming it would orphan earlier outputs.</summary>
    private static bool IsOutputOwnerId(string line) => line.TrimStart().StartsWith("public const string Command = \"wcc ", StringComparison.Ordinal);

    /// <summary>"wcc" followed by one of its command names anywhere in a line (prose such as "run wcc collect load FILE").</summary>
    private static readonly Regex CommandInProse = new(
        "\\bwcc (" + string.Join("|", WccCommandLine.Create().Subcommands.Select(c => Regex.Escape(c.Name))) + ")\\b");

    [Fact]
    public void NoCommandName_OutsideTheCli()
    {
        var found = CodeLines().Where(l => !IsOutputOwnerId(l.Text))
            .Where(l => l.Text.Contains("`wcc ", StringComparison.Ordinal) || Regex.IsMatch(l.Text, "\"wcc [a-z]") || CommandInProse.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(found.Count == 0, $"command names outside cli/ (state a Remedy instead):\n{string.Join("\n", found)}");
    }

    [Fact]
    public void NoOptionName_OutsideTheCli_ButTheListedFiles()
    {
        var option = new Regex("(?<![\\w-])--[a-z][a-z-]+");
        var found = CodeLines().Where(l => option.IsMatch(l.Text) && !OptionNamesAllowed.Any(a => a.File == l.File))
            .Select(l => $"{l.File}:{l.Line}: {option.Match(l.Text).Value}").ToList();
        Assert.True(found.Count == 0, $"option names outside cli/:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void EveryRemedy_IsRendered_WithItsArgument()
    {
        foreach (var action in Enum.GetValues<RemedyAction>())
        {
            var text = Remedies.Render(new Remedy(action, "ARG"));
            Assert.False(string.IsNullOrWhiteSpace(text));
            if (action is RemedyAction.MigrateWarehouse or RemedyAction.FoldWriteAheadLog or RemedyAction.SendRoundFirst) Assert.Contains("ARG", text);
        }
        var error = new WccException("the warehouse has no observations", new Remedy(RemedyAction.LoadObservations), hint: "this is a fresh file");
        Assert.Equal("this is a fresh file; load indicator data first with `wcc load` (or `wcc build`)", Remedies.Hint(error));
        Assert.Null(Remedies.Hint(new WccException("plain")));
    }
}
