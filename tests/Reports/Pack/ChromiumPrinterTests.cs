using System.Diagnostics;
using Wcc.Reports.Pack;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Pack;

[Trait("Category", "Slow")]
public class ChromiumPrinterTests
{
    [Fact]
    public void PrintToPdf_ChineseA4Page_GivesAPdfWithPages()
    {
        Assert.True(ChromiumPrinter.Find() is not null, "chromium must be installed (scripts/setup-os.sh)");
        using var tmp = new TempDirectory();
        var html = tmp.File("p.html");
        File.WriteAllText(html, "<!doctype html><meta charset=utf-8><style>@page{size:A4}</style><h1>妇女儿童</h1><p style='break-before:page'>第二页</p>");
        var pdf = tmp.File("p.pdf");
        Assert.Null(ChromiumPrinter.PrintToPdf(html, pdf));
        Assert.Equal(2, PdfPages(pdf));
    }

    /// <summary>Reads the page count with poppler's pdfinfo, as a person checking the PDF would.</summary>
    internal static int PdfPages(string pdf)
    {
        var start = new ProcessStartInfo("pdfinfo", [pdf]) { RedirectStandardOutput = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var line = output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }
}
