using DuckDB.NET.Data;
using Wcc.Etl.Seeds;
using Wcc.Etl.Synthetic;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Collection;

/// <summary>One value a unit owes: an indicator x area x sex, with what the form shows beside it.</summary>
public sealed record OwedIndicatorCell(
    string IndicatorCode, string NameZh, string UnitOfMeasure, string MeasureKind, double? Lower, double? Upper,
    string AreaCode, string AreaName, bool IsCity, string Sex, double? TwoYearsAgo, double? LastYear, bool HistoryIsSynthetic)
{
    /// <summary>Key as in fact_collection_owed.</summary>
    public string Key => CollectionLayout.IndicatorKey(IndicatorCode, AreaCode, Sex);
}

/// <summary>One task a unit reports progress on, with its role.</summary>
public sealed record OwedTask(int TaskNo, string TaskText, string Role)
{
    /// <summary>Key as in fact_collection_owed.</summary>
    public string Key => CollectionLayout.TaskKey(TaskNo);

    /// <summary>Lead units also give the completion date.</summary>
    public bool IsLead => Role == RoleVocabulary.Codes.Lead;
}

/// <summary>Everything one reporting unit's form holds for a round.</summary>
public sealed record UnitForm(string UnitName, string FullName, int Round, IReadOnlyList<OwedIndicatorCell> Indicators, IReadOnlyList<OwedTask> Tasks)
{
    /// <summary>True when any prefilled history on the form is synthetic (the form says so).</summary>
    public bool HistoryIsSynthetic => Indicators.Any(i => i.HistoryIsSynthetic);

    /// <summary>Number of items owed (value cells plus progress rows).</summary>
    public int ItemCount => Indicators.Count + Tasks.Count;
}

/// <summary>Works out, from the warehouse, which units report in a round and what each owes.</summary>
/// <remarks>
/// Indicators go to their <c>dim_indicator.reporting_unit</c>; tasks to their lead and responsible units. A unit that no
/// longer exists in the round year (the 2019 reform) is replaced by its successor, so it never gets a form. Collectives
/// (各区县妇儿工委, 成员单位 as a whole) are not one office that can fill a form: their districts' figures arrive through
/// the indicators' district rows, and the committee office reports their tasks.
/// </remarks>
public static class CollectionPlan
{
    /// <summary>Years of history printed beside each value cell (read-only, for context).</summary>
    public const int HistoryYears = 2;

    /// <summary>An indicator is collected for the areas it has values for in this many years before the round (else for every area).</summary>
    public const int AreaLookbackYears = 3;

    /// <summary>Earliest round: collection with member units' forms began after 2000 (dim_year's range is checked again on load).</summary>
    public const int MinRound = 2000;

    /// <summary>Latest round: the warehouse's last year.</summary>
    public static int MaxRound => WarehouseYears.Last;

    /// <summary>Every unit's form for <paramref name="round"/>, ordered by unit name; only <paramref name="onlyUnits"/> when given.</summary>
    public static IReadOnlyList<UnitForm> Read(DuckDBConnection connection, int round, IReadOnlyCollection<string>? onlyUnits = null)
    {
        CheckRound(round);
        var units = UnitDirectory.Read(connection);
        var indicators = ReadIndicatorCells(connection, round);
        var tasks = ReadTasks(connection);

        var byUnit = new SortedDictionary<string, (List<OwedIndicatorCell> Cells, Dictionary<int, OwedTask> Tasks)>(StringComparer.Ordinal);
        (List<OwedIndicatorCell>, Dictionary<int, OwedTask>) Slot(string unit)
        {
            if (!byUnit.TryGetValue(unit, out var slot)) byUnit[unit] = slot = ([], []);
            return slot;
        }
        foreach (var (reportingUnit, cells) in indicators)
        {
            var unit = units.ReportingName(reportingUnit, round);
            if (unit is null) continue;
            Slot(unit).Item1.AddRange(cells);
        }
        foreach (var (taskNo, text, unitName, role) in tasks)
        {
            var unit = units.ReportingName(unitName, round);
            if (unit is null) continue;
            var slot = Slot(unit).Item2;
            // A successor that inherits a lead and a responsible role on one task reports it once, as lead.
            if (!slot.TryGetValue(taskNo, out var existing) || (role == RoleVocabulary.Codes.Lead && !existing.IsLead)) slot[taskNo] = new OwedTask(taskNo, text, role);
        }

        // With nothing owed at all (an empty warehouse) the caller says so; naming units would only confuse.
        if (onlyUnits is { Count: > 0 } && byUnit.Count > 0)
        {
            foreach (var name in onlyUnits)
            {
                if (byUnit.ContainsKey(name)) continue;
                var successor = units.ReportingName(name, round);
                throw new WccException(
                    successor is not null && successor != name
                        ? $"{name} does not report in round {round}: it was replaced by {successor} (2019 reform)"
                        : $"{name} is not a reporting unit of round {round}",
                    successor is not null && successor != name
                        ? $"use {InputOption.Unit.Ref()} {successor}"
                        : $"reporting units: {string.Join("、", byUnit.Keys)}",
                    exitCode: 2);
            }
        }
        return byUnit
            .Where(kv => onlyUnits is not { Count: > 0 } || onlyUnits.Contains(kv.Key))
            .Select(kv => new UnitForm(kv.Key, units.FullName(kv.Key), round,
                kv.Value.Cells.OrderBy(c => c.IndicatorCode, StringComparer.Ordinal).ThenBy(c => !c.IsCity).ThenBy(c => c.AreaCode, StringComparer.Ordinal)
                    .ThenBy(c => SexOrder(c.Sex)).ToList(),
                kv.Value.Tasks.Values.OrderBy(t => t.TaskNo).ToList()))
            .Where(f => f.ItemCount > 0)
            .ToList();
    }

