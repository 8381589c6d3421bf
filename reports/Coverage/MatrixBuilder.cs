using Wcc.Reports.Common;

namespace Wcc.Reports.Coverage;

/// <summary>Lays a long mart table (row key, column key, value) out as a matrix in the table's own order; no arithmetic.</summary>
internal sealed class MatrixBuilder
{
    public List<string> Rows { get; } = [];
    public List<string> Columns { get; } = [];
    public double[,] Values { get; private set; } = new double[0, 0];
    public string?[,] Text { get; private set; } = new string?[0, 0];

    public static MatrixBuilder From(ReportTable table, string rowColumn, string columnColumn, string valueColumn, Func<object?[], string?> text)
    {
        var vi = table.Column(valueColumn);
        return From(table, rowColumn, columnColumn, row => Cells.Number(row[vi]), text);
    }

    /// <summary>As above, with each cell's value computed from its row (a category, or a score that needs two columns).</summary>
    public static MatrixBuilder From(ReportTable table, string rowColumn, string columnColumn, Func<object?[], double> value, Func<object?[], string?> text)
    {
        var m = new MatrixBuilder();
        var (ri, ci) = (table.Column(rowColumn), table.Column(columnColumn));
        foreach (var row in table.Data.Rows)
        {
            var r = Cells.Text(row[ri]);
            var c = Cells.Text(row[ci]);
            if (!m.Rows.Contains(r)) m.Rows.Add(r);
            if (!m.Columns.Contains(c)) m.Columns.Add(c);
        }
        m.Values = new double[m.Rows.Count, m.Columns.Count];
        m.Text = new string?[m.Rows.Count, m.Columns.Count];
        for (var r = 0; r < m.Rows.Count; r++)
        {
            for (var c = 0; c < m.Columns.Count; c++) m.Values[r, c] = double.NaN;
        }
        foreach (var row in table.Data.Rows)
        {
            var r = m.Rows.IndexOf(Cells.Text(row[ri]));
            var c = m.Columns.IndexOf(Cells.Text(row[ci]));
            m.Values[r, c] = value(row);
            m.Text[r, c] = text(row);
        }
        return m;
    }
}
