using Wcc.Cli.Commands;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Output;

/// <summary>Writes streamed query results in one of the output formats; one instance per command or shell.</summary>
internal abstract class ResultWriter : IResultSink
{
    public abstract void Begin(SqlStatementText statement, IReadOnlyList<ResultColumn> columns);

    public abstract bool Row(IReadOnlyList<string?> values);

    public abstract void End(long rowsRead, bool stoppedEarly);

    /// <summary>Flushes what is buffered (called after each statement and before errors are printed).</summary>
    public abstract void Flush();

    public static ResultWriter For(OutputFormat format, TextWriter output, TextWriter notes) => format switch
    {
        OutputFormat.Csv => new CsvResultWriter(output),
        OutputFormat.Json => new JsonResultWriter(output, notes),
        _ => new TableResultWriter(output),
    };
}
