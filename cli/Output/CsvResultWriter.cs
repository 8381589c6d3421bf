using Wcc.Warehouse.Query;

namespace Wcc.Cli.Output;

/// <summary>
/// RFC 4180 CSV with DuckDB's exact text: ISO dates, <c>true</c>/<c>false</c>, full DECIMAL/HUGEINT digits, lists and
/// structs as JSON, BLOBs as base64, an empty field for NULL. No formula guard: a researcher's output is the data as
/// stored (the office-facing CSVs of reports and exports keep theirs). Several statements give several blocks, each with
/// its header, separated by an empty line.
/// </summary>
internal sealed class CsvResultWriter(TextWriter output) : ResultWriter
{
    private int blocks;

    public override void Begin(SqlStatementText statement, IReadOnlyList<ResultColumn> columns)
    {
        if (blocks++ > 0) output.Write('\n');
        WriteRecord(columns.Select(c => c.Name).ToList());
    }

    public override bool Row(IReadOnlyList<string?> values)
    {
        WriteRecord(values);
        return true;
    }

    public override void End(long rowsRead, bool stoppedEarly) => output.Flush();

    public override void Flush() => output.Flush();

    private void WriteRecord(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(',');
            var field = fields[i];
            if (field is null) continue;
            if (field.AsSpan().IndexOfAny(",\"\n\r") < 0) output.Write(field);
            else
            {
                output.Write('"');
                output.Write(field.Replace("\"", "\"\""));
                output.Write('"');
            }
        }
        output.Write('\n');
    }
}
