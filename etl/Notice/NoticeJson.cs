using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wcc.Etl.Notice;

/// <summary>The JSON form of a parsed notice (<c>wcc parse-notice --format json</c>), Chinese left unescaped.</summary>
public static class NoticeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises <paramref name="notice"/>: chapters, tasks in document order, warnings by line.</summary>
    public static string Serialize(ParsedNotice notice)
    {
        var document = new NoticeDocument(
            notice.Chapters.Select(c => new ChapterDto(c.No, c.Title)).ToList(),
            notice.Tasks.Select(t => new TaskDto(
                t.No, t.ChapterNo, t.Text, t.Lead, t.Responsible,
                t.Targets.Select(g => new TargetDto(g.Comparator, g.Value, g.Unit, g.Deadline, g.Phrase, g.Note)).ToList(),
                [t.LineFrom, t.LineTo])).ToList(),
            notice.Warnings.Select(w => new WarningDto(w.Line, w.Code, w.Message, w.TaskNo)).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed record NoticeDocument(
        [property: JsonPropertyName("chapters")] IReadOnlyList<ChapterDto> Chapters,
        [property: JsonPropertyName("tasks")] IReadOnlyList<TaskDto> Tasks,
        [property: JsonPropertyName("warnings")] IReadOnlyList<WarningDto> Warnings);

    private sealed record ChapterDto(
        [property: JsonPropertyName("no")] int No,
        [property: JsonPropertyName("title")] string Title);

    private sealed record TaskDto(
        [property: JsonPropertyName("no")] int No,
        [property: JsonPropertyName("chapter")] int Chapter,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("lead")] IReadOnlyList<string> Lead,
        [property: JsonPropertyName("responsible")] IReadOnlyList<string> Responsible,
        [property: JsonPropertyName("targets")] IReadOnlyList<TargetDto> Targets,
        [property: JsonPropertyName("lines")] int[] Lines);

    private sealed record TargetDto(
        [property: JsonPropertyName("comparator")] string Comparator,
        [property: JsonPropertyName("value")] double Value,
        [property: JsonPropertyName("unit")] string? Unit,
        [property: JsonPropertyName("deadline")] int Deadline,
        [property: JsonPropertyName("phrase")] string Phrase,
        [property: JsonPropertyName("note")] string? Note);

    private sealed record WarningDto(
        [property: JsonPropertyName("line")] int Line,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("task")] int? Task);
}
