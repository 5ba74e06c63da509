namespace ExecPlan.Validation.Reporting;

using System.Globalization;
using System.Text;

/// <summary>
/// Makes file names and plan text safe to print on one line of a terminal or a CI log. A file
/// name or a quoted Status can hold any character; printed raw, a newline would start a forged
/// line (for example <c>::error ...</c>, a GitHub workflow command) and an ESC would reach the
/// terminal as a control sequence. <see cref="Escape"/> replaces every such character with a
/// visible escape and leaves all other text, backslashes included, as it is:
/// <list type="bullet">
/// <item><c>\n</c>, <c>\r</c>, <c>\t</c> and ESC become <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\e</c>
/// (two characters each);</item>
/// <item>the other C0 controls, DEL, the C1 controls (U+0080-U+009F, among them CSI and NEL),
/// U+2028/U+2029 (line and paragraph separator) and the bidirectional controls (U+200E/U+200F,
/// U+202A-U+202E, U+2066-U+2069, which reorder how a line reads) become <c>\uXXXX</c>.</item>
/// </list>
/// </summary>
public static class DisplayText
{
    /// <summary>Whether <paramref name="c"/> is replaced by <see cref="Escape"/>.</summary>
    public static bool NeedsEscape(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029' ||
        c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The text with every character of <see cref="NeedsEscape"/> replaced by a visible
    /// escape; the same string instance when nothing needs escaping.</summary>
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var first = IndexOfEscape(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            AppendEscaped(builder, value[i]);
        }

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="c"/>, escaped as <see cref="Escape"/> does when needed.</summary>
    public static void AppendEscaped(StringBuilder builder, char c)
    {
        if (!NeedsEscape(c))
        {
            builder.Append(c);
            return;
        }

        switch (c)
        {
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            case '\u001B':
                builder.Append("\\e");
                break;
            default:
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static int IndexOfEscape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (NeedsEscape(value[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
