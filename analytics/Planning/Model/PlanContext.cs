using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Analytics.Planning.Model;

/// <summary>An indicator as the plan needs it: name and unit for the draft text, bounds for validation, tasks it monitors.</summary>
public sealed record PlanIndicator(string Code, string NameZh, string Unit, bool HigherIsBetter, double? LowerBound, double? UpperBound, IReadOnlyList<int> TaskNos);

/// <summary>A unit of dim_unit: collective or not, and its successor when it ceased before the plan period.</summary>
public sealed record PlanUnit(string Name, bool IsCollective, int? ValidTo, string? Successor);

/// <summary>A 2018-2020 task and its chapter.</summary>
public sealed record PriorTask(int No, int ChapterNo, string Text);

/// <summary>One 2018-2020 assignment (fact_task_assignment).</summary>
public sealed record PriorAssignment(int TaskNo, string UnitName, string Role, int Ordinal);

/// <summary>Everything `wcc plan` reads from the warehouse before it computes: catalogues, the 2018-2020 division of work, series up to the as-of year.</summary>
public sealed record PlanContext(
    int AsOfYear,
    int HorizonYear,
    ForecastData Data,
    IReadOnlyDictionary<string, PlanIndicator> Indicators,
    IReadOnlySet<string> Areas,
    IReadOnlySet<string> Sexes,
    IReadOnlyList<(int No, string Title)> Chapters,
    IReadOnlyDictionary<int, PriorTask> Tasks,
    IReadOnlyDictionary<string, PlanUnit> Units,
    IReadOnlyList<PriorAssignment> Assignments,
    double LeadWeight,
    double ResponsibleWeight)
{
    /// <summary>The city, the default area of a proposed target: the warehouse's focus city (seeds/vocabulary/parameters.csv).</summary>
    public static string CityAreaCode => WarehouseParameters.FocusAreaCode;

    /// <summary>Longest plan period, in years after the as-of year: the national programmes run ten years, the city's
    /// responsibility divisions three to five; a longer projection of an 11-year history says nothing.</summary>
    public const int MaxPlanSpanYears = 10;

    /// <summary>The weighted_trend interval calibration factor at the as-of year (rolling origins), so plan paths use the
    /// same predictive distribution as the forecast.</summary>
    public IntervalScale IntervalScale { get; init; } = IntervalScale.None;

    /// <summary>Chinese name of each area (dim_area), for district targets in the draft's wording.</summary>
    public IReadOnlyDictionary<string, string> AreaNames { get; init; } = new Dictionary<string, string>();

    /// <summary>First year of the plan period.</summary>
    public int FirstPlanYear => AsOfYear + 1;

    /// <summary>Reads the context; <paramref name="asOfYear"/> defaults to the latest observation year.</summary>
    public static PlanContext Read(DuckDBConnection connection, int horizonYear, int? asOfYear)
    {
        var latest = ForecastData.LatestObservationYear(connection)
            ?? throw new WccException("the warehouse has no observations to project from", new Remedy(RemedyAction.LoadObservations));
        if (asOfYear is { } requested) WarehouseYears.RequireAsOf(connection, requested);
        var asOf = asOfYear ?? latest;
        RequireHorizon(connection, horizonYear, asOf);
        var tasks = Rows(connection, "SELECT task_no, chapter_no, task_text FROM current_notice_task() ORDER BY task_no",
            r => new PriorTask(r.GetInt32(0), r.GetInt32(1), r.GetString(2))).ToDictionary(t => t.No);
        if (tasks.Count == 0) throw new WccException("the warehouse has no notice tasks to plan from", new Remedy(RemedyAction.LoadNotice));
        var weights = Rows(connection, "SELECT name, value FROM mart_parameter WHERE name IN ('lead_weight', 'responsible_weight')",
            r => (r.GetString(0), r.GetDouble(1))).ToDictionary(x => x.Item1, x => x.Item2);
        var data = ForecastData.Read(connection, asOf);
        return new PlanContext(
            asOf, horizonYear, data,
            Rows(connection, "SELECT indicator_code, name_zh, unit_of_measure, direction, lower_bound, upper_bound, task_nos FROM dim_indicator",
                r => new PlanIndicator(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3) != "lower",
                    r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5),
                    r.IsDBNull(6) ? [] : ((System.Collections.IList)r.GetValue(6)).Cast<object>().Select(Convert.ToInt32).ToList()))
                .ToDictionary(i => i.Code, StringComparer.Ordinal),
            Rows(connection, "SELECT area_code FROM dim_area", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal),
            Rows(connection, "SELECT sex FROM dim_sex", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal),
            Rows(connection, "SELECT chapter_no, title FROM current_notice_chapter() ORDER BY chapter_no", r => (r.GetInt32(0), r.GetString(1))),
            tasks,
            Rows(connection, "SELECT unit_name, is_collective, valid_to, successor_name FROM dim_unit",
                r => new PlanUnit(r.GetString(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)))
                .ToDictionary(u => u.Name, StringComparer.Ordinal),
            Rows(connection, "SELECT task_no, unit_name, role, ordinal FROM current_notice_assignment() ORDER BY task_no, role, ordinal",
                r => new PriorAssignment(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt32(3))),
            weights.GetValueOrDefault("lead_weight", 2.0),
            weights.GetValueOrDefault("responsible_weight", 1.0))
        {
            AreaNames = Rows(connection, "SELECT area_code, area_name FROM dim_area", r => (r.GetString(0), r.GetString(1)))
                .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal),
            IntervalScale = IntervalCalibration.Fit(TargetScope.Cases(data), asOf, (i, p, k, y) => WeightedTrendMethod.Distribution(i, p, k, y)),
        };
    }

    /// <summary>The horizon ends a plan period after the loaded notice's period and after the as-of year, at most
    /// <see cref="MaxPlanSpanYears"/> after the as-of year and within the years the warehouse holds.</summary>
    private static void RequireHorizon(DuckDBConnection connection, int horizonYear, int asOf)
    {
        var noticeEnd = WarehouseYears.NoticePeriodEnd(connection);
        var from = Math.Max(asOf, noticeEnd ?? asOf) + 1;
        var to = Math.Min(WarehouseYears.Last, asOf + MaxPlanSpanYears);
        var why = (noticeEnd is { } end ? $"after the notice's period (ends {end}) and " : "") + $"after the as-of year {asOf}, at most {MaxPlanSpanYears} years later";
        WarehouseYears.Require(InputOption.Horizon, horizonYear, from, to, why);
    }

    /// <summary>Default sex of a proposed target: the sex of the indicator's target for that area in v_target, else T (total).</summary>
    public string DefaultSex(string indicatorCode, string areaCode) =>
        Data.Targets.Where(t => !t.IsShared && t.IndicatorCode == indicatorCode && t.AreaCode == areaCode)
            .OrderByDescending(t => t.DeadlineYear).Select(t => t.Sex).FirstOrDefault() ?? "T";

    private static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }
}
