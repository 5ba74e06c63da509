namespace ExecPlan.Validation.Reporting;

using System.Globalization;
using System.IO;

/// <summary>
/// A minimal streaming JSON writer. The library targets netstandard2.0 and is loaded into MSBuild
/// and the compiler, so it takes no System.Text.Json dependency; this writes exactly what the
/// reports need with RFC 8259 escaping.
/// </summary>
internal sealed class JsonText
{
    private readonly TextWriter _output;
    private int _depth;
    private bool _needsComma;

    public JsonText(TextWriter output)
    {
        _output = output;
    }

    public void StartObject(string? name = null) => Open(name, '{');

    public void EndObject() => Close('}');

    public void StartArray(string? name = null) => Open(name, '[');

    public void EndArray() => Close(']');

    public void String(string name, string value)
    {
        Name(name);
        WriteString(value);
        _needsComma = true;
    }

    public void Number(string name, int value)
    {
        Name(name);
        _output.Write(value.ToString(CultureInfo.InvariantCulture));
        _needsComma = true;
    }

    public void StringValue(string value)
    {
        Separator();
        WriteString(value);
        _needsComma = true;
    }

    private void Open(string? name, char bracket)
    {
        if (name is null)
        {
            Separator();
        }
        else
        {
            Name(name);
        }

        _output.Write(bracket);
        _depth++;
        _needsComma = false;
    }

    private void Close(char bracket)
    {
        _depth--;
        if (_needsComma)
        {
            NewLine();
        }

        _output.Write(bracket);
        _needsComma = true;
    }

    private void Name(string name)
    {
        Separator();
        WriteString(name);
        _output.Write(": ");
    }

    private void Separator()
    {
        if (_needsComma)
        {
            _output.Write(',');
        }

        if (_depth > 0)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        _output.Write('\n');
        _output.Write(new string(' ', _depth * 2));
    }

    private void WriteString(string value)
    {
        _output.Write('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    _output.Write("\\\"");
                    break;
                case '\\':
                    _output.Write("\\\\");
                    break;
                case '\n':
                    _output.Write("\\n");
                    break;
                case '\r':
                    _output.Write("\\r");
                    break;
                case '\t':
                    _output.Write("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        _output.Write(c);
                        _output.Write(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate is not text: readers reject it even escaped.
                        _output.Write("\\ufffd");
                    }
                    else if (c < 0x20 || c is '\u2028' or '\u2029')
                    {
                        // Control characters, and separators some readers mangle.
                        _output.Write("\\u");
                        _output.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _output.Write(c);
                    }

                    break;
            }
        }

        _output.Write('"');
    }
}
