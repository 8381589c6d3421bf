using Wcc.Warehouse.Query;
using System.Text;
using DuckDB.NET.Data;
using Wcc.Etl.Observations;
using Wcc.Warehouse.Connection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Etl.Observations;

/// <summary>An in-memory warehouse with a few indicators and areas inserted directly (the seed loaders live elsewhere).</summary>
public sealed class ObservationTestWarehouse : IDisposable
{
    public DuckDBConnection Connection { get; }

    public ObservationTestWarehouse(string path = ":memory:")
    {
        Connection = path == ":memory:" ? WarehouseTemplates.OpenEmptyInMemory() : WarehouseFile.Open(path, WarehouseAccess.ReadWrite);
        Exec("""
            INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, lower_bound, upper_bound)
            VALUES ('W01', '女性就业人员占比', '%', 'rate', false, 'higher', 'women', 0, 100),
                   ('C05', '婴儿死亡率', '‰', 'rate', true, 'lower', 'children', 0, 1000),
                   ('W10', '参加城镇职工基本养老保险人数', 'persons', 'count', true, 'higher', 'women', NULL, NULL);
            INSERT INTO dim_area (area_code, area_name, area_level, parent_code) VALUES
                ('610100', '西安市', 'city', NULL), ('610102', '新城区', 'district', '610100'), ('610103', '碑林区', 'district', '610100');
            """);
    }

    public void Exec(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public long Count(string sql, params (string Name, object? Value)[] parameters) => Connection.ScalarLong(sql, parameters);

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name, value ?? DBNull.Value));
        return cmd.ExecuteScalar();
    }

    public ObservationLoadResult Load(bool forceDotNet, params string[] files) => Load(forceDotNet, files, disableFastPath: false);

    public ObservationLoadResult Load(bool forceDotNet, string[] files, bool disableFastPath) =>
        ObservationLoad.Run(Connection, new ObservationLoadOptions(files, () => new DateTime(2026, 1, 1, 8, 0, 0),
            ForceDotNetDecoding: forceDotNet, DisableFastPath: disableFastPath));

    public static string Write(string path, string text, Encoding? encoding = null)
    {
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    public void Dispose() => Connection.Dispose();
}
