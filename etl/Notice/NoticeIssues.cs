using DuckDB.NET.Data;

using Wcc.Notice;

namespace Wcc.Etl.Notice;

/// <summary>Warnings and refusals of one notice load, written to etl_reject one row per line and reason.</summary>
internal sealed class NoticeIssues
{
    private const string Warning = "warning";
    private const string Error = "error";

    private readonly List<(int Line, string Code, string Message, int? TaskNo, string Severity)> issues = [];

    public NoticeIssues(IEnumerable<NoticeWarning> parserWarnings)
    {
        foreach (var w in parserWarnings) issues.Add((w.Line, w.Code, w.Message, w.TaskNo, Warning));
    }

    public void Warn(int line, string code, string message, int? taskNo) => issues.Add((line, code, message, taskNo, Warning));

    public void Reject(int line, string code, string message) => issues.Add((line, code, message, null, Error));

    /// <summary>Distinct lines and reasons warned about (what etl_reject receives as warnings).</summary>
    public int WarningCount => issues.Where(i => i.Severity == Warning).Select(i => (i.Line, i.Code)).Distinct().Count();

    /// <summary>True when a warning names the task or falls on one of its lines.</summary>
    public bool Concerns(ParsedTask task) =>
        issues.Any(i => i.Severity == Warning && (i.TaskNo == task.No || (i.TaskNo is null && i.Line >= task.LineFrom && i.Line <= task.LineTo)));

    /// <summary>Appends the issues to etl_reject; the key is load x line x reason, so same-line same-reason messages merge.</summary>
    public void Write(DuckDBConnection connection, int loadId, string path, IReadOnlyList<string> lines)
    {
        using var appender = connection.CreateAppender("etl_reject");
        foreach (var group in issues.GroupBy(i => (i.Line, i.Code)).OrderBy(g => g.Key.Line).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var (line, code) = group.Key;
            var raw = line >= 1 && line <= lines.Count ? lines[line - 1].TrimEnd('\r') : null;
            var severity = group.Any(i => i.Severity == Error) ? Error : Warning;
            appender.CreateRow()
                .AppendValue(loadId).AppendValue(path).AppendValue((long)line).AppendValue(raw).AppendValue(code)
                .AppendValue(string.Join("；", group.Select(i => i.Message).Distinct())).AppendValue(severity).EndRow();
        }
    }
}
