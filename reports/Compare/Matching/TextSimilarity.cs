using System.Globalization;

namespace Wcc.Reports.Compare.Matching;

/// <summary>How alike two task texts are: Jaccard index of their character bigrams, 0-1.</summary>
/// <remarks>
/// Chinese has no spaces to split words on, and the same task is reworded between cycles (加强 → 进一步加强, a year
/// moved on, a target raised): character bigrams catch the shared wording without a dictionary. Digits, spaces and
/// punctuation are dropped first, so 到2020年…98% and 到2025年…99% read as the same sentence.
/// </remarks>
public sealed class TextSimilarity
{
    private readonly long[] bigrams;

    private TextSimilarity(long[] bigrams) => this.bigrams = bigrams;

    /// <summary>The bigram set of <paramref name="text"/>, sorted, for repeated comparisons.</summary>
    public static TextSimilarity Of(string text)
    {
        var kept = text.Where(Counts).ToArray();
        var set = new SortedSet<long>();
        for (var i = 0; i + 1 < kept.Length; i++) set.Add(((long)kept[i] << 32) | kept[i + 1]);
        // A one-character text still has an identity.
        if (kept.Length == 1) set.Add(kept[0]);
        return new TextSimilarity(set.ToArray());
    }

    /// <summary>|A ∩ B| / |A ∪ B|; 1 for two texts with the same bigrams, 0 when either has none.</summary>
    public double Jaccard(TextSimilarity other)
    {
        var (a, b) = (bigrams, other.bigrams);
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>Letters and CJK characters count; digits, spaces and punctuation do not.</summary>
    private static bool Counts(char c) =>
        !char.IsDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.UppercaseLetter;
}
