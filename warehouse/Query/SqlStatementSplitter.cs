namespace Wcc.Warehouse.Query;

/// <summary>One statement of a script: its 1-based number, its text (without the closing <c>;</c>) and its first line.</summary>
public sealed record SqlStatementText(int Number, string Text, int Line);

/// <summary>
/// Cuts a script into statements at the <c>;</c>s that are outside strings, quoted names and comments.
/// </summary>
/// <remarks>
/// This only decides where one statement ends so that each can be run, shown and numbered on its own. It is not what
/// keeps the warehouse safe: every piece is parsed again by DuckDB (<see cref="ReadOnlyGate"/>), which must find exactly
/// one statement in it, so a wrong cut can only make a script fail, never let a statement through unchecked.
/// </remarks>
public static class SqlStatementSplitter
{
    /// <summary>The non-empty statements of <paramref name="script"/>, in order; empty ones (<c>;;</c>, comments only) are skipped.</summary>
    public static IReadOnlyList<SqlStatementText> Split(string script)
    {
        var statements = new List<SqlStatementText>();
        var start = 0;
        var i = 0;
        while (i < script.Length)
        {
            var skipped = SkipLexeme(script, i);
            if (skipped > i) { i = skipped; continue; }
            if (script[i] == ';')
            {
                Add(statements, script, start, i);
                start = i + 1;
            }
            i++;
        }
        Add(statements, script, start, script.Length);
        return statements;
    }

    /// <summary>True when the text ends inside a string, a quoted name or a block comment (the shell then asks for more lines).</summary>
    public static bool EndsInsideLiteral(string script)
    {
        var i = 0;
        while (i < script.Length)
        {
            var skipped = SkipLexeme(script, i);
            if (skipped > script.Length) return true;
            i = skipped > i ? skipped : i + 1;
        }
        return false;
    }

    /// <summary>True when the script's last statement is closed by a <c>;</c> (outside strings and comments).</summary>
    public static bool IsComplete(string script)
    {
        if (EndsInsideLiteral(script)) return false;
        var trimmed = StripTrailingComments(script);
        return trimmed.EndsWith(';');
    }

    private static string StripTrailingComments(string script)
    {
        // Walk the script and remember the last significant character outside comments.
        var last = -1;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c == '-' && At(script, i + 1) == '-')
            {
                var end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end + 1;
                continue;
            }
            if (c == '/' && At(script, i + 1) == '*') { i = SkipBlockComment(script, i); continue; }
            var skipped = SkipLexeme(script, i);
            if (skipped > i) { last = Math.Min(skipped, script.Length) - 1; i = skipped; continue; }
            if (!char.IsWhiteSpace(c)) last = i;
            i++;
        }
        return last < 0 ? "" : script[..(last + 1)];
    }

    private static void Add(List<SqlStatementText> statements, string script, int start, int end)
    {
        var text = script[start..end];
        if (IsBlank(text)) return;
        var leading = text.Length - text.TrimStart().Length;
        var line = 1 + CountNewlines(script, 0, start + leading);
        statements.Add(new SqlStatementText(statements.Count + 1, text.Trim(), line));
    }

    /// <summary>True when the text holds nothing but whitespace and comments.</summary>
    public static bool IsBlank(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && At(text, i + 1) == '-')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }
            if (c == '/' && At(text, i + 1) == '*') { i = SkipBlockComment(text, i); continue; }
            return false;
        }
        return true;
    }

    /// <summary>Index just past the string, quoted name or comment starting at <paramref name="i"/>, or <paramref name="i"/> if none starts there.</summary>
    /// <remarks>Returns a value past the end of the text when the lexeme is not closed.</remarks>
    private static int SkipLexeme(string s, int i)
    {
        var c = s[i];
        switch (c)
        {
            case '\'':
                // E'...' strings take backslash escapes; plain strings double their quotes.
                var escapes = i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !IsWordChar(s[i - 2]));
                return SkipQuoted(s, i, '\'', escapes);
            case '"':
                return SkipQuoted(s, i, '"', backslashEscapes: false);
            case '-' when At(s, i + 1) == '-':
                var newline = s.IndexOf('\n', i);
                return newline < 0 ? s.Length : newline + 1;
            case '/' when At(s, i + 1) == '*':
                return SkipBlockComment(s, i);
            case '$':
                return SkipDollarQuoted(s, i);
            default:
                return i;
        }
    }

    private static int SkipQuoted(string s, int i, char quote, bool backslashEscapes)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            if (backslashEscapes && s[j] == '\\') { j += 2; continue; }
            if (s[j] == quote)
            {
                if (At(s, j + 1) == quote) { j += 2; continue; }
                return j + 1;
            }
            j++;
        }
        return s.Length + 1;
    }

    private static int SkipBlockComment(string s, int i)
    {
        // DuckDB (like PostgreSQL) nests block comments.
        var depth = 0;
        var j = i;
        while (j < s.Length - 1)
        {
            if (s[j] == '/' && s[j + 1] == '*') { depth++; j += 2; continue; }
            if (s[j] == '*' && s[j + 1] == '/')
            {
                depth--;
                j += 2;
                if (depth == 0) return j;
                continue;
            }
            j++;
        }
        return s.Length + 1;
    }

    private static int SkipDollarQuoted(string s, int i)
    {
        // $tag$ ... $tag$ (tag may be empty); a lone $ (parameter such as $1 or $name) is not a quote.
        if (i > 0 && IsWordChar(s[i - 1])) return i;
        var j = i + 1;
        while (j < s.Length && (char.IsLetter(s[j]) || s[j] == '_' || (j > i + 1 && char.IsDigit(s[j])))) j++;
        if (j >= s.Length || s[j] != '$') return i;
        var tag = s[i..(j + 1)];
        var close = s.IndexOf(tag, j + 1, StringComparison.Ordinal);
        return close < 0 ? s.Length + 1 : close + tag.Length;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int CountNewlines(string s, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to && i < s.Length; i++) if (s[i] == '\n') n++;
        return n;
    }
}
