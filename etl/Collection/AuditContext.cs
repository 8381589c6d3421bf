using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Collection;

/// <summary>An indicator as the audit needs it.</summary>
public sealed record IndicatorFacts(string Code, string NameZh, string UnitOfMeasure, string MeasureKind, double? Lower, double? Upper);

/// <summary>What the audit of one unit's return checks against: what it owes, the indicators, last year's values, the rules.</summary>
public sealed class AuditContext
{
    public required int Round { get; init; }
    public required string UnitName { get; init; }
    public required IReadOnlyDictionary<string, string> OwedItems { get; init; }
    public required IReadOnlyDictionary<int, string> OwedTaskRoles { get; init; }
    public required IReadOnlyDictionary<string, IndicatorFacts> Indicators { get; init; }
    public required IReadOnlyDictionary<(string Code, string Area, string Sex), double> LastYear { get; init; }
    public required IReadOnlyDictionary<(string Code, string Area, string Sex), double> ThisYear { get; init; }
    public required IReadOnlySet<string> CityCodes { get; init; }
    public required AuditRules Rules { get; init; }

    /// <summary>Reads the context for <paramref name="unitName"/>'s return of <paramref name="round"/>; refuses a round that was not sent to that unit.</summary>
    public static AuditContext Read(DuckDBConnection connection, int round, string unitName, string file, string keySheet, string keyCell)
    {
        var owed = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<int, string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT item_key, item_kind, task_no, role FROM fact_collection_owed WHERE round_year = $round AND unit_name = $unit";
            cmd.Parameters.Add(new DuckDBParameter("round", round));
            cmd.Parameters.Add(new DuckDBParameter("unit", unitName));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                owed[r.GetString(0)] = r.GetString(1);
                if (!r.IsDBNull(2)) roles[r.GetInt32(2)] = r.GetString(3);
            }
        }
        if (owed.Count == 0) throw NotOwed(connection, round, unitName, file, keySheet, keyCell);

        var indicators = new Dictionary<string, IndicatorFacts>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT indicator_code, name_zh, unit_of_measure, measure_kind, lower_bound, upper_bound FROM dim_indicator";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                indicators[r.GetString(0)] = new IndicatorFacts(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5));
            }
        }
        return new AuditContext
        {
            Round = round, UnitName = unitName, OwedItems = owed, OwedTaskRoles = roles, Indicators = indicators,
            LastYear = Values(connection, round - 1), ThisYear = Values(connection, round),
            CityCodes = ReadSet(connection, "SELECT area_code FROM v_focus_area WHERE is_city"),
            Rules = AuditRules.Read(connection),
        };
    }

    private static WccException NotOwed(DuckDBConnection connection, int round, string unitName, string file, string keySheet, string keyCell)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM fact_collection_owed WHERE round_year = $round";
        cmd.Parameters.Add(new DuckDBParameter("round", round));
        var sent = Convert.ToInt64(cmd.ExecuteScalar()) > 0;
        return sent
            ? new WccException($"{file}: sheet {keySheet} cell {keyCell}: the form names unit {unitName}, which was not sent a form for round {round}",
                "check the unit cell (报送单位) was not changed; a renamed unit reports under its successor's form")
            : new WccException($"{file}: sheet {keySheet} cell {keyCell}: the form is for round {round}, which this warehouse never sent",
                new Remedy(RemedyAction.SendRoundFirst, round.ToString(System.Globalization.CultureInfo.InvariantCulture)), hint: "check that this is the right year's form, or");
    }

    private static Dictionary<(string, string, string), double> Values(DuckDBConnection connection, int year)
    {
        var values = new Dictionary<(string, string, string), double>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT indicator_code, area_code, sex, value FROM v_observation WHERE year = $year";
        cmd.Parameters.Add(new DuckDBParameter("year", year));
        using var r = cmd.ExecuteReader();
        while (r.Read()) values[(r.GetString(0), r.GetString(1), r.GetString(2))] = r.GetDouble(3);
        return values;
    }

    private static HashSet<string> ReadSet(DuckDBConnection connection, string sql)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }
}
