using System.Text;

namespace Rasid.Nlp.Evaluation;

/// <summary>One sentence of the Arabic event GSR (arabic_event_gsr/*_gsr.csv).</summary>
/// <param name="Id">Sentence id, e.g. <c>AAW_ARB_20071026.0026-2</c> (the date is in it).</param>
/// <param name="EventType">ASSAULT or PROTEST (the file's type).</param>
/// <param name="Label">yes, easy no, difficult no or ambiguous.</param>
/// <param name="Text">The sentence shown to the annotators.</param>
/// <param name="Line">Line number in the file (for messages).</param>
public sealed record GsrSentence(string Id, string EventType, string Label, string Text, int Line)
{
    /// <summary>True for "yes", false for "easy no" / "difficult no", null for "ambiguous" (excluded from scoring).</summary>
    public bool? Gold => Label switch
    {
        "yes" => true,
        "easy no" or "difficult no" => false,
        _ => null,
    };

    /// <summary>True when the sentence is in the development split (see <see cref="GsrData.IsDev"/>).</summary>
    public bool IsDev => GsrData.IsDev(Id);
}

/// <summary>Reads the GSR CSV files and defines the deterministic train/dev split.</summary>
public static class GsrData
{
    /// <summary>
    /// The dev split: FNV-1a (32-bit) of the UTF-8 sentence id, modulo 5, equal to 0 → dev (about 20 %); the rest trains.
    /// </summary>
    public static bool IsDev(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash % 5 == 0;
    }

    /// <summary>Reads a *_gsr.csv file (RFC 4180 quoting; columns include id, event_type, label, text).</summary>
    /// <exception cref="FormatException">When the header lacks a needed column or a quoted field is unterminated.</exception>
    public static List<GsrSentence> Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var rows = ParseCsv(text, path);
        if (rows.Count == 0) throw new FormatException($"{path}: empty file");
        var header = rows[0].Fields;
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"{path}: no '{name}' column in the header");
        int id = Col("id"), type = Col("event_type"), label = Col("label"), body = Col("text");
        var result = new List<GsrSentence>();
        foreach (var (fields, line) in rows.Skip(1))
        {
            if (fields.Length <= Math.Max(Math.Max(id, type), Math.Max(label, body))) throw new FormatException($"{path} line {line}: expected {header.Length} fields, found {fields.Length}");
            result.Add(new GsrSentence(fields[id], fields[type], fields[label], fields[body], line));
        }

        return result;
    }

    private static List<(string[] Fields, int Line)> ParseCsv(string text, string path)
    {
        var rows = new List<(string[], int)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) rows.Add((fields.ToArray(), rowLine));
                    fields.Clear();
                    line++;
                    rowLine = line;
                    break;
                default: field.Append(c); break;
            }
        }

        if (quoted) throw new FormatException($"{path} line {rowLine}: unterminated quoted field");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add((fields.ToArray(), rowLine));
        }

        return rows;
    }
}
