using Wcc.Reports.Common;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The verdict the unit pages and the district map show for a target series, and how each verdict is coloured
/// and ranked: read from the one status vocabulary (<see cref="StatusVocabulary"/>), never written here.</summary>
/// <remarks>The views give the status a reader sees (the final verdict at or after the deadline, the forecast status
/// before it), so both phases of the vocabulary can appear.</remarks>
public static class PageVerdict
{
    private static readonly HashSet<string> AtRisk =
        [StatusVocabulary.Codes.NeedsAcceleration, StatusVocabulary.Codes.OffTrack, StatusVocabulary.Codes.NotAttained];

    private static readonly HashSet<string> NoData = [StatusVocabulary.Codes.InsufficientData, StatusVocabulary.Codes.NoData];

    /// <summary>The verdict of one series, from its row's status column.</summary>
    public static string Of(object? status) => Cells.Text(status);

    /// <summary>The CSS class of a verdict (the vocabulary's); unknown labels are shown as no data.</summary>
    public static string CssClass(string verdict) =>
        StatusVocabulary.ByLabel(verdict)?.CssClass ?? StatusVocabulary.Get(StatusVocabulary.Codes.NoData).CssClass;

    /// <summary>Rank of a verdict, 0 for the best: the vocabulary's order within its phase; no data and unknown last.</summary>
    public static int Rank(string verdict)
    {
        var term = StatusVocabulary.ByLabel(verdict);
        return term is null || NoData.Contains(term.Code) ? int.MaxValue : term.Order - 1;
    }

    /// <summary>True when the verdict says there is no judgement (no data, insufficient data, unknown label).</summary>
    public static bool IsNoData(string verdict) => StatusVocabulary.ByLabel(verdict) is not { } term || NoData.Contains(term.Code);

    /// <summary>True for verdicts that call for a warning: needs acceleration, off track, not attained.</summary>
    public static bool IsAtRisk(string verdict) => StatusVocabulary.ByLabel(verdict) is { } term && AtRisk.Contains(term.Code);

    /// <summary>True for verdicts that count as attained in a 达标率 (the vocabulary's counts_as_attained).</summary>
    public static bool IsMet(string verdict) => StatusVocabulary.ByLabel(verdict)?.CountsAsAttained ?? false;
}
