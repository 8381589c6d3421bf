using DuckDB.NET.Data;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Schema;

namespace Wcc.Analytics.Forecast.Data;

/// <summary>A row of v_target_scope: a target and one area whose series it is measured on.</summary>
/// <param name="AreaCode">The measured area: the target's own, or a child area of a city holding it to the city's target.</param>
/// <param name="IsShared">True when <paramref name="AreaCode"/> is a child area, not the target's own.</param>
public sealed record TargetRow(string IndicatorCode, string AreaCode, string Sex, string Comparator, double TargetValue, int DeadlineYear, int? TaskNo,
    string TargetAreaCode, bool IsShared);

/// <summary>Everything the forecast reads from the warehouse, as known at the end of <see cref="CutoffYear"/>.</summary>
public sealed record ForecastData(
    int CutoffYear,
    IReadOnlyDictionary<string, IndicatorProfile> Indicators,
    IReadOnlyDictionary<SeriesKey, Series> Series,
    IReadOnlyList<TargetRow> Targets)
{
    /// <summary>Series left out because a value is not a number the warehouse stores (NaN, ±Infinity or beyond
    /// <see cref="WarehouseNumbers.MaxMagnitude"/>): one note each. Loaders refuse such values; this is the second line of defence,
    /// so one bad series cannot turn every score into NaN.</summary>
    public IReadOnlyList<string> SkippedSeries { get; init; } = [];

    /// <summary>Every series as read, non-storable values included: what <see cref="UpTo"/> truncates, so a value that
    /// leaves a series out at this cutoff does not leave it out at an earlier one.</summary>
    private IReadOnlyDictionary<SeriesKey, Series> AllSeries { get; init; } = new Dictionary<SeriesKey, Series>();

    /// <summary>Reads indicators, the targets' scope and every observation up to <paramref name="cutoffYear"/>.</summary>
    /// <remarks>The cutoff is applied in SQL and then asserted on every series (<see cref="LeakGuard"/>).</remarks>
    public static ForecastData Read(DuckDBConnection connection, int cutoffYear)
    {
        var indicators = ReadIndicators(connection);
        return Of(cutoffYear, indicators, ReadSeries(connection, cutoffYear, indicators), ReadTargets(connection));
    }

    /// <summary>The data as known at the end of <paramref name="cutoffYear"/> (at most <see cref="CutoffYear"/>): every series
    /// truncated at it in memory, the same as <see cref="Read"/> at that cutoff gives (the backtests read the warehouse once).</summary>
    public ForecastData UpTo(int cutoffYear)
    {
        if (cutoffYear > CutoffYear) throw new ArgumentOutOfRangeException(nameof(cutoffYear), $"data read up to {CutoffYear} cannot be extended to {cutoffYear}");
        var series = new Dictionary<SeriesKey, Series>(AllSeries.Count);
        foreach (var (key, s) in AllSeries)
        {
            // A series with nothing observed by the cutoff is absent, as the SQL read leaves it out.
            if (s.Points.Count > 0 && s.Points[0].Year <= cutoffYear) series[key] = s.UpTo(cutoffYear);
        }
        return Of(cutoffYear, Indicators, series, Targets);
    }

    /// <summary>The data of the series read up to <paramref name="cutoffYear"/>: leak guard, then the series with a value
    /// the warehouse does not store left out, one note each.</summary>
    private static ForecastData Of(int cutoffYear, IReadOnlyDictionary<string, IndicatorProfile> indicators, Dictionary<SeriesKey, Series> read,
        IReadOnlyList<TargetRow> targets)
    {
        foreach (var s in read.Values) LeakGuard.AssertWithin(s, cutoffYear);
        var series = new Dictionary<SeriesKey, Series>(read);
        var skipped = new List<string>();
        foreach (var (key, s) in series.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).ToList())
        {
            foreach (var bad in s.Points.Where(p => !WarehouseNumbers.IsStorable(p.Value)).Take(1))
            {
                series.Remove(key);
                skipped.Add($"{key}: {bad.Year}年的值 {bad.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} 不是有限数值(或超出±{WarehouseNumbers.MaxMagnitudeText})，该序列未参与预测");
            }
        }
        return new ForecastData(cutoffYear, indicators, series, targets) { SkippedSeries = skipped, AllSeries = read };
    }

    /// <summary>Latest observation year in the warehouse, or null when there are no observations.</summary>
    public static int? LatestObservationYear(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(year) FROM v_observation";
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value);
    }

    private static Dictionary<string, IndicatorProfile> ReadIndicators(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT indicator_code, direction, lower_bound, upper_bound, unit_of_measure, measure_kind FROM dim_indicator";
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, IndicatorProfile>(StringComparer.Ordinal);
        while (r.Read())
        {
            var code = r.GetString(0);
            result[code] = new IndicatorProfile(code, r.GetString(1) != "lower",
                r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetString(4), r.GetString(5));
        }
        return result;
    }

    private static Dictionary<SeriesKey, Series> ReadSeries(DuckDBConnection connection, int cutoffYear, IReadOnlyDictionary<string, IndicatorProfile> indicators)
    {
        using var cmd = connection.CreateCommand();
        // v_observation holds one current value per key and year; avg() only guards against a broken key.
        cmd.CommandText = """
            SELECT indicator_code, area_code, sex, year, avg(value) AS value
            FROM v_observation
            WHERE year <= $cutoff
            GROUP BY ALL
            ORDER BY indicator_code, area_code, sex, year
            """;
        cmd.Parameters.Add(new DuckDBParameter("cutoff", cutoffYear));
        using var r = cmd.ExecuteReader();
        var points = new Dictionary<SeriesKey, List<SeriesPoint>>();
        while (r.Read())
        {
            var key = new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2));
            if (!points.TryGetValue(key, out var list)) points[key] = list = [];
            list.Add(new SeriesPoint(r.GetInt32(3), r.GetDouble(4)));
        }
        var result = new Dictionary<SeriesKey, Series>();
        foreach (var (key, list) in points)
        {
            result[key] = new Series(key, Indicator(indicators, key.IndicatorCode), list);
        }
        return result;
    }

    /// <summary>The indicator's profile, or a clear error when observations or targets name an unknown indicator.</summary>
    public static IndicatorProfile Indicator(IReadOnlyDictionary<string, IndicatorProfile> indicators, string code) =>
        indicators.TryGetValue(code, out var profile)
            ? profile
            : throw new WccException($"indicator {code} has observations or targets but is not in dim_indicator",
                new Remedy(RemedyAction.RunDataTests));

    private static List<TargetRow> ReadTargets(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT indicator_code, area_code, sex, comparator, target_value, deadline_year, task_no, target_area_code, scope = 'shared'
            FROM v_target_scope
            ORDER BY indicator_code, area_code, sex, deadline_year, target_area_code
            """;
        using var r = cmd.ExecuteReader();
        var result = new List<TargetRow>();
        while (r.Read())
        {
            result.Add(new TargetRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetInt32(6), r.GetString(7), r.GetBoolean(8)));
        }
        return result;
    }
}
