using System.Net;
using System.Text.RegularExpressions;

namespace Wcc.Reports.Pack.Docx;

/// <summary>An element (or a text run, <see cref="Tag"/> = "#text") of a page the pack's <see cref="Html"/> builder wrote.</summary>
public sealed class HtmlNode(string tag, IReadOnlyDictionary<string, string> attributes, string? text = null)
{
    public const string TextTag = "#text";

    public string Tag { get; } = tag;

    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    /// <summary>Decoded text of a text node; null for elements.</summary>
    public string? Text { get; } = text;

    public List<HtmlNode> Children { get; } = [];

    public bool HasClass(string cssClass) =>
        Attributes.TryGetValue("class", out var classes) && classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>All text below this node, in order (line breaks of pre-line cells kept).</summary>
    public string InnerText() => Text ?? string.Concat(Children.Select(c => c.InnerText()));

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<HtmlNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));
}

/// <summary>
/// Reads the body of a page the pack wrote into a tree. Not a general HTML parser: the pack's pages are produced by
/// <see cref="Html"/>, which escapes every piece of data and writes markup only from constants, so the input is a small,
/// well-nested subset (sections, headings, paragraphs, tables, figures with data-URI images, lists, divs with classes).
/// </summary>
public static partial class HtmlTree
{
    /// <summary>Elements that have no end tag.</summary>
    private static readonly HashSet<string> VoidElements = ["img", "br", "meta", "hr", "link", "input"];

    /// <summary>The &lt;body&gt; of <paramref name="page"/> as a tree (its root is the body element).</summary>
    public static HtmlNode ParseBody(string page)
    {
        var start = page.IndexOf("<body", StringComparison.Ordinal);
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new FormatException("the page has no <body>");
        var bodyOpen = page.IndexOf('>', start) + 1;
        var root = new HtmlNode("body", new Dictionary<string, string>());
        var open = new Stack<HtmlNode>();
        open.Push(root);
        var position = bodyOpen;
        foreach (Match tag in Tag().Matches(page[..end], bodyOpen))
        {
            if (tag.Index > position) AddText(open.Peek(), page[position..tag.Index]);
            position = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["close"].Success)
            {
                // Close up to the matching element; a stray end tag (none are written) is ignored.
                if (open.Any(n => n.Tag == name))
                {
                    while (open.Peek().Tag != name) open.Pop();
                    open.Pop();
                }
                continue;
            }
            var attributes = Attribute().Matches(tag.Groups["attributes"].Value)
                .ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            var node = new HtmlNode(name, attributes);
            open.Peek().Children.Add(node);
            if (!VoidElements.Contains(name)) open.Push(node);
        }
        if (end > position) AddText(open.Peek(), page[position..end]);
        return root;
    }

    private static void AddText(HtmlNode parent, string raw)
    {
        if (raw.Length == 0) return;
        parent.Children.Add(new HtmlNode(HtmlNode.TextTag, new Dictionary<string, string>(), WebUtility.HtmlDecode(raw)));
    }

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
