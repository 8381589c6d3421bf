using Spectre.Console;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Output;

/// <summary>A console table for people: at most <see cref="MaxRows"/> rows (the rest is not read), control bytes escaped.</summary>
internal sealed class TableResultWriter(TextWriter output) : ResultWriter
{
    /// <summary>More rows than a person reads on screen; CSV and JSON write every row.</summary>
    public const int MaxRows = 1000;

    private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
    private Table? table;
    private long rows;

    public override void Begin(SqlStatementText statement, IReadOnlyList<ResultColumn> columns)
    {
        table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(Markup.Escape(ControlText.Escape(column.Name)));
        rows = 0;
    }

    public override bool Row(IReadOnlyList<string?> values)
    {
        if (rows == MaxRows) return false;
        rows++;
        table!.AddRow(values.Select(v => Markup.Escape(v is null ? "NULL" : ControlText.Escape(v))).ToArray());
        return true;
    }

    public override void End(long rowsRead, bool stoppedEarly)
    {
        if (table is null) return;
        if (table.Columns.Count > 0) console.Write(table);
        console.MarkupLine(stoppedEarly
            ? $"[grey]first {MaxRows} rows shown; use --format csv or json (or LIMIT) for all[/]"
            : $"[grey]{rowsRead} row(s)[/]");
        output.Flush();
        table = null;
    }

    public override void Flush() => output.Flush();
}
