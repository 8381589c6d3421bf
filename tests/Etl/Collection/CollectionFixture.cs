using DuckDB.NET.Data;
using Wcc.Etl.Collection;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Collection;

/// <summary>The real seed warehouse with round <see cref="Round"/> sent (forms written), built once per test class;
/// each test takes its own copy of the warehouse, so loads never leak between tests.</summary>
public sealed class CollectionFixture : IDisposable
{
    /// <summary>The round the tests send and return.</summary>
    public const int Round = 2020;

    /// <summary>Clock of the build and of the round's sending: the seed template's (<see cref="WarehouseTemplates.CopySeed"/>).</summary>
    public static readonly DateTime Clock = SeedWarehouseFixture.Clock;

    private readonly TempDirectory directory = new();

    public string WarehousePath { get; }

    public string FormsDirectory { get; }

    public IReadOnlyList<TemplateFile> Forms { get; }

    public CollectionFixture()
    {
        WarehousePath = WarehouseTemplates.CopySeed(directory.File("seed.duckdb"));
        FormsDirectory = directory.File("forms");
        using var connection = WarehouseFile.Open(WarehousePath, WarehouseAccess.ReadWrite);
        Forms = TemplateJob.Run(connection, new TemplateOptions(Round, [], FormsDirectory, () => Clock));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CHECKPOINT";
        cmd.ExecuteNonQuery();
    }

    /// <summary>The form sent to <paramref name="unit"/>.</summary>
    public string Form(string unit) => Forms.Single(f => f.UnitName == unit).Path;

    /// <summary>A private copy of the warehouse in <paramref name="tmp"/>, opened for writing.</summary>
    public DuckDBConnection OpenCopy(TempDirectory tmp)
    {
        var path = tmp.File("w.duckdb");
        File.Copy(WarehousePath, path);
        return WarehouseFile.Open(path, WarehouseAccess.Update);
    }

    /// <summary>A copy of <paramref name="unit"/>'s form in <paramref name="tmp"/>, to fill in.</summary>
    public string CopyForm(TempDirectory tmp, string unit, string? name = null)
    {
        var path = tmp.File(name ?? Path.GetFileName(Form(unit)));
        File.Copy(Form(unit), path);
        return path;
    }

    public void Dispose() => directory.Dispose();
}

/// <summary>Small query helpers over a test warehouse.</summary>
public static class Db
{
    public static object? Scalar(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public static long Count(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(Scalar(connection, sql, parameters));
}