    /// <summary>Refuses a round outside the years the warehouse holds.</summary>
    public static void CheckRound(int round)
    {
        if (round < MinRound || round > MaxRound)
        {
            throw new WccException($"round {round} is outside {MinRound}-{MaxRound}", $"give the year the figures refer to, e.g. {InputOption.Round.Ref()} 2020", exitCode: 2);
        }
    }

    /// <summary>The sexes an indicator is collected for: F, M and T when disaggregated; F for women-only indicators; else T.</summary>
    public static IReadOnlyList<string> Sexes(bool sexDisaggregated, string population) =>
        sexDisaggregated ? [CollectionLayout.Female, CollectionLayout.Male, CollectionLayout.Total]
        : population == IndicatorSeedFile.WomenPopulation ? [CollectionLayout.Female] : [CollectionLayout.Total];

    private static int SexOrder(string sex) => sex switch { CollectionLayout.Female => 0, CollectionLayout.Male => 1, _ => 2 };

    private static Dictionary<string, List<OwedIndicatorCell>> ReadIndicatorCells(DuckDBConnection connection, int round)
    {
        var areas = new List<(string Code, string Name, bool IsCity)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT area_code, area_name, is_city FROM v_focus_area ORDER BY NOT is_city, area_code";
            using var r = cmd.ExecuteReader();
            while (r.Read()) areas.Add((r.GetString(0), r.GetString(1), r.GetBoolean(2)));
        }
        var observedAreas = new HashSet<(string, string)>();
        var history = new Dictionary<(string, string, string, int), (double Value, string? Source)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT indicator_code, area_code, sex, year, value, source FROM v_observation WHERE year BETWEEN $from AND $to";
            cmd.Parameters.Add(new DuckDBParameter("from", round - AreaLookbackYears));
            cmd.Parameters.Add(new DuckDBParameter("to", round - 1));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                observedAreas.Add((r.GetString(0), r.GetString(1)));
                history[(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3))] = (r.GetDouble(4), r.GetString(5));
            }
        }
        var result = new Dictionary<string, List<OwedIndicatorCell>>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT indicator_code, name_zh, unit_of_measure, measure_kind, lower_bound, upper_bound, sex_disaggregated, population, reporting_unit
                FROM dim_indicator WHERE reporting_unit IS NOT NULL ORDER BY indicator_code
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var code = r.GetString(0);
                var collected = areas.Where(a => observedAreas.Contains((code, a.Code))).ToList();
                if (collected.Count == 0) collected = areas;
                var list = result.TryGetValue(r.GetString(8), out var l) ? l : result[r.GetString(8)] = [];
                foreach (var area in collected)
                {
                    foreach (var sex in Sexes(r.GetBoolean(6), r.GetString(7)))
                    {
                        history.TryGetValue((code, area.Code, sex, round - 2), out var twoAgo);
                        history.TryGetValue((code, area.Code, sex, round - 1), out var last);
                        var synthetic = twoAgo.Source == SyntheticHistoryJob.Source || last.Source == SyntheticHistoryJob.Source;
                        list.Add(new OwedIndicatorCell(code, r.GetString(1), r.GetString(2), r.GetString(3),
                            r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5),
                            area.Code, area.Name, area.IsCity, sex,
                            twoAgo.Source is null ? null : twoAgo.Value, last.Source is null ? null : last.Value, synthetic));
                    }
                }
            }
        }
        return result;
    }

    private static List<(int TaskNo, string Text, string Unit, string Role)> ReadTasks(DuckDBConnection connection)
    {
        var tasks = new List<(int, string, string, string)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT a.task_no, t.task_text, a.unit_name, a.role
            FROM current_notice_assignment() a JOIN current_notice_task() t USING (notice_id, task_no)
            GROUP BY ALL ORDER BY a.task_no, a.role, a.unit_name
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read()) tasks.Add((r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return tasks;
    }
}
