using System.Runtime.InteropServices;

namespace Wcc.Warehouse.Connection;

/// <summary>What another process holds on the warehouse file: a reader's shared lock or a writer's exclusive one.</summary>
public enum LockKind { Unknown, Read, Write }

/// <summary>Finds out, from the kernel's lock table, whether a process named by DuckDB reads or writes the file.</summary>
/// <remarks>DuckDB takes an fcntl read lock for READ_ONLY connections and a write lock otherwise; /proc/locks lists them
/// with the holder's PID and the file's inode, so messages can say "being read" or "being written" as it is.</remarks>
public static class LockHolder
{
    private const string LockTable = "/proc/locks";

    public static LockKind KindHeldBy(int pid, string path)
    {
        try
        {
            var inode = Inode(path);
            if (inode is null || !File.Exists(LockTable)) return LockKind.Unknown;
            var kinds = new HashSet<LockKind>();
            foreach (var line in File.ReadLines(LockTable))
            {
                // e.g. "12: POSIX  ADVISORY  READ 4242 fd:01:1234 0 EOF" (blocked waiters carry a "->" marker).
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 6 || fields[1] != "POSIX") continue;
                if (!int.TryParse(fields[4], out var holder) || holder != pid) continue;
                if (!fields[5].EndsWith($":{inode}", StringComparison.Ordinal)) continue;
                kinds.Add(fields[3] == "READ" ? LockKind.Read : fields[3] == "WRITE" ? LockKind.Write : LockKind.Unknown);
            }
            return kinds.Count == 1 ? kinds.First() : LockKind.Unknown;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return LockKind.Unknown;
        }
    }

    /// <summary>The file's inode number (st_ino, the second field of struct stat on 64-bit Linux).</summary>
    private static ulong? Inode(string path)
    {
        var buffer = new byte[256];
        return Stat(Path.GetFullPath(path), buffer) == 0 ? BitConverter.ToUInt64(buffer, 8) : null;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int Stat(string path, byte[] buffer);
}
