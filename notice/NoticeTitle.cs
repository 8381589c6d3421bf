namespace Wcc.Notice;

/// <summary>The notice's own title (…关于印发…的通知) and the title of the document it issues (2018-2020年…责任分工).</summary>
public sealed record NoticeTitle(string Notice, string Document)
{
    /// <summary>A document title is a short line of its own; longer lines before the first chapter are prose.</summary>
    private const int MaxTitleLength = 60;

    /// <summary>The first non-empty line, and the last short line before the first chapter heading that is not a sentence
    /// (a title never ends in 。; a short note such as 说明:… does), else the first line.</summary>
    public static NoticeTitle Read(string text, ParsedNotice notice)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FirstOrDefault(l => l.Length > 0) ?? "";
        var firstChapterLine = notice.Chapters.Select(c => c.Line).FirstOrDefault(l => l is not null) ?? lines.Count + 1;
        var document = lines.Take(firstChapterLine - 1).LastOrDefault(l => l.Length > 0 && l.Length <= MaxTitleLength && !l.EndsWith('。')) ?? first;
        return new NoticeTitle(first, document);
    }
}
