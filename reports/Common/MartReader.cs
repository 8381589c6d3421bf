using System.Reflection;
using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Reports.Common;

/// <summary>Reads mart views and the reports' embedded parameterised queries; reports compute nothing themselves.</summary>
public static class MartReader
{
    /// <summary><c>SELECT * FROM view ORDER BY ...</c>; view and order come from report code, never from users.</summary>
    /// <remarks>Views do not order their rows (a view is a set; an ORDER BY inside it is not a promise to its readers),
    /// so every reader states the order its output is written in.</remarks>
    public static ReportTable View(DuckDBConnection connection, string name, string view, string orderBy)
    {
        var sql = $"SELECT * FROM {view} ORDER BY {orderBy}";
        return new ReportTable(name, view, Read(connection, sql, new Dictionary<string, object>()));
    }

    /// <summary>Runs an embedded query file (reports/**/queries/*.sql) with its values bound as parameters.</summary>
    public static ReportTable Query(DuckDBConnection connection, string name, string sql, string source, IReadOnlyDictionary<string, object> parameters)
    {
        var bound = string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
        return new ReportTable(name, $"{source} ({bound})", Read(connection, sql, parameters));
    }

    /// <summary>The text of a query file embedded in this assembly, by its path under reports/ (e.g. Workload/queries/x.sql).</summary>
    public static string EmbeddedSql(string path)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"query file {path} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static QueryResult Read(DuckDBConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        try
        {
            return QueryRunner.Read(connection, sql, parameters);
        }
        catch (DuckDBException ex)
        {
            throw new WccException($"reading the marts failed: {ex.Message.Split('\n')[0]}",
                new Remedy(RemedyAction.MigrateWarehouse), hint: "the warehouse may predate the mart views");
        }
    }
}
