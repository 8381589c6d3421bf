using System.Text.RegularExpressions;

namespace Wcc.Notice;

/// <summary>How a table flattened to text carries its units.</summary>
internal enum TableForm
{
    /// <summary>Not a table: each task ends with its unit clause.</summary>
    None,

    /// <summary>One cell per line (领域/主要目标/主要责任单位/责任单位): after each target its units, one per line.</summary>
    Columns,

    /// <summary>One row per line, cells separated by spaces (序号 工作任务 牵头负责部门).</summary>
    Rows,

    /// <summary>One cell per line under a header of one cell per line (序号 / 重点工作任务 / 主要责任单位 / 协同配合单位):
    /// a row number alone on its line, then the row's cells in the header's order.</summary>
    Cells,
}

/// <summary>What a column of a cell table holds.</summary>
internal enum ColumnRole { Text, Lead, Responsible, Other }

/// <summary>The shape of a notice: which numbered lines are tasks, which are chapters, where the body starts and
/// whether it is a table; read from the whole text before any task is built.</summary>
internal sealed partial record NoticeLayout(LineKind TaskKind, LineKind? ChapterKind, int BodyStart, TableForm Table, IReadOnlyList<bool> RowColumnLeads)
{
    /// <summary>The roles of a cell table's columns after 序号, in the header's order.</summary>
    public IReadOnlyList<ColumnRole> CellColumns { get; init; } = [];

    /// <summary>Longest line read as one unit's name in a one-cell-per-line table (广东出入境检验检疫局 is 10).</summary>
    public const int MaxUnitNameLength = 24;

    /// <summary>Longest line taken as a title line (the document's own title above its body).</summary>
    private const int MaxTitleLength = 60;

    /// <summary>Numbering levels from the top: a numbered line above the task level is a heading, below it a sub-point.</summary>
    private static readonly LineKind[] Levels = [LineKind.Chinese, LineKind.Paren, LineKind.Arabic, LineKind.ParenArabic, LineKind.Ordinal];

    /// <summary>When no level carries unit clauses, the task level as the genre most often numbers it.</summary>
    private static readonly LineKind[] Fallback = [LineKind.Arabic, LineKind.Paren, LineKind.ParenArabic, LineKind.Chinese, LineKind.Ordinal];

    /// <summary>Rank of a kind in <see cref="Levels"/> (DigitTitle is an arabic number); -1 for unnumbered lines.</summary>
    public static int Rank(LineKind kind) => Array.IndexOf(Levels, kind == LineKind.DigitTitle ? LineKind.Arabic : kind);

    /// <summary>Reads the layout; null when no line is numbered as a task could be.</summary>
    public static NoticeLayout? Read(IReadOnlyList<NoticeLine> lines)
    {
        if (CellTable(lines) is { } cells) return cells;
        var rowHeader = lines.FirstOrDefault(l => l.Kind == LineKind.Text && RowHeaderPattern().IsMatch(l.Rest));
        if (rowHeader is not null && lines.Any(l => l.Kind == LineKind.Row && l.LineNo > rowHeader.LineNo))
        {
            var leads = WhitespacePattern().Split(rowHeader.Rest).Where(c => UnitColumnPattern().IsMatch(c)).Select(IsLeadColumn).ToList();
            return new NoticeLayout(LineKind.Row, LineKind.Chinese, rowHeader.LineNo, TableForm.Rows, leads.Count > 0 ? leads : [true]);
        }

        var present = Levels.Where(k => lines.Any(l => l.Kind == k)).ToList();
        if (present.Count == 0) return null;
        var taskKind = present
            .Select(k => (Kind: k, Clauses: ClauseCount(lines, k)))
            .OrderByDescending(c => c.Clauses).ThenBy(c => Array.IndexOf(Fallback, c.Kind))
            .First().Kind;
        LineKind? chapterKind = taskKind == LineKind.Chinese ? null : LineKind.Chinese;
        var firstTask = lines.First(l => l.Kind == taskKind).LineNo;
        var columnHeader = lines.Any(l => l.LineNo < firstTask && l.Kind == LineKind.Text && ColumnHeaderPattern().IsMatch(l.Rest.Replace(" ", "", StringComparison.Ordinal)));
        return new NoticeLayout(taskKind, chapterKind, FindBodyStart(lines, firstTask), columnHeader ? TableForm.Columns : TableForm.None, []);
    }

    /// <summary>True for a line that names one unit in a one-cell-per-line table: short, no sentence punctuation, not a
    /// target (targets start with ——).</summary>
    public static bool IsUnitLine(string text)
    {
        var t = text.Trim();
        return t.Length is >= 2 and <= MaxUnitNameLength && !t.StartsWith('—') && !t.StartsWith('－') && t.IndexOfAny(SentencePunctuation) < 0;
    }

