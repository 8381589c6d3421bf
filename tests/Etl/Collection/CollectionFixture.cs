using DuckDB.NET.Data;
using Wcc.Etl.Collection;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Collection;

/// <summary>The real seed warehouse with round <see cref="Round"/> sent (forms written), a private copy per test class;
/// each test takes its own copy of the warehouse, so loads never leak between tests.</summary>
/// <remarks>The build and the sending run once per test process (<see cref="Sent"/>); the forms are shared and only read
/// (tests fill copies of them, <see cref="CopyForm"/>).</remarks>
public sealed class CollectionFixture : IDisposable
{
    /// <summary>The round the tests send and return.</summary>
    public const int Round = 2020;

    /// <summary>Clock of the build and of the round's sending: the seed template's (<see cref="WarehouseTemplates.CopySeed"/>).</summary>
    public static readonly DateTime Clock = SeedWarehouseFixture.Clock;

    /// <summary>The seed warehouse with the round sent, and the forms it wrote: made once per test process.</summary>
    private static readonly Lazy<(string Warehouse, string Forms, IReadOnlyList<TemplateFile> Files)> Sent = new(() =>
    {
        var folder = WarehouseTemplates.NewFolder("collection");
        var warehouse = WarehouseTemplates.CopySeed(Path.Combine(folder, "seed.duckdb"));
        var forms = Path.Combine(folder, "forms");
        IReadOnlyList<TemplateFile> files;
        using (var connection = WarehouseFile.Open(warehouse, WarehouseAccess.ReadWrite))
        {
            files = TemplateJob.Run(connection, new TemplateOptions(Round, [], forms, () => Clock));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CHECKPOINT";
            cmd.ExecuteNonQuery();
        }
        return (warehouse, forms, files);
    });

    private readonly TempDirectory directory = new();

    public string WarehousePath { get; }

    public string FormsDirectory => Sent.Value.Forms;

    public IReadOnlyList<TemplateFile> Forms => Sent.Value.Files;

    public CollectionFixture()
    {
        WarehousePath = directory.File("seed.duckdb");
        File.Copy(Sent.Value.Warehouse, WarehousePath);
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
