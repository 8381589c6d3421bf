using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Files;

/// <summary>What every loader asks of an input path before reading it: a file, not a folder, a device or a pipe.</summary>
/// <remarks>Devices and pipes (/dev/zero, /dev/urandom, a FIFO) report a length of 0 and never end, so a loader that
/// hashes or reads them whole would run for ever. A regular file's length is its size: when it says 0 but a byte can
/// still be read, the path is a device or a pipe and is refused before anything more is read; a truly empty file is left
/// to the loader, which says what is missing (the header row).</remarks>
public static class InputFile
{
    /// <param name="option">How the user named the file (<c>--observations</c>, areas.csv), for the hint.</param>
    public static void RequireReadable(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new WccException($"{path} is a folder, not a file", $"give {option} a file path", exitCode: 2);
        }
        if (!File.Exists(path)) throw new WccException($"file not found: {path}", $"check the path given to {option}", exitCode: 2);
        if (new FileInfo(path).Length > 0) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        if (stream.ReadByte() >= 0)
        {
            throw new WccException($"{path} is not a regular file (a device or a pipe, which may never end): nothing was loaded",
                $"for {option}, give a saved file (copy a pipe's output into a file first)", exitCode: 2);
        }
    }
}
