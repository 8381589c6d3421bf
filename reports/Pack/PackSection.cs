using Wcc.Reports.Common;

namespace Wcc.Reports.Pack;

/// <summary>One section of the pack: its anchor, title, HTML body and the tables it shows (which also go to tables.xlsx).</summary>
public sealed record PackSection(string Id, string Title, string Body, IReadOnlyList<SheetTable> Tables);

/// <summary>Picks and renames columns of a report table for people: the same selection feeds the HTML and the workbook.</summary>
public static class TableView
{
    /// <summary>The selected columns (view column, Chinese header) of the given rows as a sheet table.</summary>
    public static SheetTable Select(string sheetName, ReportTable table, IReadOnlyList<(string Column, string Header)> columns, IEnumerable<object?[]>? rows = null)
    {
        var indexes = columns.Select(c => table.Column(c.Column)).ToArray();
        var selected = (rows ?? table.Data.Rows).Select(r => indexes.Select(i => r[i]).ToArray()).ToList();
        return new SheetTable(sheetName, columns.Select(c => c.Header).ToList(), selected);
    }

    /// <summary>Columns computed from several view columns (e.g. value with unit and year), for tables that must fit an A4 page.</summary>
    public static SheetTable Compose(string sheetName, ReportTable table, IReadOnlyList<(string Header, Func<Func<string, object?>, object?> Value)> columns, IEnumerable<object?[]>? rows = null)
    {
        var selected = (rows ?? table.Data.Rows)
            .Select(r => columns.Select(c => c.Value(name => r[table.Column(name)])).ToArray())
            .ToList();
        return new SheetTable(sheetName, columns.Select(c => c.Header).ToList(), selected);
    }

    /// <summary>Writes a sheet table as an HTML table with an optional caption.</summary>
    public static Html Render(Html html, SheetTable table, string? caption = null) =>
        html.Table(table.Columns, table.Rows, caption);

    /// <summary>Rows of <paramref name="table"/> whose column equals <paramref name="value"/>.</summary>
    public static IEnumerable<object?[]> Where(ReportTable table, string column, object? value)
    {
        var i = table.Column(column);
        return table.Data.Rows.Where(r => Equals(Normalise(r[i]), Normalise(value)));
    }

    private static object? Normalise(object? v) => v switch
    {
        int or long or short => Convert.ToInt64(v),
        _ => v,
    };
}
