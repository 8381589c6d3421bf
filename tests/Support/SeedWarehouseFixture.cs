using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Support;

/// <summary>The real warehouse built from seeds/ (with the synthetic history), a private copy per test class in a temp file,
/// opened for writing.</summary>
/// <remarks>The build runs once per test process (<see cref="WarehouseTemplates.CopySeed"/>); each class gets its own copy,
/// so what one class writes never reaches another.</remarks>
public sealed class SeedWarehouseFixture : IDisposable
{
    /// <summary>The build clock tests pin, so etl_run timestamps do not depend on when tests run.</summary>
    public static readonly DateTime Clock = new(2021, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory directory = new();

    public string Path { get; }

    public DuckDBConnection Connection { get; }

    public SeedWarehouseFixture()
    {
        Path = WarehouseTemplates.CopySeed(directory.File("seed.duckdb"));
        Connection = WarehouseFile.Open(Path, WarehouseAccess.ReadWrite);
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public void Dispose()
    {
        Connection.Dispose();
        directory.Dispose();
    }
}
