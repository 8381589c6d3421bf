using DuckDB.NET.Data;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Notice;

/// <summary>What dim_notice records about a notice besides its tasks.</summary>
/// <param name="PeriodStartYear">Null when the title names no range.</param>
public sealed record NoticeRecord(
    string NoticeId,
    string NoticeTitle,
    string DocumentTitle,
    int? PeriodStartYear,
    int PeriodEndYear,
    string FileName,
    string? Issuer,
    string? AreaCode,
    string? DocumentNo,
    DateTime? IssueDate,
    string? FileSha256,
    DateTime LoadedAt,
    int Version,
    bool IsDefault);

/// <summary>Rows written for one notice.</summary>
public sealed record NoticeRowCounts(int Chapters, int Tasks, int Assignments, int Targets);

/// <summary>Writes and removes one notice's rows: dim_notice, dim_chapter, dim_task, fact_task_assignment, fact_task_target.</summary>
/// <remarks>Every row carries the notice's id, so a notice is replaced without touching the others.</remarks>
internal static class NoticeStore
{
    /// <summary>Tables holding a notice's parsed rows, children first (the order rows are removed in).</summary>
    private static readonly string[] ParsedTables = ["fact_task_target", "fact_task_assignment", "dim_task", "dim_chapter", "dim_notice"];

    /// <summary>Removes every parsed row of <paramref name="noticeId"/> (progress reports stay: they are the units' and refer to task numbers).</summary>
    public static void Delete(DuckDBConnection connection, string noticeId)
    {
        foreach (var table in ParsedTables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DELETE FROM {table} WHERE notice_id = $id";
            cmd.Parameters.Add(new DuckDBParameter("id", noticeId));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Appends the notice and its tasks; unit names resolve through <paramref name="units"/>, duplicates are warned and kept once.</summary>
    public static NoticeRowCounts Append(DuckDBConnection connection, NoticeRecord record, ParsedNotice notice, IReadOnlyList<ParsedTask> tasks,
        UnitResolver units, NoticeIssues issues)
    {
        AppendNotice(connection, record);
        AppendChapters(connection, record.NoticeId, notice.Chapters);
        AppendTasks(connection, record.NoticeId, tasks);
        var assignments = AppendAssignments(connection, record.NoticeId, tasks, units, issues);
        var targets = AppendTargets(connection, record.NoticeId, tasks);
        return new NoticeRowCounts(notice.Chapters.Count, tasks.Count, assignments, targets);
    }

    private static void AppendNotice(DuckDBConnection connection, NoticeRecord r)
    {
        using var appender = connection.CreateAppender("dim_notice");
        var row = appender.CreateRow().AppendValue(r.NoticeTitle).AppendValue(r.DocumentTitle).AppendValue(r.PeriodEndYear)
            .AppendValue(r.FileName).AppendValue(r.NoticeId).AppendValue(r.Issuer).AppendValue(r.AreaCode).AppendValue(r.DocumentNo);
        row = r.IssueDate is { } date ? row.AppendValue(DateOnly.FromDateTime(date)) : row.AppendNullValue();
        row.AppendValue(r.PeriodStartYear).AppendValue(r.FileSha256).AppendValue(r.LoadedAt).AppendValue(r.Version).AppendValue(r.IsDefault).EndRow();
    }

    private static void AppendChapters(DuckDBConnection connection, string noticeId, IEnumerable<ParsedChapter> chapters)
    {
        using var appender = connection.CreateAppender("dim_chapter");
        foreach (var c in chapters)
        {
            appender.CreateRow().AppendValue(c.No).AppendValue(c.Title).AppendValue(c.Line).AppendValue(noticeId).EndRow();
        }
    }

    private static void AppendTasks(DuckDBConnection connection, string noticeId, IEnumerable<ParsedTask> tasks)
    {
        using var appender = connection.CreateAppender("dim_task");
        foreach (var t in tasks)
        {
            appender.CreateRow().AppendValue(t.No).AppendValue(t.ChapterNo).AppendValue(t.Text).AppendValue(t.LineFrom).AppendValue(t.LineTo)
                .AppendValue(noticeId).EndRow();
        }
    }

    private static int AppendAssignments(DuckDBConnection connection, string noticeId, IEnumerable<ParsedTask> tasks, UnitResolver units, NoticeIssues issues)
    {
        var count = 0;
        using var appender = connection.CreateAppender("fact_task_assignment");
        foreach (var t in tasks)
        {
            var written = new HashSet<(string, string)>();
            foreach (var (role, names) in (ReadOnlySpan<(string, IReadOnlyList<string>)>)[(RoleVocabulary.Codes.Lead, t.Lead), (RoleVocabulary.Codes.Responsible, t.Responsible)])
            {
                for (var i = 0; i < names.Count; i++)
                {
                    var unit = units.Resolve(names[i], t);
                    if (!written.Add((unit, role)))
                    {
                        // Two spellings of one unit in the same role: the key is task x unit x role.
                        issues.Warn(t.LineTo, NoticeWarningCodes.DuplicateUnit, $"task {t.No}: {names[i]} is {unit} again as {role}; kept once", t.No);
                        continue;
                    }
                    appender.CreateRow().AppendValue(t.No).AppendValue(unit).AppendValue(role).AppendValue(i + 1).AppendValue(noticeId).EndRow();
                    count++;
                }
            }
        }
        return count;
    }

    private static int AppendTargets(DuckDBConnection connection, string noticeId, IEnumerable<ParsedTask> tasks)
    {
        var count = 0;
        using var appender = connection.CreateAppender("fact_task_target");
        foreach (var t in tasks)
        {
            for (var i = 0; i < t.Targets.Count; i++)
            {
                var g = t.Targets[i];
                appender.CreateRow().AppendValue(t.No).AppendValue(i + 1).AppendValue(g.Comparator).AppendValue(g.Value)
                    .AppendValue(g.Unit).AppendValue(g.Deadline).AppendValue(g.Phrase).AppendValue(noticeId).EndRow();
                count++;
            }
        }
        return count;
    }
}
