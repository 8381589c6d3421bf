using System.Text;
using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

/// <summary>An in-memory warehouse plus a temp folder for hand-written seed files.</summary>
internal sealed class SeedTestWarehouse : IDisposable
{
    public static readonly DateTime Clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory dir = new();

    public DuckDBConnection Connection { get; } = WarehouseTemplates.OpenEmptyInMemory();

    /// <summary>Writes a CSV (UTF-8, no BOM, LF) and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = dir.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public EtlRun Run(string job) => EtlRun.Start(Connection, job, null, Clock);

    public long Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public List<string> Strings(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }

    public void Execute(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Id of the stand-in notice (the default notice of this warehouse).</summary>
    public const string NoticeId = "test-notice";

    /// <summary>Stands in for the notice loader: chapter 1 with tasks 1..<paramref name="count"/>.</summary>
    public void InsertTasks(int count)
    {
        Execute($"INSERT INTO dim_notice (notice_title, document_title, period_end_year, file_name, notice_id, is_default) VALUES ('测试通知', '测试', 2020, 'test.txt', '{NoticeId}', true)");
        Execute($"INSERT INTO dim_chapter VALUES (1, '测试章', 1, '{NoticeId}')");
        using var appender = Connection.CreateAppender("dim_task");
        for (var i = 1; i <= count; i++) appender.CreateRow().AppendValue(i).AppendValue(1).AppendValue($"任务{i}").AppendValue(i).AppendValue(i).AppendValue(NoticeId).EndRow();
    }

    public void Dispose()
    {
        Connection.Dispose();
        dir.Dispose();
    }
}
