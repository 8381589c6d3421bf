using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Collection;

/// <summary>One unit's line of the submission tracking (v_collection_status).</summary>
public sealed record UnitStatus(
    string UnitName, long Owed, long Received, long Accepted, long Returned, long Rejected, long Missing,
    DateTime? FirstSubmission, DateTime? LastSubmission, string Status, bool SubmittedLate, bool Overdue)
{
    /// <summary>Share of owed cells accepted (0-1).</summary>
    public double ReportingRate => Owed == 0 ? 0 : (double)Accepted / Owed;
}

/// <summary>A round's submission tracking: every reporting unit, the overall rate, and who is late or missing.</summary>
public sealed record RoundStatus(int Round, DateOnly Deadline, DateOnly AsOf, IReadOnlyList<UnitStatus> Units)
{
    /// <summary>Accepted cells over owed cells, all units.</summary>
    public double ReportingRate => Units.Sum(u => u.Owed) == 0 ? 0 : (double)Units.Sum(u => u.Accepted) / Units.Sum(u => u.Owed);

    /// <summary>Units that have not returned past the deadline, or returned late: named at the 推进会.</summary>
    public IReadOnlyList<UnitStatus> LateOrMissing => Units.Where(u => u.Overdue || u.SubmittedLate).ToList();
}

/// <summary>Reads the submission tracking of a round.</summary>
public static class CollectionStatus
{
    /// <summary>Statuses of v_collection_status.</summary>
    public const string NotSubmitted = "未报送", PendingReview = "已报送待审核", SentBack = "退回修改", Passed = "已通过";

    /// <summary>The status of <paramref name="round"/> (the latest round sent when null), as of <paramref name="asOf"/>.</summary>
    public static RoundStatus Read(DuckDBConnection connection, int? round, DateOnly asOf)
    {
        int year;
        DateOnly deadline;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = round is null
                ? "SELECT round_year, deadline FROM dim_collection_round ORDER BY round_year DESC LIMIT 1"
                : "SELECT round_year, deadline FROM dim_collection_round WHERE round_year = $round";
            if (round is not null) cmd.Parameters.Add(new DuckDBParameter("round", round.Value));
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                throw new WccException(round is null ? "no collection round has been sent yet" : $"round {round} has not been sent",
                    new Remedy(RemedyAction.SendRoundFirst, round?.ToString(System.Globalization.CultureInfo.InvariantCulture)), exitCode: 2);
            }
            year = r.GetInt32(0);
            deadline = DateOnly.FromDateTime(r.GetDateTime(1));
        }
        var units = new List<UnitStatus>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT unit_name, cells_owed, cells_received, cells_accepted, cells_returned, cells_rejected, cells_missing,
                       first_submission, last_submission, status, coalesce(submitted_late, false)
                FROM v_collection_status WHERE round_year = $round ORDER BY unit_name
                """;
            cmd.Parameters.Add(new DuckDBParameter("round", year));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var status = r.GetString(9);
                units.Add(new UnitStatus(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                    r.IsDBNull(7) ? null : r.GetDateTime(7), r.IsDBNull(8) ? null : r.GetDateTime(8), status, r.GetBoolean(10),
                    status == NotSubmitted && asOf > deadline));
            }
        }
        return new RoundStatus(year, deadline, asOf, units);
    }
}
