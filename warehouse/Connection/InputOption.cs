using System.Text.RegularExpressions;

namespace Wcc.Warehouse.Connection;

/// <summary>An input the user gave on the command line, as the lower layers name it when they refuse its value or suggest
/// passing it. Only the CLI knows how each is spelled (cli/Commands/OptionSpelling.cs), so renaming a flag changes every
/// message that mentions it.</summary>
public enum InputOption
{
    /// <summary>The warehouse file.</summary>
    WarehouseFile,

    /// <summary>The output file or folder of a command.</summary>
    Output,

    /// <summary>The permission to replace an earlier output.</summary>
    Overwrite,

    /// <summary>The year a forecast or pack is made as of.</summary>
    AsOfYear,

    /// <summary>The last year a backtest may see.</summary>
    CutoffYear,

    /// <summary>The period (years) a pack evaluates.</summary>
    Period,

    /// <summary>The year of a collection round.</summary>
    Round,

    /// <summary>A member unit of a collection round.</summary>
    Unit,

    /// <summary>The id a notice is stored under.</summary>
    NoticeId,

    /// <summary>The area (GB/T 2260 code) a notice covers.</summary>
    NoticeArea,

    /// <summary>An indicator data file.</summary>
    ObservationFile,

    /// <summary>A planning scenario file.</summary>
    ScenarioFile,

    /// <summary>The number of years a plan covers.</summary>
    Horizon,

    /// <summary>The seeds folder a build reads.</summary>
    SeedsFolder,

    /// <summary>The earlier notice of a comparison.</summary>
    CompareFrom,

    /// <summary>The later notice of a comparison.</summary>
    CompareTo,

    /// <summary>The weight of a lead unit in the workload formula.</summary>
    LeadWeight,

    /// <summary>The weight of a responsible unit in the workload formula.</summary>
    ResponsibleWeight,
}

/// <summary>Writes an <see cref="InputOption"/> into a message as a marker the CLI replaces with the option's spelling.</summary>
public static class InputOptionText
{
    /// <summary>The marker for <paramref name="option"/> in a message, e.g. ‹Output›.</summary>
    public static string Ref(this InputOption option) => $"‹{option}›";

    /// <summary>Every marker in a text; group 1 is the option's name.</summary>
    public static readonly Regex Marker = new("‹([A-Za-z]+)›", RegexOptions.Compiled);

    /// <summary>The text with each marker replaced by <paramref name="spell"/> of its option (unknown markers are kept).</summary>
    public static string Render(string text, Func<InputOption, string> spell) =>
        text.Contains('‹') ? Marker.Replace(text, m => Enum.TryParse<InputOption>(m.Groups[1].Value, out var o) ? spell(o) : m.Value) : text;
}
