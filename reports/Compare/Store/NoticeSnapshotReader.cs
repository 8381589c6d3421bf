using DuckDB.NET.Data;
using Wcc.Analytics.Planning.Draft;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Model;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Compare.Store;

/// <summary>A notice of dim_notice as the comparison lists it.</summary>
public sealed record StoredNotice(string Id, string DocumentTitle, int? PeriodStartYear, int PeriodEndYear, bool IsDefault);

/// <summary>Reads notices from the warehouse (by dim_notice.notice_id) into <see cref="NoticeSnapshot"/>s.</summary>
public static class NoticeSnapshotReader
{
    private const string ListFile = "Compare/queries/notice_list.sql";
    private const string TasksFile = "Compare/queries/notice_tasks.sql";
    private const string AssignmentsFile = "Compare/queries/notice_assignments.sql";
    private const string TargetsFile = "Compare/queries/notice_targets.sql";
    private const string SyntheticFile = "Compare/queries/synthetic_observations.sql";

    /// <summary>Every notice in the warehouse, by id.</summary>
    public static IReadOnlyList<StoredNotice> List(DuckDBConnection connection)
    {
        var t = MartReader.Query(connection, "notice_list", MartReader.EmbeddedSql(ListFile), ListFile, new Dictionary<string, object>());
        return t.Data.Rows.Select(r => new StoredNotice(Cells.Text(r[0]), Cells.Text(r[1]), r[2] is null ? null : Cells.Count(r[2]), Cells.Count(r[3]), Cells.Flag(r[4]))).ToList();
    }

    /// <summary>The notice <paramref name="id"/>; <paramref name="option"/> (--from, --to) names the argument in the refusal
    /// of an id the warehouse does not hold, which lists those it does.</summary>
    public static NoticeSnapshot Read(DuckDBConnection connection, string id, string option)
    {
        var notices = List(connection);
        var notice = notices.FirstOrDefault(n => n.Id == id) ?? throw new WccException(
            $"{option} {id}: the warehouse holds no notice with that id; it holds "
            + (notices.Count == 0 ? "no notice at all" : string.Join(", ", notices.Select(n => $"{n.Id} ({n.DocumentTitle})"))),
            notices.Count == 0 ? new Remedy(RemedyAction.BuildWarehouse) : new Remedy(RemedyAction.NameALoadedNotice), exitCode: 2);
        var parameters = new Dictionary<string, object> { ["notice_id"] = id };
        ReportTable Query(string name, string file) => MartReader.Query(connection, name, MartReader.EmbeddedSql(file), file, parameters);
        var tasks = Query("notice_tasks", TasksFile);
        var assignments = Query("notice_assignments", AssignmentsFile).Data.Rows
            .GroupBy(r => Cells.Count(r[0])).ToDictionary(g => g.Key, g => g.ToList());
        var targets = Query("notice_targets", TargetsFile).Data.Rows
            .GroupBy(r => Cells.Count(r[0])).ToDictionary(g => g.Key, g => g.ToList());
        IReadOnlyList<string> Units(int task, string role) =>
            assignments.GetValueOrDefault(task, []).Where(r => Cells.Text(r[2]) == role).Select(r => Cells.Text(r[1])).ToList();
        var snapshotTasks = tasks.Data.Rows.Select(r =>
        {
            var no = Cells.Count(r[0]);
            var text = Cells.Text(r[3]);
            return new SnapshotTask(no, Cells.Count(r[1]), Cells.Text(r[2]), text, Units(no, RoleVocabulary.Codes.Lead), Units(no, RoleVocabulary.Codes.Responsible),
                targets.GetValueOrDefault(no, []).Select(g => new SnapshotTarget(
                    SnapshotTarget.SubjectOf(Cells.Text(g[5]), text), Cells.Text(g[1]), Cells.Number(g[2]), g[3] is null ? null : Cells.Text(g[3]),
                    g[4] is null ? null : Cells.Count(g[4]), Cells.Text(g[5]), null)).ToList());
        }).ToList();
        return new NoticeSnapshot(notice.Id, notice.DocumentTitle, notice.PeriodStartYear, notice.PeriodEndYear, snapshotTasks,
            DraftNotice.IsDraftTitle(notice.DocumentTitle) && AnySyntheticObservation(connection));
    }

    /// <summary>True when any current observation is synthetic (a draft planned from them has synthetic targets).</summary>
    public static bool AnySyntheticObservation(DuckDBConnection connection) =>
        Cells.Flag(MartReader.Query(connection, "synthetic", MartReader.EmbeddedSql(SyntheticFile), SyntheticFile, new Dictionary<string, object>()).Data.Rows[0][0]);
}