    private static readonly char[] SentencePunctuation = "。，,；;：:、！!？?“”《》%％".ToCharArray();

    /// <summary>How many lines of <paramref name="kind"/> start a paragraph that ends with a unit clause.</summary>
    private static int ClauseCount(IReadOnlyList<NoticeLine> lines, LineKind kind)
    {
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != kind) continue;
            // Only the paragraph's end can hold its clause: keep the last ClauseWindow characters (a 2 MB paragraph of
            // many lines must not be copied once per line).
            var text = new System.Text.StringBuilder(lines[i].Rest);
            for (var j = i + 1; j < lines.Count && lines[j].Kind is LineKind.Text or LineKind.Blank or LineKind.Row; j++)
            {
                text.Append(lines[j].Rest);
                if (text.Length > 2 * UnitClauseParser.ClauseWindow) text.Remove(0, text.Length - UnitClauseParser.ClauseWindow);
            }
            if (UnitClauseParser.EndsWithClause(text.ToString())) count++;
        }
        return count;
    }

    /// <summary>Line number after the document's own title (the last short line without sentence punctuation before the
    /// first task): numbered paragraphs above it are the covering notice's, not chapters.</summary>
    private static int FindBodyStart(IReadOnlyList<NoticeLine> lines, int firstTask)
    {
        var title = lines.LastOrDefault(l => l.LineNo < firstTask && l.Kind == LineKind.Text && l.Rest.Length <= MaxTitleLength
            && l.Rest.IndexOfAny(SentencePunctuation.Except("“”《》%％").ToArray()) < 0);
        return title?.LineNo ?? 0;
    }

    /// <summary>A header of one cell per line starting at 序号, followed by rows whose number stands alone on its line.</summary>
    private static NoticeLayout? CellTable(IReadOnlyList<NoticeLine> lines)
    {
        var cells = lines.Where(l => l.Kind != LineKind.Blank).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            if (Cell(cells[i]) != "序号") continue;
            var roles = new List<ColumnRole>();
            var j = i + 1;
            for (; j < cells.Count && cells[j].Kind == LineKind.Text && HeaderCellPattern().IsMatch(Cell(cells[j])); j++) roles.Add(Role(Cell(cells[j])));
            if (roles.Count < 2 || !roles.Contains(ColumnRole.Text) || !roles.Any(r => r is ColumnRole.Lead or ColumnRole.Responsible)) continue;
            var header = cells[j - 1].LineNo;
            if (!lines.Any(l => l.Kind == LineKind.CellNumber && l.LineNo > header)) continue;
            return new NoticeLayout(LineKind.CellNumber, LineKind.Chinese, header, TableForm.Cells, []) { CellColumns = roles };
        }
        return null;
    }

    /// <summary>A cell's text: the line without the table's bars and spaces (分 管 县领导 | → 分管县领导).</summary>
    public static string Cell(NoticeLine line) => line.Raw.Replace("|", "", StringComparison.Ordinal).Replace("｜", "", StringComparison.Ordinal).Trim();

    private static ColumnRole Role(string header)
    {
        var h = header.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        if (UnitColumnPattern().IsMatch(h)) return IsLeadColumn(h) ? ColumnRole.Lead : ColumnRole.Responsible;
        return h.Contains("任务", StringComparison.Ordinal) || h.Contains("目标", StringComparison.Ordinal) ? ColumnRole.Text : ColumnRole.Other;
    }

    private static bool IsLeadColumn(string column) => column.Contains("牵头", StringComparison.Ordinal)
        || column.StartsWith("主要责任", StringComparison.Ordinal) || column.StartsWith("主责", StringComparison.Ordinal) || column.StartsWith("主办", StringComparison.Ordinal);

    // 序号 工作任务 牵头负责部门 / 序号 任务 牵头单位 责任单位: a header naming the number and a unit column.
    [GeneratedRegex("^序号.*(?:单位|部门)")]
    private static partial Regex RowHeaderPattern();

    [GeneratedRegex("(?:单位|部门)$")]
    private static partial Regex UnitColumnPattern();

    // Header cells: task, target, unit, leader, deadline and note columns, as short words.
    [GeneratedRegex("^[\\u4e00-\\u9fa5 \\u3000]{0,8}(?:任务|目标|措施|内容|单位|部门|领导|时限|时间|备注|领域)$")]
    private static partial Regex HeaderCellPattern();

    [GeneratedRegex("^(?:主要责任单位|主要责任部门|主责单位|主办单位|牵头单位|牵头部门|牵头责任单位)$")]
    private static partial Regex ColumnHeaderPattern();

    [GeneratedRegex(@"[ \t\u3000]+")]
    private static partial Regex WhitespacePattern();
}
