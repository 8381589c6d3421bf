using Wcc.Warehouse.Connection;

namespace Wcc.Warehouse.Files;

/// <summary>Reads a small input file (a notice, a scenario) whole, but never more than its limit: at most the limit
/// plus one byte is read, so /dev/zero, an endless pipe or a mistaken multi-GB file is refused at once, not read for ever.</summary>
public static class BoundedFile
{
    /// <summary>The bytes of <paramref name="path"/>; refuses a file longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="limitName">The constant that sets the limit, named in the message (NoticeLimits.MaxBytes).</param>
    /// <param name="hint">What to do instead.</param>
    public static byte[] Read(string path, int maxBytes, string what, string limitName, string hint)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        if (total > maxBytes)
        {
            throw new WccException($"{path} is larger than {Size(maxBytes)}, the limit for {what} ({limitName})", hint, exitCode: 2);
        }
        return buffer[..total];
    }

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
