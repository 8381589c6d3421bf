using DuckDB.NET.Data;

namespace Wcc.Analytics.Forecast.Data;

/// <summary>What a forecast run stored for an as-of year, read back by the reports that show it (they never recompute it).</summary>
/// <remarks>Whether the stored rows are current is decided once, by the warehouse macro <c>forecast_current(as_of)</c>
/// (warehouse/sql/00_meta/forecast_current.sql): a run for that as-of year is recorded, no data were loaded after it and
/// the rows it stored are all there.</remarks>
public static class StoredForecast
{
    /// <summary>True when the forecasts and backtests stored for <paramref name="asOfYear"/> may be shown as they are.</summary>
    public static bool IsCurrent(DuckDBConnection connection, int asOfYear)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT forecast_current($asof)";
        cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
        return cmd.ExecuteScalar() is true;
    }

    /// <summary>Why the stored forecasts for <paramref name="asOfYear"/> are not current, in Chinese for the person running
    /// the command; null when they are.</summary>
    public static string? WhyNotCurrent(DuckDBConnection connection, int asOfYear)
    {
        if (IsCurrent(connection, asOfYear)) return null;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT last_load_id IS NOT DISTINCT FROM latest_load_id() FROM meta_forecast_run WHERE as_of_year = $asof";
        cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
        return cmd.ExecuteScalar() switch
        {
            null or DBNull => $"数据仓库中尚无截至{asOfYear}年的预测",
            false => $"{asOfYear}年的预测计算之后又载入了数据",
            _ => $"{asOfYear}年已存储的预测或回测有缺失",
        };
    }

    /// <summary>The method the stored run chose as default (the one reports show).</summary>
    public static string DefaultMethod(DuckDBConnection connection, int asOfYear)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT default_method FROM meta_forecast_run WHERE as_of_year = $asof";
        cmd.Parameters.Add(new DuckDBParameter("asof", asOfYear));
        return cmd.ExecuteScalar() as string
            ?? throw new InvalidOperationException($"no forecast run is stored for {asOfYear}: forecast before reading it");
    }
}
