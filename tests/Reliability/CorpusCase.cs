using System.Text.Json;
using System.Text.Json.Serialization;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reliability;

/// <summary>One entry of Corpus/corpus.json: a malformed input and what `wcc` must do with it.</summary>
public sealed record CorpusCase(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("exit")] int Exit,
    [property: JsonPropertyName("message")] IReadOnlyList<string> Message,
    [property: JsonPropertyName("line")] int? Line = null,
    [property: JsonPropertyName("loaded")] long? Loaded = null,
    [property: JsonPropertyName("rejected")] long? Rejected = null,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string>? Reasons = null,
    [property: JsonPropertyName("generate")] string? Generate = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    /// <summary>The corpus folder beside the test sources.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Reliability", "Corpus");

    /// <summary>Every case of the manifest.</summary>
    public static IReadOnlyList<CorpusCase> All() =>
        JsonSerializer.Deserialize<List<CorpusCase>>(System.IO.File.ReadAllText(Path.Combine(Folder, "corpus.json")))!;

    public override string ToString() => File;
}
