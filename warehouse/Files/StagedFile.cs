using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Files;

/// <summary>A single output file written all-or-nothing: into a hidden sibling first, renamed over the target once whole.</summary>
public static class StagedFile
{
    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/> (given the temporary path). An existing file is
    /// replaced only with <paramref name="overwrite"/>; on any failure it stays as it was and the temporary file is removed.
    /// </summary>
    public static void Write(string path, bool overwrite, Action<string> write)
    {
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target)) throw new WccException($"{InputOption.Output.Ref()} {path} is a folder, not a file", $"name the file to write, e.g. {InputOption.Output.Ref()} out/dictionary.md", exitCode: 2);
        if (File.Exists(target) && !overwrite)
        {
            throw new WccException($"{path} already exists", $"pass {InputOption.Overwrite.Ref()} to replace it, or choose another {InputOption.Output.Ref()} file", exitCode: 2);
        }
        var directory = Directory.CreateDirectory(Path.GetDirectoryName(target)!).FullName;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        try
        {
            write(temporary);
            if (OutputFileCheck.Problem(temporary) is { } problem) throw Failed(path, $"the written file {problem}");
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, ex.Message);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static WccException Failed(string path, string detail) =>
        new($"could not write {path}: {detail}; the previous file, if any, is unchanged", "free disk space or fix the folder's permissions, then run again", exitCode: 2);
}
