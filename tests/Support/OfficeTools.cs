using System.Diagnostics;

namespace Wcc.Tests.Support;

/// <summary>The command-line clients people open the pack with: LibreOffice (soffice), poppler (pdftotext, pdfinfo) and qpdf.</summary>
public static class OfficeTools
{
    /// <summary>Runs a program to its end (at most three minutes) and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{program} did not finish within three minutes");
        }
        if (process.ExitCode != 0) throw new Xunit.Sdk.XunitException($"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Converts <paramref name="file"/> with headless LibreOffice (its own profile, so runs do not collide);
    /// returns the converted file's path. <paramref name="filter"/> is e.g. "pdf" or a csv filter string.</summary>
    public static string Convert(string file, string filter, string outDir, string extension)
    {
        Directory.CreateDirectory(outDir);
        var profile = Directory.CreateTempSubdirectory("wcc-lo-profile-");
        try
        {
            Run("soffice", $"-env:UserInstallation=file://{profile.FullName}", "--headless", "--convert-to", filter, "--outdir", outDir, file);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
        // One file per document; a workbook to csv gives one file per sheet (NAME-SHEET.csv).
        var converted = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + "." + extension);
        Assert.True(File.Exists(converted) || Directory.GetFiles(outDir, "*." + extension).Length > 0, $"LibreOffice wrote no {converted}");
        return converted;
    }

    /// <summary>The text of one page (from 1) of a PDF, as pdftotext reads it.</summary>
    public static string PageText(string pdf, int page) => Run("pdftotext", "-f", page.ToString(), "-l", page.ToString(), "-layout", pdf, "-");

    /// <summary>The text of every page of a PDF (pdftotext separates pages with form feeds), by page from 1.</summary>
    public static IReadOnlyList<string> Pages(string pdf) => Run("pdftotext", "-layout", pdf, "-").Split('\f');
}
