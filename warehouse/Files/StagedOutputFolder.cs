using System.Text.Json;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Files;

/// <summary>
/// An output folder written all-or-nothing: a command writes into <see cref="Staging"/>, a hidden sibling of the
/// target, and <see cref="Commit"/> swaps it in only once every file is verified. Until then the previous output is
/// untouched; a failure, an exception or a kill leaves it as it was.
/// </summary>
/// <remarks>
/// Beside the target, in its parent folder: <c>.NAME.lock</c> (flock, holds the writer's PID; the kernel drops it when
/// the writer dies), <c>.NAME.tmp-PID</c> (the staging folder) and, for a moment during the swap on file systems
/// without an atomic exchange, <c>.NAME.old-PID</c>. A run that holds the lock removes the staging folders of killed
/// runs and puts back an old folder a kill stranded mid-swap. The lock file itself stays: removing it while others may
/// be opening it would let two writers each hold "the" lock.
/// Ownership: the output carries <see cref="ManifestFile"/>, the list of files the command wrote. --overwrite replaces
/// only those; anything else in the folder (a note the user added) is carried over into the new output.
/// </remarks>
public sealed class StagedOutputFolder : IDisposable
{
    /// <summary>The list of files a wcc command wrote into its output folder (relative paths, '/' separated).</summary>
    public const string ManifestFile = ".wcc-manifest.json";

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // File names stay readable (units/市妇联.html); the manifest is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string displayName;
    private readonly string command;
    private readonly string parent;
    private readonly string name;
    private readonly IReadOnlyList<string> userEntries;
    private int lockFd;
    private bool committed;

