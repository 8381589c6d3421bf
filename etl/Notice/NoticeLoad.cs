using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Notice;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Notice;

/// <summary>Options of <c>wcc load --notice FILE [--area CODE] [--issuer NAME] [--id ID]</c>.</summary>
/// <param name="AreaCode">GB/T 2260 code of the area the notice governs; else read from the issuer (西安市… → its code in dim_area).</param>
/// <param name="Issuer">Issuer when the notice's head names none (the head wins: it is the document's own word).</param>
/// <param name="Id">The notice's id; else derived as area-start-end (<see cref="NoticeKey.Derive"/>). Naming an existing id
/// says that this file is a new version of that notice.</param>
public sealed record NoticeLoadOptions(string Path, string? AreaCode = null, string? Issuer = null, string? Id = null);

/// <summary>What a load did with the file.</summary>
public enum NoticeLoadOutcome
{
    /// <summary>A new notice.</summary>
    Added,

    /// <summary>The same file (same SHA-256) was loaded before: nothing changed.</summary>
    Unchanged,

    /// <summary>A changed file under an existing id: the old version moved to dim_notice_history.</summary>
    Superseded,
}

/// <summary>A unit name the unit directory does not know, with every task and line naming it.</summary>
public sealed record UnknownUnitFound(string Name, IReadOnlyList<(int TaskNo, int Line)> Places);

/// <summary>The result of one notice load.</summary>
/// <param name="LoadId">The etl_run of the load; null when nothing changed.</param>
/// <param name="Counts">Rows written; null when nothing changed.</param>
/// <param name="Rejected">Tasks refused (a repeated task number), each in etl_reject.</param>
/// <param name="Warnings">Lines the parser or the loader warned about (etl_reject, severity warning).</param>
public sealed record NoticeLoadResult(
    string NoticeId,
    NoticeLoadOutcome Outcome,
    int Version,
    string DocumentTitle,
    string? Issuer,
    string? AreaCode,
    string? DocumentNo,
    DateTime? IssueDate,
    int? PeriodStartYear,
    int PeriodEndYear,
    int? LoadId,
    NoticeRowCounts? Counts,
    int Rejected,
    int Warnings,
    IReadOnlyList<UnknownUnitFound> UnknownUnits);

/// <summary>Adds a notice to the warehouse beside the others: <c>wcc load --notice</c>.</summary>
/// <remarks>
/// The file is parsed by the notice parser (<see cref="NoticeParser"/>), its metadata taken from its head, its units resolved
/// through the unit directory (dim_unit, dim_unit_alias); a name the directory lacks is kept as written (dim_unit kind =
/// unknown, listed in v_notice_unknown_unit and etl_reject with its line). Keys: the same file again changes nothing; a
/// changed file under the same id (the same file name, or <c>--id</c> naming it) supersedes the old version, which is kept in
/// dim_notice_history with its tasks; another file whose id is taken is refused. Everything happens in one transaction, so a
/// failure leaves the warehouse as it was. A loaded notice is never the default one (v_current_notice): the seed stays it.
/// </remarks>
public static partial class NoticeLoad
{
    /// <summary>Name recorded in <c>etl_run.job</c>.</summary>
    public const string JobName = "notice_load";

