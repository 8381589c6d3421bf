using Wcc.Tests.Support;
using Wcc.Warehouse.Schema;

namespace Wcc.Tests.Warehouse;

/// <summary>The research views are a documented contract: every column of every v_* view carries a COMMENT ON, and `wcc dictionary` prints it.</summary>
public class ColumnCommentTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    /// <summary>The README's stable research contract; the test also covers every other v_* view.</summary>
    private static readonly string[] ContractViews =
        ["v_task_assignment", "v_target", "v_target_scope", "v_observation", "v_forecast", "v_observation_history", "v_reference_value"];

    [Fact]
    public void EveryResearchViewColumn_HasAComment()
    {
        var columns = ViewColumns();
        foreach (var view in ContractViews) Assert.Contains(columns, c => c.View == view);

        var missing = columns.Where(c => string.IsNullOrWhiteSpace(c.Comment)).Select(c => $"{c.View}.{c.Column}").ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} research view column(s) without COMMENT ON COLUMN in warehouse/sql: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Dictionary_DescribesEveryResearchViewColumn()
    {
        var markdown = DataDictionary.ToMarkdown(warehouse.Connection);

        foreach (var (view, column, comment) in ViewColumns())
        {
            var section = markdown[markdown.IndexOf($"## {view}\n", StringComparison.Ordinal)..];
            var row = section.Split('\n').First(l => l.StartsWith($"| {column} |", StringComparison.Ordinal));
            Assert.EndsWith($"| {comment!.Replace("|", "\\|")} |", row);
        }
    }

    private List<(string View, string Column, string? Comment)> ViewColumns()
    {
        var result = new List<(string, string, string?)>();
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT c.table_name, c.column_name, c.comment FROM duckdb_columns() c
            JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name AND v.database_name = c.database_name
            WHERE c.schema_name = 'main' AND NOT v.internal AND c.table_name LIKE 'v\_%' ESCAPE '\'
            ORDER BY c.table_name, c.column_index
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return result;
    }
}