    private StagedOutputFolder(string displayName, string command, string target, int lockFd, IReadOnlyList<string> userEntries)
    {
        this.displayName = displayName;
        this.command = command;
        Target = target;
        parent = Path.GetDirectoryName(target)!;
        name = Path.GetFileName(target);
        this.lockFd = lockFd;
        this.userEntries = userEntries;
        Staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}");
    }

    /// <summary>The folder the output ends up in (absolute).</summary>
    public string Target { get; }

    /// <summary>The folder to write into; it becomes <see cref="Target"/> on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Where a file written under <see cref="Staging"/> will be once committed.</summary>
    public string Final(string stagedPath) => Path.Combine(Target, Path.GetRelativePath(Staging, stagedPath));

    /// <summary>
    /// Opens <paramref name="directory"/> for writing by <paramref name="command"/> (e.g. "wcc pack"), runs
    /// <paramref name="write"/> against the staging folder and commits. Write errors (a full disk, a permission) become
    /// one message naming the path, and the previous output stays.
    /// </summary>
    public static T Write<T>(string directory, bool overwrite, string command, Func<StagedOutputFolder, T> write)
    {
        using var folder = Open(directory, overwrite, command);
        try
        {
            var result = write(folder);
            folder.Commit();
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw folder.WriteFailed(ex.Message);
        }
        catch (DuckDBException ex) when (ex.ErrorType is DuckDBErrorType.Io or DuckDBErrorType.Permission)
        {
            // COPY ... TO into the staging folder: DuckDB reports a full disk as an IO error.
            throw folder.WriteFailed(ex.Message.Trim());
        }
    }

    /// <summary>Locks the target, checks that it may be replaced, and creates an empty staging folder.</summary>
    /// <exception cref="WccException">The target is a file, the root or the working folder; holds files without --overwrite;
    /// holds files no wcc command recorded; or is being written by another process.</exception>
    public static StagedOutputFolder Open(string directory, bool overwrite, string command)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (Path.GetPathRoot(target) == target || Path.GetFileName(target).Length == 0)
        {
            throw new WccException($"{InputOption.Output.Ref()} {directory} is the root of the file system", "choose a folder of its own for the output", exitCode: 2);
        }
        var cwd = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        if (cwd == target || cwd.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new WccException($"{InputOption.Output.Ref()} {directory} is the current folder or holds it", "choose a folder of its own for the output, e.g. out/NAME", exitCode: 2);
        }
        if (File.Exists(target)) throw new WccException($"{InputOption.Output.Ref()} {directory} is a file, not a folder", "choose a folder for the output", exitCode: 2);
        var parent = Directory.CreateDirectory(Path.GetDirectoryName(target)!).FullName;
        var name = Path.GetFileName(target);

        var fd = Posix.TryLock(Path.Combine(parent, $".{name}.lock"), out var holder);
        if (fd < 0)
        {
            throw new WccException(
                holder is null ? $"{directory} is being written by another wcc process" : $"{directory} is being written by PID {holder}",
                $"wait for that command to finish (or stop it), or choose another {InputOption.Output.Ref()} folder", exitCode: 3);
        }
        try
        {
            RecoverStale(parent, name, target);
            var userEntries = CheckReplaceable(directory, target, overwrite, command);
            var folder = new StagedOutputFolder(directory, command, target, fd, userEntries);
            Directory.CreateDirectory(folder.Staging);
            return folder;
        }
        catch
        {
            Posix.Unlock(fd);
            throw;
        }
    }

    /// <summary>Verifies every staged file, writes the manifest, carries the user's own files over and swaps the staging folder in.</summary>
    public void Commit()
    {
        if (committed) throw new InvalidOperationException("output already committed");
        var written = Directory.EnumerateFiles(Staging, "*", SearchOption.AllDirectories)
            .Select(f => Relative(Staging, f)).Order(StringComparer.Ordinal).ToList();
        foreach (var file in written)
        {
            if (OutputFileCheck.Problem(Path.Combine(Staging, file)) is { } problem)
            {
                throw WriteFailed($"{Path.Combine(Target, file)} {problem}");
            }
        }
        var clash = userEntries.FirstOrDefault(u => written.Contains(u, StringComparer.Ordinal));
        if (clash is not null)
        {
            throw new WccException($"{Path.Combine(Target, clash)} is not in the previous output's {ManifestFile}, and {command} would now write it",
                "move that file out of the folder (it is yours, so wcc does not replace it), then run again", exitCode: 2);
        }
        var manifest = JsonSerializer.Serialize(new Manifest(command, written), ManifestJson);
        File.WriteAllText(Path.Combine(Staging, ManifestFile), manifest + "\n");
        foreach (var entry in userEntries) CarryOver(entry);
        Swap();
        committed = true;
    }

    /// <summary>A write failure as the user should read it: the path, and that the previous output is unchanged.</summary>
    public WccException WriteFailed(string detail) =>
        new($"could not write {displayName}: {detail}; nothing was replaced, the previous content of {Target} is unchanged",
            "free disk space or fix the folder's permissions, then run again", exitCode: 2);

    /// <summary>Removes the staging folder unless committed, and releases the lock.</summary>
    public void Dispose()
    {
        if (!committed) TryDelete(Staging);
        Posix.Unlock(lockFd);
        lockFd = -1;
    }

    private void Swap()
    {
        if (!Directory.Exists(Target))
        {
            Directory.Move(Staging, Target);
            return;
        }
        // One atomic step where the file system allows it; otherwise two renames, and a kill between them is
        // repaired by the next run (RecoverStale puts the old folder back).
        if (Posix.TryExchange(Staging, Target))
        {
            TryDelete(Staging);
            return;
        }
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Directory.Move(Target, old);
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            Directory.Move(old, Target);
            throw;
        }
        TryDelete(old);
    }

    private void CarryOver(string entry)
    {
        var from = Path.Combine(Target, entry);
        var to = Path.Combine(Staging, entry);
        if (Directory.Exists(from))
        {
            Directory.CreateDirectory(to);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        // A copy, not a move: until the swap, the user's file must stay where it was.
        File.Copy(from, to);
    }

    /// <summary>The user's entries to keep: everything in the target that its manifest does not list (empty when the target is new or empty).</summary>
    private static IReadOnlyList<string> CheckReplaceable(string display, string target, bool overwrite, string command)
    {
        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any()) return [];
        if (!overwrite)
        {
            throw new WccException($"{display} already holds files", $"pass {InputOption.Overwrite.Ref()} to replace the output, or choose another {InputOption.Output.Ref()} folder", exitCode: 2);
        }
        var manifestPath = Path.Combine(target, ManifestFile);
        Manifest? manifest = null;
        try
        {
            if (File.Exists(manifestPath)) manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath), ManifestJson);
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest?.Files is null || manifest.Command is null)
        {
            throw new WccException($"{display} holds files that no wcc command recorded writing (no readable {ManifestFile})",
                $"{InputOption.Overwrite.Ref()} replaces only a wcc output: choose an empty or new {InputOption.Output.Ref()} folder, or empty this one yourself", exitCode: 2);
        }
        if (manifest.Command != command)
        {
            throw new WccException($"{display} holds the output of `{manifest.Command}`, not of `{command}`",
                $"choose another {InputOption.Output.Ref()} folder, so that one command's output does not replace another's", exitCode: 2);
        }
        var owned = new HashSet<string>(manifest.Files, StringComparer.Ordinal) { ManifestFile };
        var entries = Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories).ToList();
        // A folder is the user's when it holds a file of theirs, or when it is empty (the command never leaves one).
        return entries
            .Select(e => (Path: Relative(target, e), IsDirectory: Directory.Exists(e)))
            .Where(e => e.IsDirectory ? !Directory.EnumerateFileSystemEntries(Path.Combine(target, e.Path)).Any() : !owned.Contains(e.Path))
            .Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Under the lock no other writer is alive, so every staging folder beside the target is a killed run's.</summary>
    private static void RecoverStale(string parent, string name, string target)
    {
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.tmp-*")) TryDelete(stale);
        foreach (var old in Directory.EnumerateDirectories(parent, $".{name}.old-*"))
        {
            // Killed between "old aside" and "new in": the old folder is the last complete output.
            if (!Directory.Exists(target)) Directory.Move(old, target);
            else TryDelete(old);
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder is removed by the next run; it must not turn a good write into a failure.
        }
    }

    /// <summary>The manifest's shape.</summary>
    private sealed record Manifest(string? Command, IReadOnlyList<string>? Files);
}
