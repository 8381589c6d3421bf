using Wcc.Warehouse.Query;

namespace Wcc.Reports.Common;

/// <summary>A table a report read from a warehouse view (or a bound query), kept so the evaluation pack can reuse it.</summary>
/// <param name="Name">Short stable name, e.g. unit_workload.</param>
/// <param name="Source">Where it came from: the view name, or the query file and its bound values.</param>
public sealed record ReportTable(string Name, string Source, QueryResult Data)
{
    /// <summary>Column index by name; throws when the view lacks it (a contract break, not user error).</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Data.Columns.Count; i++)
        {
            if (Data.Columns[i] == name) return i;
        }
        throw new InvalidOperationException($"{Source} has no column {name}");
    }

    /// <summary>The values of one column, in row order.</summary>
    public IEnumerable<object?> Values(string column)
    {
        var i = Column(column);
        return Data.Rows.Select(r => r[i]);
    }
}

/// <summary>What a report produced: the files written (charts, CSVs, captions) and the tables behind them.</summary>
public sealed record ReportOutput(string Title, IReadOnlyList<string> Files, IReadOnlyList<ReportTable> Tables, IReadOnlyList<Charts.ChartCaption> Captions)
{
    /// <summary>A table by name; throws when the report did not produce it.</summary>
    public ReportTable Table(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"report {Title} has no table {name}");

    /// <summary>The same output with each file path mapped to where it ended up (staging folder to output folder).</summary>
    public ReportOutput Relocated(Func<string, string> finalPath) => this with { Files = Files.Select(finalPath).ToList() };
}
