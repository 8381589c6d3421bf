namespace Wcc.Warehouse.Text;

/// <summary>The one rule for characters a stored text may hold, applied by every loader at load time so that no later step
/// (pack, xlsx, export, report) meets a character it cannot write.</summary>
/// <remarks>
/// Refused everywhere: NUL and the other C0 control characters except tab and line feed, DEL and the C1 controls
/// (U+007F-U+009F), the noncharacters U+FFFE and U+FFFF, and unpaired surrogates: none is text, none is valid in XML
/// (xlsx), and a NUL ends a string in C libraries. Tab and line feed are allowed only in free text (an observation's
/// source, a unit's note, an indicator's source, a target's phrase, the notice); in names and codes they are refused too.
/// Everything else is stored exactly as written (RTL marks, emoji, CJK extension B, combining marks, a leading = + - @):
/// escaping is each writer's job on output (HTML escaping, the CSV formula guard), never the warehouse's.
/// </remarks>
public static class TextRules
{
    /// <summary>Index of the first character <paramref name="text"/> may not hold, or -1.</summary>
    /// <param name="freeText">True for free-text fields, which may hold tabs and line breaks.</param>
    public static int IndexOfRefused(string text, bool freeText)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (freeText && c is '\t' or '\n') continue;
                return i;
            }
            if (c is >= '\u007F' and <= '\u009F' or '\uFFFE' or '\uFFFF') return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>The character at <paramref name="index"/> as a person can read it in a message: "U+0000 (NUL)".</summary>
    public static string Describe(string text, int index)
    {
        var c = text[index];
        var name = c switch
        {
            '\0' => "NUL",
            '\t' => "tab",
            '\n' => "line break",
            '\r' => "carriage return",
            '\u001B' => "ESC",
            '\u007F' => "DEL",
            < ' ' => "control character",
            >= '\u0080' and <= '\u009F' => "C1 control character",
            '\uFFFE' or '\uFFFF' => "noncharacter",
            _ => "unpaired surrogate",
        };
        return $"U+{(int)c:X4} ({name})";
    }

    /// <summary>What a refusal says about <paramref name="text"/>'s bad character, or null when the text is acceptable.</summary>
    public static string? Problem(string text, bool freeText)
    {
        var i = IndexOfRefused(text, freeText);
        return i < 0 ? null : $"{Describe(text, i)} at character {i + 1}";
    }

    /// <summary>The hint given with every refusal of a character.</summary>
    public const string Hint = "remove the control character (often pasted from another program; in Excel use =CLEAN()) and run again";
}
