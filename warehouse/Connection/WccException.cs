namespace Wcc.Warehouse.Connection;

/// <summary>An error a person can act on: what went wrong, where, and what to do next.</summary>
/// <remarks>The CLI prints these as one or two plain lines and exits non-zero; anything else is a bug.</remarks>
public class WccException(string message, string? hint = null, int exitCode = 1) : Exception(message)
{
    /// <summary>An error whose remedy is a step of the tool (build, load, …): the CLI renders it with its command names.</summary>
    /// <param name="hint">Prose said before the remedy, or null.</param>
    public WccException(string message, Remedy remedy, int exitCode = 1, string? hint = null) : this(message, hint, exitCode) => Remedy = remedy;

    /// <summary>What the user should do about it in words, or null when the message (or the remedy) says it all.</summary>
    public string? Hint { get; } = hint;

    /// <summary>The step of the tool that helps, or null; only the CLI knows how it is spelled (command, options).</summary>
    public Remedy? Remedy { get; }

    /// <summary>Process exit code the CLI returns for this error.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>The warehouse file is held by another process: a writer, or (for a writer) a reader still running its query.</summary>
public sealed class WarehouseLockedException(string path, int? pid, LockKind kind)
    : WccException(
        $"the warehouse {path} is being {(kind == LockKind.Read ? "read" : kind == LockKind.Write ? "written" : "used")} by {(pid is null ? "another process" : $"PID {pid}")}",
        kind == LockKind.Read
            ? "a reader holds the file only while its query runs: wait for it to finish (or stop it), then try again"
            : "wait for that process to finish (or stop it), then try again",
        exitCode: 3)
{
    /// <summary>The process holding the lock, when DuckDB names it.</summary>
    public int? Pid { get; } = pid;

    /// <summary>Whether that process reads or writes the file.</summary>
    public LockKind Kind { get; } = kind;
}
