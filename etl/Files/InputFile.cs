using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Files;

/// <summary>What every loader asks of an input path before reading it: a regular file with something in it.</summary>
/// <remarks>Devices and pipes (/dev/zero, /dev/urandom, a FIFO) report a length of 0 and never end, so a loader that
/// hashes or reads them whole would run for ever. Every regular input file has a length, so 0 bytes means "empty or not a
/// file" and is refused before anything is read.</remarks>
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
        if (new FileInfo(path).Length == 0)
        {
            throw new WccException($"{path} has no data (empty file), or is not a regular file (a device or a pipe): nothing was loaded",
                $"for {option}, give a saved file with a header row (copy a pipe's output into a file first)", exitCode: 2);
        }
    }
}
