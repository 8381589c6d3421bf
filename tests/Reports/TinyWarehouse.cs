using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports;

/// <summary>
/// A made-up four-task notice and a few observations, small enough to check every mart figure by hand.
/// Units: 市A局, 市B局, 市C局 (departments) and 各区县妇儿工委 (collective).
/// T1 (ch 1): lead A; responsible B, C.  T2 (ch 1): lead A; responsible B.
/// T3 (ch 2): lead B; responsible 各区县妇儿工委.  T4 (ch 2): lead C alone.
/// With weights 2/1: A = 4, B = 2 + 2 = 4, C = 2 + 1 = 3, collective = 1.
/// </summary>
internal static class TinyWarehouse
{
    public const string Collective = "各区县妇儿工委";

    public static DuckDBConnection Open()
    {
        var connection = WarehouseTemplates.OpenEmptyInMemory();
        Execute(connection, """
            INSERT INTO etl_run (load_id, job, status) VALUES (1, 'test', 'succeeded');
            INSERT INTO dim_notice (notice_title, document_title, period_end_year, file_name, notice_id, is_default)
                VALUES ('测试通知', '2018-2020年测试重点工作责任分工', 2020, 'tiny.txt', 'tiny', true);
            INSERT INTO dim_chapter VALUES (1, '促进妇女就业', 10, 'tiny'), (2, '保障儿童健康', 20, 'tiny');
            INSERT INTO dim_task VALUES
                (1, 1, '任务一', 11, 11, 'tiny'), (2, 1, '任务二', 12, 12, 'tiny'), (3, 2, '任务三', 21, 21, 'tiny'), (4, 2, '任务四', 22, 22, 'tiny');
            INSERT INTO dim_unit (unit_name, kind, is_collective, is_known) VALUES
                ('市A局', 'government_department', false, true), ('市B局', 'government_department', false, true),
                ('市C局', 'government_department', false, true), ('各区县妇儿工委', 'collective', true, true);
            INSERT INTO fact_task_assignment VALUES
                (1, '市A局', 'lead', 1, 'tiny'), (1, '市B局', 'responsible', 1, 'tiny'), (1, '市C局', 'responsible', 2, 'tiny'),
                (2, '市A局', 'lead', 1, 'tiny'), (2, '市B局', 'responsible', 1, 'tiny'),
                (3, '市B局', 'lead', 1, 'tiny'), (3, '各区县妇儿工委', 'responsible', 1, 'tiny'),
                (4, '市C局', 'lead', 1, 'tiny');
            INSERT INTO fact_task_progress (task_no, unit_name, year, status, source, notice_id) VALUES
                (1, '市A局', 2019, '滞后', 'test', 'tiny'),
                (1, '市A局', 2020, '滞后', 'test', 'tiny'), (2, '市A局', 2020, '未启动', 'test', 'tiny'), (3, '市B局', 2020, '推进中', 'test', 'tiny');
            INSERT INTO dim_area (area_code, area_name, area_level, parent_code) VALUES
                ('610100', '西安市', 'city', NULL), ('610102', '新城区', 'district', '610100'), ('610103', '碑林区', 'district', '610100');
            INSERT INTO dim_indicator (indicator_code, name_zh, unit_of_measure, measure_kind, sex_disaggregated, direction, population, task_nos) VALUES
                ('IND1', '毛入园率', '%', 'rate', false, 'higher', 'children', [1]),
                ('IND2', '就业人员比例', '%', 'rate', true, 'higher', 'women', NULL);
            INSERT INTO fact_target (indicator_code, area_code, sex, comparator, target_value, deadline_year, phrase) VALUES
                ('IND1', '610100', 'T', '>=', 90, 2020, '毛入园率达到90%以上');
            INSERT INTO fact_observation (indicator_code, area_code, year, sex, value, source, load_id, is_current) VALUES
                ('IND1', '610100', 2010, 'T', 80, 'stat', 1, true),
                ('IND1', '610100', 2015, 'T', 85, 'stat', 1, true),
                ('IND1', '610100', 2020, 'T', 70, 'stat', 1, false),
                ('IND1', '610100', 2020, 'T', 88, 'stat', 1, true),
                ('IND1', '610102', 2012, 'T', 92, 'stat', 1, true),
                ('IND1', '610102', 2020, 'T', 95, 'stat', 1, true),
                ('IND1', '610103', 2015, 'T', 85, 'stat', 1, true),
                ('IND1', '610103', 2019, 'T', 83, 'stat', 1, true),
                ('IND2', '610100', 2018, 'F', 40, 'synthetic', 1, true),
                ('IND2', '610100', 2018, 'M', 50, 'synthetic', 1, true),
                ('IND2', '610100', 2021, 'F', 45, 'synthetic', 1, true),
                ('IND2', '610100', 2021, 'M', 50, 'synthetic', 1, true),
                ('IND2', '610100', 2022, 'F', 47, 'synthetic', 1, true);
            """);
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Rows of a query as dictionaries keyed by column name.</summary>
    public static List<Dictionary<string, object?>> Rows(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static double D(object? v) => Convert.ToDouble(v);

    public static int I(object? v) => Convert.ToInt32(v);
}
