using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>How the command line spells each input the lower layers name (<see cref="InputOption"/>): the commands declare
/// their options with these spellings and the messages of the lower layers are rendered with them, so a renamed flag is
/// renamed everywhere at once.</summary>
/// <remarks>OptionSpellingTests checks that every input is an option some command declares.</remarks>
public static class OptionSpelling
{
    /// <summary>The option as typed on the command line.</summary>
    public static string Spell(InputOption option) => option switch
    {
        InputOption.WarehouseFile => "--db",
        InputOption.Output => "--out",
        InputOption.Overwrite => "--overwrite",
        InputOption.AsOfYear => "--as-of",
        InputOption.CutoffYear => "--cutoff",
        InputOption.Period => "--period",
        InputOption.Round => "--round",
        InputOption.Unit => "--unit",
        InputOption.NoticeId => "--id",
        InputOption.NoticeArea => "--area",
        InputOption.ObservationFile => "--observations",
        InputOption.ScenarioFile => "--scenario",
        InputOption.Horizon => "--horizon",
        InputOption.SeedsFolder => "--seeds",
        InputOption.CompareFrom => "--from",
        InputOption.CompareTo => "--to",
        InputOption.LeadWeight => "--lead-weight",
        InputOption.ResponsibleWeight => "--responsible-weight",
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "no spelling for this option"),
    };

    /// <summary>A message of a lower layer with its option markers spelled.</summary>
    public static string Render(string text) => InputOptionText.Render(text, Spell);
}
