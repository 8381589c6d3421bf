using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Common;

/// <summary>The --out rule of the reports: a folder that already holds files is written into only with --overwrite.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="directory"/>, or refuses when it is a file or (without <paramref name="overwrite"/>) not empty.</summary>
    /// <remarks>With overwrite the report's files are replaced in place; nothing else in the folder is removed.</remarks>
    public static void Prepare(string directory, bool overwrite)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full)) throw new WccException($"--out {directory} is a file, not a folder", "choose a folder for the report", exitCode: 2);
        if (!overwrite && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new WccException($"{directory} already holds files", "pass --overwrite to replace the report, or choose another --out folder", exitCode: 2);
        }
        Directory.CreateDirectory(full);
    }
}
