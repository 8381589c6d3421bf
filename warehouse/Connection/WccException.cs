namespace Wcc.Warehouse.Connection;

/// <summary>An error a person can act on: what went wrong, where, and what to do next.</summary>
/// <remarks>The CLI prints these as one or two plain lines and exits non-zero; anything else is a bug.</remarks>
public class WccException(string message, string? hint = null, int exitCode = 1) : Exception(message)
{
    /// <summary>What the user should do about it, or null when the message says it all.</summary>
    public string? Hint { get; } = hint;

    /// <summary>Process exit code the CLI returns for this error.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>The warehouse file is held by another read-write process.</summary>
public sealed class WarehouseLockedException(string path, int? pid)
    : WccException(
        pid is null
            ? $"the warehouse {path} is being written by another process"
            : $"the warehouse {path} is being written by PID {pid}",
        "wait for that process to finish (or stop it), then try again",
        exitCode: 3)
{
    /// <summary>The process holding the write lock, when DuckDB names it.</summary>
    public int? Pid { get; } = pid;
}
