using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Build;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Notice;

/// <summary>Loads the notice into dim_chapter, dim_task, fact_task_assignment and fact_task_target (replacing them).</summary>
/// <remarks>
/// Unit names are resolved against dim_unit and dim_unit_alias (loaded before from seeds/units.csv); a name
/// neither knows is added to dim_unit as kind = unknown and reported as a warning, never dropped.
/// A task whose number repeats an earlier one is refused (etl_reject, severity error): task_no is the key.
/// </remarks>
public static class NoticeJob
{
    /// <summary>Name recorded in <c>etl_run.job</c>.</summary>
    public const string JobName = LoadJobs.Notice;

    /// <summary>The build step loading the single <c>*.txt</c> notice in <paramref name="seedsDirectory"/>.</summary>
    public static BuildStep Step(string seedsDirectory)
    {
        var path = FindNotice(seedsDirectory);
        return new BuildStep(JobName, "解析重点工作责任分工通知", path, (connection, run) => Run(connection, run, path));
    }

    /// <summary>The notice file of a seeds folder: its one <c>*.txt</c>.</summary>
    public static string FindNotice(string seedsDirectory)
    {
        var files = Directory.GetFiles(seedsDirectory, "*.txt");
        return files.Length switch
        {
            1 => files[0],
            0 => throw new WccException($"no notice (*.txt) in {seedsDirectory}", "put the responsibility-division notice there as a plain-text file", exitCode: 2),
            _ => throw new WccException(
                $"{files.Length} .txt files in {seedsDirectory}: {string.Join(", ", files.Select(Path.GetFileName))}",
                "keep exactly one notice (*.txt) in the seeds folder", exitCode: 2),
        };
    }

    /// <summary>Parses <paramref name="path"/> and replaces the notice tables; In = tasks parsed, Loaded = tasks loaded.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path)
    {
        var text = NoticeFile.Read(path);
        var notice = NoticeParser.Parse(text, path, NoticePeriod.EndYear(text, path));
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var issues = new NoticeIssues(notice.Warnings);

        Clear(connection);
        var seen = new HashSet<int>();
        var loaded = notice.Tasks.Where(t => seen.Add(t.No)).ToList();
        foreach (var refused in notice.Tasks.Except(loaded))
        {
            issues.Reject(refused.LineFrom, NoticeWarningCodes.DuplicateTask, $"task {refused.No} repeats an earlier task number; not loaded");
        }

        var units = new UnitResolver(connection);
        AppendNotice(connection, NoticeTitle.Read(text, notice), NoticePeriod.EndYear(text, path), path);
        AppendChapters(connection, notice.Chapters);
        AppendTasks(connection, loaded);
        AppendAssignments(connection, loaded, units, issues);
        units.AppendUnknown(connection, issues);
        AppendTargets(connection, loaded);
        issues.Write(connection, run.LoadId, path, lines);

        var warned = loaded.Count(t => issues.Concerns(t));
        return new RowCounts(notice.Tasks.Count, loaded.Count, notice.Tasks.Count - loaded.Count, warned);
    }

    private static void AppendNotice(DuckDBConnection connection, NoticeTitle title, int periodEndYear, string path)
    {
        using var appender = connection.CreateAppender("dim_notice");
        appender.CreateRow().AppendValue(title.Notice).AppendValue(title.Document).AppendValue(periodEndYear)
            .AppendValue(Path.GetFileName(path)).EndRow();
    }

    private static void Clear(DuckDBConnection connection)
    {
        foreach (var table in (string[])["fact_task_target", "fact_task_assignment", "dim_task", "dim_chapter", "dim_notice"])
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DELETE FROM {table}";
            cmd.ExecuteNonQuery();
        }
    }

    private static void AppendChapters(DuckDBConnection connection, IEnumerable<ParsedChapter> chapters)
    {
        using var appender = connection.CreateAppender("dim_chapter");
        foreach (var c in chapters)
        {
            appender.CreateRow().AppendValue(c.No).AppendValue(c.Title).AppendValue(c.Line).EndRow();
        }
    }

    private static void AppendTasks(DuckDBConnection connection, IEnumerable<ParsedTask> tasks)
    {
        using var appender = connection.CreateAppender("dim_task");
        foreach (var t in tasks)
        {
            appender.CreateRow().AppendValue(t.No).AppendValue(t.ChapterNo).AppendValue(t.Text).AppendValue(t.LineFrom).AppendValue(t.LineTo).EndRow();
        }
    }

    private static void AppendAssignments(DuckDBConnection connection, IEnumerable<ParsedTask> tasks, UnitResolver units, NoticeIssues issues)
    {
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
                    appender.CreateRow().AppendValue(t.No).AppendValue(unit).AppendValue(role).AppendValue(i + 1).EndRow();
                }
            }
        }
    }

    private static void AppendTargets(DuckDBConnection connection, IEnumerable<ParsedTask> tasks)
    {
        using var appender = connection.CreateAppender("fact_task_target");
        foreach (var t in tasks)
        {
            for (var i = 0; i < t.Targets.Count; i++)
            {
                var g = t.Targets[i];
                appender.CreateRow().AppendValue(t.No).AppendValue(i + 1).AppendValue(g.Comparator).AppendValue(g.Value)
                    .AppendValue(g.Unit).AppendValue(g.Deadline).AppendValue(g.Phrase).EndRow();
            }
        }
    }
}
