using System.Text;

namespace Wcc.Cli.Output;

/// <summary>Makes data safe to show on a terminal: control bytes (ESC, BEL, NUL …) become visible escapes.</summary>
internal static class ControlText
{
    public static string Escape(string text)
    {
        if (!text.Any(IsControl)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsControl(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\x{(int)c:x2}",
            });
        }
        return sb.ToString();
    }

    /// <summary>C0 and C1 controls and DEL: what a terminal may act on instead of printing.</summary>
    private static bool IsControl(char c) => c < 0x20 || c is >= '\u007f' and <= '\u009f';
}
