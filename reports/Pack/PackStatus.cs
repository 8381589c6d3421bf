using System.Text;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack;

/// <summary>The status vocabulary as the pack shows it: legends, colour rules and method text, all generated from
/// <see cref="StatusVocabulary"/> (seeds/vocabulary/statuses.csv), never written here.</summary>
public static class PackStatus
{
    /// <summary>Forecast statuses in order (before a target's deadline).</summary>
    public static IReadOnlyList<StatusTerm> Forecast => StatusVocabulary.Of(StatusPhase.Forecast);

    /// <summary>Final verdicts in order (at or after the deadline).</summary>
    public static IReadOnlyList<StatusTerm> Final => StatusVocabulary.Of(StatusPhase.Final);

    /// <summary>The statuses a pack as of <paramref name="asOfYear"/> shows for a period ending <paramref name="periodEnd"/>.</summary>
    public static IReadOnlyList<StatusTerm> Shown(int asOfYear, int periodEnd) => asOfYear >= periodEnd ? Final : Forecast;

    /// <summary>CSS rules colouring each status badge and summary tile, generated from the vocabulary's colours.</summary>
    public static string Css
    {
        get
        {
            var css = new StringBuilder();
            foreach (var t in StatusVocabulary.All.DistinctBy(t => t.CssClass))
            {
                // dark text on light colours, white on dark ones, for contrast when printed
                var text = IsLight(t.Colour) ? "#000" : "#fff";
                css.Append($".status.{t.CssClass}{{background:{t.Colour};color:{text}}}.kpi.{t.CssClass}{{border-top-color:{t.Colour}}}\n");
            }
            return css.ToString();
        }
    }

    /// <summary>A status as a coloured badge.</summary>
    public static string Badge(string? label)
    {
        var term = StatusVocabulary.ByLabel(label);
        return term is null ? Html.Escape(label ?? "—") : $"<span class=\"status {term.CssClass}\">{Html.Escape(term.Label)}</span>";
    }

    /// <summary>The rules of a phase as a list for the method text: label and rule, in order.</summary>
    public static IReadOnlyList<string> Rules(StatusPhase phase) =>
        StatusVocabulary.Of(phase).Select(t => $"{t.Label}:{t.RuleText}。").ToList();

    private static bool IsLight(string hex)
    {
        var rgb = Convert.ToInt32(hex.TrimStart('#'), 16);
        var (r, g, b) = ((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
        return 0.299 * r + 0.587 * g + 0.114 * b > 150;
    }
}