    /// <summary>Loads <paramref name="options"/>.Path; throws <see cref="WccException"/> (nothing changed) on bad input or a taken id.</summary>
    public static NoticeLoadResult Run(DuckDBConnection connection, NoticeLoadOptions options, Func<DateTime> clock)
    {
        if (options.Id is { } given && !NoticeKey.IsValid(given))
        {
            throw new WccException($"{InputOption.NoticeId.Ref()} {given}: not a usable notice id",
                $"use letters, digits, '-', '_' or '.', at most {NoticeKey.MaxLength} characters (e.g. 610000-2021-2025)", exitCode: 2);
        }
        if (options.AreaCode is { } code && !AreaCodePattern().IsMatch(code))
        {
            throw new WccException($"{InputOption.NoticeArea.Ref()} {code}: not a six-digit area code (GB/T 2260)", $"e.g. {InputOption.NoticeArea.Ref()} 610000 for 陕西省, 000000 for a national notice", exitCode: 2);
        }
        var read = NoticeRead.From(options.Path);
        var fileName = Path.GetFileName(options.Path);
        var sha = EtlRun.Sha256(options.Path);

        var sameFile = Existing(connection, "file_sha256 = $v", sha);
        if (sameFile is not null)
        {
            if (options.Id is null || options.Id == sameFile.Id) return Unchanged(sameFile);
            throw new WccException(
                $"{fileName} is already loaded as notice {sameFile.Id} ({sameFile.DocumentTitle}); a notice is loaded once",
                $"refer to it as {sameFile.Id}; to load it under another id, remove notice {sameFile.Id} first", exitCode: 2);
        }

        // A notice without a signature (a planning draft) still names its area at the head of its title.
        var areaCode = options.AreaCode ?? AreaOfIssuer(connection, read.Notice.Metadata.Issuer ?? options.Issuer)
            ?? AreaOfIssuer(connection, LeadingPeriod().Replace(read.Title.Document, ""));
        var id = options.Id ?? DeriveId(read, areaCode, fileName);
        var existing = Existing(connection, "notice_id = $v", id);
        if (existing is not null && options.Id is null && existing.FileName != fileName)
        {
            throw new WccException(
                $"{fileName}: its id {id} (area and period) is taken by notice {id}, {existing.DocumentTitle} (file {existing.FileName})",
                $"if {fileName} is a new version of that notice, load it with {InputOption.NoticeId.Ref()} {id}; if it is another notice, give it its own id with {InputOption.NoticeId.Ref()} ID", exitCode: 2);
        }

        var now = clock();
        using var tx = connection.BeginTransaction();
        var run = EtlRun.Start(connection, JobName, options.Path, now, sha);
        var version = 1;
        var isDefault = false;
        if (existing is not null)
        {
            version = existing.Version + 1;
            isDefault = existing.IsDefault;
            KeepInHistory(connection, id, now);
        }
        var record = read.Record(id, areaCode, options.Issuer, sha, now, version, isDefault);
        // Only a superseded notice has rows to remove (each DELETE scans its table: skipped for a new id).
        if (existing is not null) NoticeStore.Delete(connection, id);
        var units = new UnitResolver(connection);
        var counts = NoticeStore.Append(connection, record, read.Notice, read.Loaded, units, read.Issues);
        if (existing is not null) RequireProgressStillHasItsTasks(connection, id, fileName, version);
        var unknown = units.Unknown.Select(u => new UnknownUnitFound(u.Name, Places(read.Loaded, u.Name))).ToList();
        units.AppendUnknown(connection, read.Issues, id);
        read.Issues.Write(connection, run.LoadId, options.Path, read.Lines);
        var rejected = read.Notice.Tasks.Count - read.Loaded.Count;
        var warned = read.Loaded.Count(t => read.Issues.Concerns(t));
        run.Succeed(new RowCounts(read.Notice.Tasks.Count, read.Loaded.Count, rejected, warned), clock());
        tx.Commit();

        return new NoticeLoadResult(id, existing is null ? NoticeLoadOutcome.Added : NoticeLoadOutcome.Superseded, version, record.DocumentTitle,
            record.Issuer, areaCode, record.DocumentNo, record.IssueDate, record.PeriodStartYear, record.PeriodEndYear, run.LoadId, counts,
            rejected, read.Issues.WarningCount, unknown);
    }

    /// <summary>Refuses a new version that drops (or renumbers away) tasks the member units have reported progress on: their
    /// reports would point at no task (the relationship fact_task_progress -> dim_task). Runs inside the load's transaction,
    /// which the refusal rolls back.</summary>
    private static void RequireProgressStillHasItsTasks(DuckDBConnection connection, string id, string fileName, int version)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT p.task_no, count(*) AS reports
            FROM fact_task_progress p
            WHERE p.notice_id = $id AND NOT EXISTS (SELECT 1 FROM dim_task t WHERE t.notice_id = p.notice_id AND t.task_no = p.task_no)
            GROUP BY p.task_no ORDER BY p.task_no
            """;
        cmd.Parameters.Add(new DuckDBParameter("id", id));
        using var reader = cmd.ExecuteReader();
        var orphaned = new List<(int Task, long Reports)>();
        while (reader.Read()) orphaned.Add((reader.GetInt32(0), reader.GetInt64(1)));
        if (orphaned.Count == 0) return;
        throw new WccException(
            $"{fileName}: version {version} of notice {id} has no task {string.Join(", ", orphaned.Select(o => o.Task))}, " +
            $"but the member units' progress reports refer to {(orphaned.Count == 1 ? "it" : "them")} ({orphaned.Sum(o => o.Reports)} report(s)); nothing was loaded",
            $"keep those task numbers in the new version, or load it as a notice of its own with {InputOption.NoticeId.Ref()} ID", exitCode: 2);
    }

    /// <summary>The id a notice gets without <c>--id</c>: its area and the period in its title.</summary>
    private static string DeriveId(NoticeRead read, string? areaCode, string fileName)
    {
        if (read.Period is not { } period)
        {
            throw new WccException($"{fileName}: its title names no period (e.g. 2018-2020年), so it cannot be given an id",
                $"give it one with {InputOption.NoticeId.Ref()} ID (e.g. {InputOption.NoticeId.Ref()} 610000-2012-plan)", exitCode: 2);
        }
        if (areaCode is null)
        {
            throw new WccException($"{fileName}: the area it governs is not known (its issuer names no area of the warehouse)",
                $"give it with {InputOption.NoticeArea.Ref()} CODE (GB/T 2260, e.g. 610000) or name the notice with {InputOption.NoticeId.Ref()} ID", exitCode: 2);
        }
        return NoticeKey.Derive(areaCode, period.Start, period.End);
    }

    /// <summary>The period a document title may begin with (2021-2025年西安市… → 西安市…).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\d{4}\s*[-—–至]\s*\d{4}\s*年")]
    private static partial System.Text.RegularExpressions.Regex LeadingPeriod();

    /// <summary>The area whose name the issuer starts with (西安市人民政府… → 西安市's code), the longest name first; else null.</summary>
    private static string? AreaOfIssuer(DuckDBConnection connection, string? issuer)
    {
        if (string.IsNullOrEmpty(issuer)) return null;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT area_code FROM dim_area WHERE starts_with($issuer, area_name) ORDER BY length(area_name) DESC, area_code LIMIT 1";
        cmd.Parameters.Add(new DuckDBParameter("issuer", issuer));
        return cmd.ExecuteScalar() as string;
    }

    private static IReadOnlyList<(int TaskNo, int Line)> Places(IReadOnlyList<ParsedTask> tasks, string name) =>
        tasks.Where(t => t.Lead.Contains(name) || t.Responsible.Contains(name)).Select(t => (t.No, t.LineTo)).ToList();

    private sealed record StoredNotice(string Id, string DocumentTitle, string FileName, int Version, bool IsDefault, string? Issuer,
        string? AreaCode, string? DocumentNo, DateTime? IssueDate, int? PeriodStartYear, int PeriodEndYear);

    private static StoredNotice? Existing(DuckDBConnection connection, string condition, string value)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT notice_id, document_title, file_name, version, is_default, issuer, area_code, document_no, issue_date, period_start_year, period_end_year
            FROM dim_notice WHERE {condition} ORDER BY notice_id LIMIT 1
            """;
        cmd.Parameters.Add(new DuckDBParameter("v", value));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredNotice(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetBoolean(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetInt32(9), r.GetInt32(10));
    }

