namespace Rasid.Core;

/// <summary>Checks the invariants of a document: every range inside the text and every text field equal to its slice.</summary>
public static class DocumentValidator
{
    /// <summary>Returns the problems found (empty when the document is consistent).</summary>
    public static IReadOnlyList<string> Validate(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        var text = document.Text;

        void Check(string layer, int index, int start, int end, string? covered)
        {
            if (start < 0 || end < start || end > text.Length)
            {
                problems.Add($"{layer}[{index}]: range [{start},{end}) is outside a text of length {text.Length}");
            }
            else if (covered is not null && !text.AsSpan(start, end - start).SequenceEqual(covered))
            {
                problems.Add($"{layer}[{index}]: text '{covered}' differs from the original '{text[start..end]}'");
            }
        }

        for (var i = 0; i < document.Removed.Count; i++) Check("removed", i, document.Removed[i].Start, document.Removed[i].End, null);
        for (var i = 0; i < document.Sentences.Count; i++) Check("sentences", i, document.Sentences[i].Start, document.Sentences[i].End, null);
        for (var i = 0; i < document.Tokens.Count; i++)
        {
            var token = document.Tokens[i];
            Check("tokens", i, token.Start, token.End, token.Text);
            foreach (var word in token.Words) Check($"tokens[{i}].words", i, word.Start, word.End, word.Text);
        }

        for (var i = 0; i < document.Entities.Count; i++) Check("entities", i, document.Entities[i].Start, document.Entities[i].End, document.Entities[i].Text);
        for (var i = 0; i < document.Times.Count; i++) Check("times", i, document.Times[i].Start, document.Times[i].End, document.Times[i].Text);
        for (var i = 0; i < document.Quotes.Count; i++)
        {
            var quote = document.Quotes[i];
            Check("quotes.content", i, quote.Content.Start, quote.Content.End, quote.Content.Text);
            if (quote.Cue is { } cue) Check("quotes.cue", i, cue.Start, cue.End, cue.Text);
            if (quote.Speaker is { } speaker) Check("quotes.speaker", i, speaker.Start, speaker.End, speaker.Text);
        }

        for (var i = 0; i < document.Events.Count; i++)
        {
            var ev = document.Events[i];
            Check("events.trigger", i, ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text);
            if (ev.Source is { } source) Check("events.source", i, source.Start, source.End, source.Text);
            if (ev.Target is { } target) Check("events.target", i, target.Start, target.End, target.Text);
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="FormatException">With the first problem found.</exception>
    public static void ThrowIfInvalid(Document document)
    {
        var problems = Validate(document);
        if (problems.Count > 0)
        {
            throw new FormatException($"inconsistent document '{document.Id}': {problems[0]}" +
                (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : ""));
        }
    }
}
