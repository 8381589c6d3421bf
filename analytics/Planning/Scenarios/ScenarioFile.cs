using System.Text.Json;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Text;

namespace Wcc.Analytics.Planning.Scenarios;

/// <summary>A scenario file read and deserialised, with the line map its later validation errors point into.</summary>
public sealed record ScenarioSource(string Path, ScenarioDocument Document, JsonLineMap Lines)
{
    /// <summary>The file name as errors show it.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>An input error at <paramref name="jsonPath"/>: names the file, the JSON path and its line.</summary>
    public WccException Error(string jsonPath, string what, string hint) =>
        new($"{FileName}: {what} at {jsonPath} (line {Lines.LineOf(jsonPath)})", hint);

    /// <summary>As <see cref="Error(string, string, string)"/>, with a remedy the CLI spells out.</summary>
    public WccException Error(string jsonPath, string what, Remedy remedy) =>
        new($"{FileName}: {what} at {jsonPath} (line {Lines.LineOf(jsonPath)})", remedy);
}

/// <summary>Reads scenario files (JSON, or JSONC with // comments); malformed JSON is reported with its line and byte position.</summary>
public static class ScenarioFile
{
    /// <summary>Largest scenario file read (1 MiB): the example is 2 KB; a scenario for every series of the
    /// warehouse would be a few hundred KB. At most this plus one byte is read, so /dev/zero is refused at once.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field (targt) must fail loudly rather than silently drop the planner's intent.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and deserialises <paramref name="path"/>.</summary>
    public static ScenarioSource Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new WccException($"scenario file {path} does not exist", $"pass an existing .json or .jsonc file, e.g. {InputOption.ScenarioFile.Ref()} seeds/scenarios/example-2021-2025.jsonc");
        }
        var raw = BoundedFile.Read(path, MaxBytes, "a scenario file", "ScenarioFile.MaxBytes",
            "pass a scenario .json/.jsonc file, e.g. seeds/scenarios/example-2021-2025.jsonc");
        var name = System.IO.Path.GetFileName(path);
        // The one decoder of every loader (UTF-8 or GB18030, strictly) and the one character rule, then UTF-8 for the JSON reader.
        var text = TextDecoder.Decode(raw, name).Text;
        RefuseControlCharacters(text, name);
        var bytes = JsonLineMap.WithoutBom(System.Text.Encoding.UTF8.GetBytes(text));
        ScenarioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ScenarioDocument>(bytes, Options);
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are 0-based.
            var line = ex.LineNumber is { } l ? l + 1 : 1;
            var where = $"{ex.Path ?? "$"} (line {line}, byte {(ex.BytePositionInLine ?? 0) + 1})";
            throw new WccException($"{name}: malformed scenario JSON at {where}: {FirstSentence(ex.Message)}",
                "fix the JSON at that place (see docs/scenario-format.md for the fields and their types)");
        }
        if (document is null)
        {
            throw new WccException($"{name}: the scenario is empty (null) at $ (line 1)", "write a JSON object, see seeds/scenarios/example-2021-2025.jsonc");
        }
        var lines = JsonLineMap.Build(bytes);
        if (lines.Duplicates.FirstOrDefault() is { } duplicate)
        {
            throw new WccException(
                $"{name}: duplicate key `{duplicate.Key}` at {duplicate.Path} (line {duplicate.Line}; first written at line {duplicate.FirstLine})",
                "keep one value per key: JSON readers differ on which duplicate wins, so the planner's intent would be ambiguous");
        }
        RefuseEscapedControlCharacters(bytes, name, lines);
        return new ScenarioSource(path, document, lines);
    }

    private static void RefuseControlCharacters(string text, string name)
    {
        var bad = TextRules.IndexOfRefused(text, freeText: true);
        if (bad < 0) return;
        var line = text.AsSpan(0, bad).Count('\n') + 1;
        throw new WccException($"{name}: line {line}: {TextRules.Describe(text, bad)} is not allowed in a scenario", TextRules.Hint, exitCode: 2);
    }

    /// <summary>A JSON escape (\u0000, \u001b) would smuggle the same characters into names stored in plan tables.</summary>
    private static void RefuseEscapedControlCharacters(byte[] json, string name, JsonLineMap lines)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Visit(document.RootElement, "$");

        void Visit(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject()) Visit(property.Value, $"{path}.{property.Name}");
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) Visit(item, $"{path}[{i++}]");
                    break;
                case JsonValueKind.String:
                    var value = element.GetString()!;
                    var bad = TextRules.IndexOfRefused(value, freeText: true);
                    if (bad >= 0)
                    {
                        throw new WccException($"{name}: {TextRules.Describe(value, bad)} at {path} (line {lines.LineOf(path)}) is not allowed in a scenario", TextRules.Hint, exitCode: 2);
                    }
                    break;
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
