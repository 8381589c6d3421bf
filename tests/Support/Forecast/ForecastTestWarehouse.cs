using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Support.Forecast;

/// <summary>An in-memory warehouse with a city, its districts and one ETL run, where tests add indicators, targets and observations.</summary>
public sealed class ForecastTestWarehouse : IDisposable
{
    public const string City = "610100";

    /// <summary>Districts of the test city (real Xi'an codes).</summary>
    public static readonly IReadOnlyList<string> Districts = ["610102", "610103", "610104", "610111", "610112", "610113", "610114", "610115", "610116", "610117", "610118", "610122", "610124"];

    private readonly int loadId;

    public ForecastTestWarehouse()
    {
        Connection = WarehouseTemplates.OpenEmptyInMemory();
        using (var appender = Connection.CreateAppender("dim_area"))
        {
            appender.CreateRow().AppendValue(City).AppendValue("西安市").AppendValue("city").AppendNullValue().AppendNullValue().AppendValue("test").EndRow();
            foreach (var d in Districts)
            {
                appender.CreateRow().AppendValue(d).AppendValue("区县" + d).AppendValue("district").AppendValue(City).AppendValue(false).AppendValue("test").EndRow();
            }
        }
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "INSERT INTO etl_run (job, status) VALUES ('test', 'succeeded') RETURNING load_id";
        loadId = Convert.ToInt32(cmd.ExecuteScalar());
    }

    public DuckDBConnection Connection { get; }

    public ForecastTestWarehouse Indicator(string code, string direction = "higher", double? lower = 0, double? upper = 100, string unit = "%", string kind = "rate")
    {
        using var appender = Connection.CreateAppender("dim_indicator");
        appender.CreateRow().AppendValue(code).AppendValue("指标" + code).AppendNullValue().AppendValue(unit).AppendValue(kind)
            .AppendValue(true).AppendValue(direction).AppendValue("both").AppendValue(lower).AppendValue(upper)
            .AppendNullValue().AppendValue("test").AppendValue("test").AppendNullValue()
            .AppendNullValue().AppendNullValue().AppendNullValue().EndRow(); // plan_zh, domain_zh, target_source
        return this;
    }

    public ForecastTestWarehouse Target(string indicator, string area, string sex, string comparator, double value, int deadline)
    {
        using var appender = Connection.CreateAppender("fact_target");
        appender.CreateRow().AppendValue(indicator).AppendValue(area).AppendValue(sex).AppendValue(comparator).AppendValue(value)
            .AppendValue(deadline).AppendNullValue().AppendValue($"{comparator}{value}").AppendValue("test").AppendNullValue().EndRow(); // no task, no notice
        return this;
    }

    public ForecastTestWarehouse Observations(string indicator, string area, string sex, params (int Year, double Value)[] points)
    {
        using var appender = Connection.CreateAppender("fact_observation");
        foreach (var (year, value) in points)
        {
            appender.CreateRow().AppendValue(indicator).AppendValue(area).AppendValue(year).AppendValue(sex).AppendValue("_T").AppendValue("_T")
                .AppendValue(value).AppendValue("test").AppendNullValue().AppendValue(loadId).AppendValue(true).EndRow();
        }
        return this;
    }

    /// <summary>Runs a statement (test set-up only, no runtime values spliced).</summary>
    public void Execute(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public void Dispose() => Connection.Dispose();
}
