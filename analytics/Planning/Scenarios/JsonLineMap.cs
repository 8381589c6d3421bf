using System.Text;
using System.Text.Json;

namespace Wcc.Analytics.Planning.Scenarios;

/// <summary>The 1-based line of every JSON path in a document ($.targets[0].indicator), so errors found after parsing can name their line.</summary>
/// <remarks>System.Text.Json's DOM keeps no positions; one pass of the reader over the same bytes records them.</remarks>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);
    private readonly List<DuplicateKey> duplicates = [];

    private JsonLineMap() { }

    /// <summary>Reader options shared with the deserializer: // and /* */ comments skipped, trailing commas allowed.</summary>
    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Maps every property and array element of <paramref name="utf8"/> (a document already known to be valid JSON).</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        // Each frame: the path of a container and, for arrays, the index of the next element.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? pendingProperty = null;
        var lineStarts = LineStarts(utf8);
        while (reader.Read())
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = stack.Peek().Path + "." + reader.GetString();
                    if (!map.lines.TryAdd(pendingProperty, line))
                    {
                        map.duplicates.Add(new DuplicateKey(pendingProperty, reader.GetString()!, line, map.lines[pendingProperty]));
                    }
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
            }
            var path = ValuePath(stack, ref pendingProperty);
            map.lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }
        return map;
    }

    /// <summary>Keys that appear twice in one object, in document order: JSON readers differ on which one wins, so
    /// a scenario must not hold any.</summary>
    public IReadOnlyList<DuplicateKey> Duplicates => duplicates;

    /// <summary>Line of <paramref name="path"/>, or of its nearest mapped parent (1 for the root).</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (lines.TryGetValue(p, out var line)) return line;
        }
        return 1;
    }

    private static string ValuePath(Stack<(string Path, int NextIndex, bool IsArray)> stack, ref string? pendingProperty)
    {
        if (stack.Count == 0) return "$";
        var top = stack.Peek();
        if (top.IsArray)
        {
            stack.Pop();
            stack.Push((top.Path, top.NextIndex + 1, true));
            return $"{top.Path}[{top.NextIndex}]";
        }
        var path = pendingProperty ?? top.Path;
        pendingProperty = null;
        return path;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        var i = starts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    /// <summary>UTF-8 bytes of a file without its byte-order mark.</summary>
    public static byte[] WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
}

/// <summary>A key written a second time in the same JSON object.</summary>
/// <param name="Path">JSON path of the key ($.targets[0].target).</param>
/// <param name="Line">1-based line of the second occurrence.</param>
/// <param name="FirstLine">1-based line of the first.</param>
public sealed record DuplicateKey(string Path, string Key, int Line, int FirstLine);
