using System.Diagnostics;

namespace Wcc.Tests.Support;

/// <summary>Runs the real `wcc` CLI (the built wcc.dll beside the tests) as a separate process, as a user would.</summary>
public static class WccProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>True when either stream shows a .NET stack trace, which users must never see.</summary>
        public bool HasStackTrace => Stdout.Contains("   at ", StringComparison.Ordinal) || Stderr.Contains("   at ", StringComparison.Ordinal);
    }

    public static Result Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static Result RunWithInput(string workingDirectory, string? stdin, params string[] args) =>
        RunWithEnvironment(workingDirectory, stdin, new Dictionary<string, string>(), args);

    /// <summary>Runs `wcc` with extra environment variables (e.g. WCC_CHROMIUM to simulate a machine without a browser).</summary>
    public static Result RunWithEnvironment(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wcc {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts `wcc` without waiting, streams redirected, so a test can kill it mid-run.</summary>
    public static Process Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, new Dictionary<string, string>(), args);

    private static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wcc.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["HOME"] = workingDirectory;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start)!;
    }
}
