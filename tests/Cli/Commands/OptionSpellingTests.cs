using System.CommandLine;
using Wcc.Cli.Commands;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Tests.Cli.Commands;

/// <summary>The lower layers name options as values (<see cref="InputOption"/>); the CLI spells them, with the names its
/// commands declare.</summary>
public class OptionSpellingTests
{
    private static IEnumerable<Option> AllOptions(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(AllOptions));

    [Fact]
    public void EverySpelling_IsAnOptionACommandDeclares()
    {
        var declared = AllOptions(WccCommandLine.Create()).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Enum.GetValues<InputOption>().Select(o => (o, OptionSpelling.Spell(o))).Where(x => !declared.Contains(x.Item2)).ToList();
        Assert.True(missing.Count == 0, "spelled but declared by no command: " + string.Join(", ", missing));
    }

    [Fact]
    public void ARefusedValue_ReachesThePersonWithTheOptionSpelled()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "a.txt");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<WccException>(() => StagedFile.Write(file, overwrite: false, _ => { }));
        Assert.Contains(InputOption.Output.Ref(), error.Hint);
        Assert.Equal($"pass --overwrite to replace it, or choose another --out file", OptionSpelling.Render(error.Hint!));
    }

    [Fact]
    public void Render_LeavesTextWithoutMarkersAlone_AndKeepsUnknownMarkers()
    {
        Assert.Equal("plain ‹x›", OptionSpelling.Render("plain ‹x›"));
        Assert.Equal("--as-of 2031 is outside", OptionSpelling.Render($"{InputOption.AsOfYear.Ref()} 2031 is outside"));
    }
}
