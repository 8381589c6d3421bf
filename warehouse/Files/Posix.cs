using System.Runtime.InteropServices;

namespace Wcc.Warehouse.Files;

/// <summary>The few Linux calls .NET does not expose: advisory locks we can read past, an atomic directory swap, signals to a process group.</summary>
/// <remarks>
/// .NET emulates FileShare.None with flock on every open, so a second process could not even read the PID out of a
/// lock file it failed to take; opening through libc keeps the lock and the PID readable. Linux x86-64 (Debian) only.
/// </remarks>
public static class Posix
{
    /// <summary>glibc by its soname: "libc" alone would first find libc.so, a linker script where libc6-dev is installed.</summary>
    private const string LibC = "libc.so.6";

    private const int OpenReadWrite = 0x2, OpenCreate = 0x40, OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2, LockNonBlocking = 4;
    private const int AtCurrentDirectory = -100, RenameExchange = 2;

    /// <summary>errno of "the lock is held" (EWOULDBLOCK).</summary>
    private const int WouldBlock = 11;

    /// <summary>SIGKILL, for process groups that must not outlive wcc.</summary>
    public const int SignalKill = 9;

    [DllImport(LibC, EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport(LibC, EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);

    [DllImport(LibC, EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport(LibC, EntryPoint = "pwrite", SetLastError = true)]
    private static extern nint PWrite(int fd, byte[] buffer, nint count, long offset);

    [DllImport(LibC, EntryPoint = "ftruncate", SetLastError = true)]
    private static extern int FTruncate(int fd, long length);

    [DllImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    [DllImport(LibC, EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDir, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDir,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    [DllImport(LibC, EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>
    /// Takes an exclusive flock on <paramref name="path"/> (created if missing) and writes our PID into it. Returns the
    /// open descriptor, or -1 with the holder's PID (null when it has not written it yet) when another process holds it.
    /// </summary>
    /// <remarks>The kernel drops the lock when the holder dies, even by SIGKILL: a lock is never stale.</remarks>
    public static int TryLock(string path, out int? holder)
    {
        holder = null;
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, Convert.ToInt32("644", 8));
        if (fd < 0) throw new IOException($"cannot open the lock file {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var buffer = new byte[32];
            var read = Read(fd, buffer, buffer.Length);
            Close(fd);
            if (error != WouldBlock) throw new IOException($"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(error)}");
            if (read > 0 && int.TryParse(System.Text.Encoding.ASCII.GetString(buffer, 0, (int)read).Trim(), out var pid)) holder = pid;
            return -1;
        }
        var text = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId + "\n");
        // The PID is diagnostic only: a lock file we cannot annotate is still a lock.
        if (FTruncate(fd, 0) == 0) PWrite(fd, text, text.Length, 0);
        return fd;
    }

    /// <summary>Releases a lock taken by <see cref="TryLock"/>.</summary>
    public static void Unlock(int fd)
    {
        if (fd >= 0) Close(fd);
    }

    /// <summary>Swaps two existing paths in one step (renameat2 RENAME_EXCHANGE); false where the file system cannot.</summary>
    public static bool TryExchange(string a, string b) => RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0;

    /// <summary>Sends <paramref name="signal"/> to every process of the group led by <paramref name="groupLeader"/>.</summary>
    public static void KillGroup(int groupLeader, int signal)
    {
        if (groupLeader > 1) Kill(-groupLeader, signal);
    }
}