    private static NoticeLoadResult Unchanged(StoredNotice n) =>
        new(n.Id, NoticeLoadOutcome.Unchanged, n.Version, n.DocumentTitle, n.Issuer, n.AreaCode, n.DocumentNo, n.IssueDate, n.PeriodStartYear,
            n.PeriodEndYear, null, null, 0, 0, []);

    /// <summary>Copies the current version of <paramref name="id"/> to dim_notice_history, its chapters, tasks, units and targets as JSON.</summary>
    private static void KeepInHistory(DuckDBConnection connection, string id, DateTime supersededAt)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO dim_notice_history
            SELECT n.notice_id, n.version, n.notice_title, n.document_title, n.file_name, n.file_sha256, n.loaded_at, $at,
                   (SELECT count(*) FROM dim_task t WHERE t.notice_id = n.notice_id),
                   CAST(to_json({
                       'issuer': n.issuer, 'area_code': n.area_code, 'document_no': n.document_no, 'issue_date': n.issue_date,
                       'period_start_year': n.period_start_year, 'period_end_year': n.period_end_year,
                       'chapters': (SELECT list({'chapter_no': c.chapter_no, 'title': c.title} ORDER BY c.chapter_no)
                                    FROM dim_chapter c WHERE c.notice_id = n.notice_id),
                       'tasks': (SELECT list({
                                     'task_no': t.task_no, 'chapter_no': t.chapter_no, 'task_text': t.task_text,
                                     'line_from': t.line_from, 'line_to': t.line_to,
                                     'lead': (SELECT list(a.unit_name ORDER BY a.ordinal) FROM fact_task_assignment a
                                              WHERE a.notice_id = t.notice_id AND a.task_no = t.task_no AND a.role = 'lead'),
                                     'responsible': (SELECT list(a.unit_name ORDER BY a.ordinal) FROM fact_task_assignment a
                                                     WHERE a.notice_id = t.notice_id AND a.task_no = t.task_no AND a.role = 'responsible'),
                                     'targets': (SELECT list({'comparator': g.comparator, 'target_value': g.target_value,
                                                              'unit_of_measure': g.unit_of_measure, 'deadline_year': g.deadline_year,
                                                              'phrase': g.phrase} ORDER BY g.target_ordinal)
                                                 FROM fact_task_target g WHERE g.notice_id = t.notice_id AND g.task_no = t.task_no)
                                 } ORDER BY t.task_no)
                                 FROM dim_task t WHERE t.notice_id = n.notice_id)
                   }) AS VARCHAR)
            FROM dim_notice n WHERE n.notice_id = $id
            """;
        cmd.Parameters.Add(new DuckDBParameter("at", supersededAt));
        cmd.Parameters.Add(new DuckDBParameter("id", id));
        cmd.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex AreaCodePattern();
}
