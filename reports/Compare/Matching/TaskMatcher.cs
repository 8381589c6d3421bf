using Wcc.Reports.Compare.Model;

namespace Wcc.Reports.Compare.Matching;

/// <summary>A task of the earlier notice paired with a task of the later one, and how sure the pairing is.</summary>
/// <param name="Similarity">Bigram Jaccard of the two texts (<see cref="TextSimilarity"/>).</param>
/// <param name="SameChapter">The two chapters have the same (or nearly the same) title.</param>
/// <param name="Confidence">Similarity raised by the chapter boost, 0-1: 1 for the same text in the same chapter.</param>
public sealed record TaskMatch(SnapshotTask From, SnapshotTask To, double Similarity, bool SameChapter, double Confidence);

/// <summary>Pairs the tasks of two notices by text similarity and chapter, one-to-one, keeping pairs above a threshold.</summary>
public static class TaskMatcher
{
    /// <summary>Least confidence for two tasks to count as the same task carried over. Unrelated tasks of the seed notice
    /// score at most 0.255 (chapter boost included) (formulaic words: 加强, 妇女儿童, 工作); a task reworded between cycles keeps
    /// well over half (measured in tests/Reports/Compare/CycleComparisonTests.cs).</summary>
    public const double MatchThreshold = 0.35;

    /// <summary>Share of the remaining distance to 1 a pair gains when both tasks sit in the same chapter: the same
    /// text under the same heading is certainly the same task, a similar text under another heading a little less.</summary>
    public const double ChapterBoost = 0.15;

    /// <summary>Least similarity of two chapter titles to count as the same chapter (a heading reworded, renumbered).</summary>
    public const double SameChapterTitle = 0.5;

    /// <summary>Pairs the tasks; returns the pairs in the later notice's order, and the tasks left on either side.</summary>
    public static (IReadOnlyList<TaskMatch> Matches, IReadOnlyList<SnapshotTask> Dropped, IReadOnlyList<SnapshotTask> Added) Match(
        NoticeSnapshot from, NoticeSnapshot to)
    {
        var fromTexts = from.Tasks.Select(t => TextSimilarity.Of(t.Text)).ToList();
        var toTexts = to.Tasks.Select(t => TextSimilarity.Of(t.Text)).ToList();
        var chapterCache = new Dictionary<(string, string), bool>();
        bool SameChapter(SnapshotTask a, SnapshotTask b)
        {
            if (!chapterCache.TryGetValue((a.ChapterTitle, b.ChapterTitle), out var same))
            {
                same = a.ChapterTitle == b.ChapterTitle
                    || TextSimilarity.Of(a.ChapterTitle).Jaccard(TextSimilarity.Of(b.ChapterTitle)) >= SameChapterTitle;
                chapterCache[(a.ChapterTitle, b.ChapterTitle)] = same;
            }
            return same;
        }

        var similarity = new double[from.Tasks.Count, to.Tasks.Count];
        var score = new double[from.Tasks.Count, to.Tasks.Count];
        for (var i = 0; i < from.Tasks.Count; i++)
        {
            for (var j = 0; j < to.Tasks.Count; j++)
            {
                var s = fromTexts[i].Jaccard(toTexts[j]);
                similarity[i, j] = s;
                var confidence = Confidence(s, SameChapter(from.Tasks[i], to.Tasks[j]));
                score[i, j] = confidence >= MatchThreshold ? confidence : 0;
            }
        }

        var pairedWith = Assignment.Maximise(score);
        var matches = new List<(int ToIndex, TaskMatch Match)>();
        for (var i = 0; i < pairedWith.Length; i++)
        {
            if (pairedWith[i] < 0) continue;
            var j = pairedWith[i];
            var (a, b) = (from.Tasks[i], to.Tasks[j]);
            matches.Add((j, new TaskMatch(a, b, similarity[i, j], SameChapter(a, b), score[i, j])));
        }
        var matchedTo = pairedWith.Where(j => j >= 0).ToHashSet();
        return (matches.OrderBy(m => m.ToIndex).Select(m => m.Match).ToList(),
            from.Tasks.Where((_, i) => pairedWith[i] < 0).ToList(),
            to.Tasks.Where((_, j) => !matchedTo.Contains(j)).ToList());
    }

    /// <summary>The similarity with the chapter boost applied.</summary>
    public static double Confidence(double similarity, bool sameChapter) =>
        sameChapter ? similarity + ChapterBoost * (1 - similarity) : similarity;
}
