using System.Text;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Shell;

/// <summary>
/// Runs a script piped into `wcc sql` (or given as its argument): no prompts; every statement is screened before the
/// first one runs, then statements and dot-commands run in order, and the first error ends the run with its statement
/// number and a non-zero exit.
/// </summary>
internal static class SqlScriptRunner
{
    private sealed record Chunk(bool IsDotCommand, string Text, int Line);

    public static void Run(SqlSession session, TextReader input)
    {
        var chunks = Read(input);
        session.Screen(chunks.Where(c => !c.IsDotCommand).Select(c => (c.Text, c.Line)));
        foreach (var chunk in chunks)
        {
            if (!chunk.IsDotCommand) session.Run(chunk.Text, chunk.Line);
            else if (!session.Dot(chunk.Text, [])) return;
        }
    }

    /// <summary>Cuts the script into dot-command lines and SQL chunks that end with a `;` (the last may end without one).</summary>
    private static List<Chunk> Read(TextReader input)
    {
        var chunks = new List<Chunk>();
        var buffer = new StringBuilder();
        var bufferLine = 1;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                chunks.Add(new Chunk(true, line.Trim(), lineNumber));
                continue;
            }
            if (buffer.Length == 0) bufferLine = lineNumber;
            buffer.Append(line).Append('\n');
            if (!SqlStatementSplitter.IsComplete(buffer.ToString())) continue;
            chunks.Add(new Chunk(false, buffer.ToString(), bufferLine));
            buffer.Clear();
        }
        if (buffer.Length > 0) chunks.Add(new Chunk(false, buffer.ToString(), bufferLine));
        return chunks;
    }
}
