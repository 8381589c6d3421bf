using Wcc.Reports.Pack.Pdf;
using Wcc.Warehouse.Connection;

namespace Wcc.Reports.Pack;

/// <summary>Prints the pack with page numbers in its contents list: a browser cannot number a contents page before
/// it has laid out the pages, so the page is printed, the sections' pages are read back from the PDF, and the page is
/// printed again with them, until the numbers it prints are the pages the sections land on.</summary>
public static class PdfContents
{
    /// <summary>Most prints before giving up. The numbers sit on a line of their own per entry, so the second print
    /// normally keeps the layout of the first; a third covers a contents page that grew by a line.</summary>
    private const int MaxPrints = 3;

    /// <summary>The page the numbered copy is printed from; written in the (staging) output folder and removed after.</summary>
    private const string NumberedPageName = ".pack-print.html";

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> with <paramref name="printer"/>, then
    /// reprints <paramref name="render"/> (the same page with the contents' page numbers) with the same browser.</summary>
    /// <exception cref="WccException">A print failed, or the numbers do not settle (never seen: reported rather than printed wrong).</exception>
    public static void Print(PrintSession printer, string htmlPath, string pdfPath, Func<IReadOnlyDictionary<string, int>, string> render)
    {
        // Without poppler there is no way to read the pages back: the page is printed once, its contents without numbers.
        if (!ChromiumPrinter.CanReadPages)
        {
            printer.Print(htmlPath, pdfPath);
            return;
        }
        // The first print is only read for its layout: a draft (no tags, no outline) has the same pages and takes less time.
        // The loop below checks that the final print puts every section on the page its number says.
        printer.PrintDraft(htmlPath, pdfPath);
        var pages = ChromiumPrinter.DestinationPages(pdfPath)!;
        var numbered = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdfPath))!, NumberedPageName);
        try
        {
            for (var print = 2; print <= MaxPrints; print++)
            {
                File.WriteAllText(numbered, render(pages), new System.Text.UTF8Encoding(false));
                printer.Print(numbered, pdfPath);
                var printed = ChromiumPrinter.DestinationPages(pdfPath)!;
                if (pages.All(p => printed.TryGetValue(p.Key, out var at) && at == p.Value)) return;
                pages = printed;
            }
        }
        finally
        {
            File.Delete(numbered);
        }
        throw new WccException($"the contents of {pdfPath} did not settle on its page numbers after {MaxPrints} prints",
            "nothing was replaced (the previous output is unchanged); run again, and report it if it persists");
    }
}
