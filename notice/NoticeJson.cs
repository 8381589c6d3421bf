using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Notice;

/// <summary>The JSON form of a parsed notice (<c>wcc parse-notice --format json</c>), Chinese left unescaped.</summary>
public static class NoticeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises <paramref name="notice"/>: its metadata, chapters, tasks in document order (each with its
    /// confidence), warnings by line.</summary>
    public static string Serialize(ParsedNotice notice)
    {
        var m = notice.Metadata;
        var document = new NoticeDocument(
            new MetadataDto(m.Title, m.Issuer, m.DocumentNumber, m.Date),
            notice.Chapters.Select(c => new ChapterDto(c.No, c.Title)).ToList(),
            notice.Tasks.Select(t => new TaskDto(
                t.No, t.WrittenNo, t.ChapterNo, t.Text, t.Lead, t.Responsible,
                t.Targets.Select(g => new TargetDto(g.Comparator, g.Value, g.Unit, g.Deadline, g.Phrase, g.Note)).ToList(),
                [t.LineFrom, t.LineTo], t.Confidence)).ToList(),
            notice.Warnings.Select(w => new WarningDto(w.Line, w.Code, w.Message, w.TaskNo)).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed record NoticeDocument(
        [property: JsonPropertyName("notice")] MetadataDto Notice,
        [property: JsonPropertyName("chapters")] IReadOnlyList<ChapterDto> Chapters,
        [property: JsonPropertyName("tasks")] IReadOnlyList<TaskDto> Tasks,
        [property: JsonPropertyName("warnings")] IReadOnlyList<WarningDto> Warnings);

    private sealed record MetadataDto(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("issuer")] string? Issuer,
        [property: JsonPropertyName("document_number")] string? DocumentNumber,
        [property: JsonPropertyName("date")] string? Date);

    private sealed record ChapterDto(
        [property: JsonPropertyName("no")] int No,
        [property: JsonPropertyName("title")] string Title);

    private sealed record TaskDto(
        [property: JsonPropertyName("no")] int No,
        [property: JsonPropertyName("written_no")] int? WrittenNo,
        [property: JsonPropertyName("chapter")] int Chapter,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName(RoleVocabulary.Codes.Lead)] IReadOnlyList<string> Lead,
        [property: JsonPropertyName(RoleVocabulary.Codes.Responsible)] IReadOnlyList<string> Responsible,
        [property: JsonPropertyName("targets")] IReadOnlyList<TargetDto> Targets,
        [property: JsonPropertyName("lines")] int[] Lines,
        [property: JsonPropertyName("confidence")] double Confidence);

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
