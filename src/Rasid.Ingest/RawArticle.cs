using Rasid.Core;

namespace Rasid.Ingest;

/// <summary>An article read from an input, before analysis.</summary>
/// <param name="Origin">Where it came from: a path, <c>path:line</c> for a JSONL record, or <c>-</c> for stdin.</param>
/// <param name="Text">The article text, decoded.</param>
/// <param name="Info">Metadata found in the input (id, title, url, date).</param>
public sealed record RawArticle(string Origin, string Text, ArticleInfo Info)
{
    /// <summary>Author or byline found in the input (HTML meta, JSON-LD, feed item, JSON <c>author</c>), if any.</summary>
    public string? Author { get; init; }
}

/// <summary>An input that could not be read, with a one-line reason for the user.</summary>
/// <param name="Origin">Path, <c>path:line</c> or <c>-</c>.</param>
/// <param name="Reason">Why it was rejected, e.g. "empty file" or "binary file (NUL bytes)".</param>
public sealed record InputRejection(string Origin, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Origin}: {Reason}";
}

/// <summary>Thrown when an input cannot be used; <see cref="Exception.Message"/> is one line naming the input and the reason.</summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception for an input and a reason.</summary>
    public InputRejectedException(string origin, string reason)
        : base($"{origin}: {reason}")
    {
        Rejection = new InputRejection(origin, reason);
    }

    /// <summary>Creates the exception (for serializers).</summary>
    public InputRejectedException() : this("?", "rejected")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InputRejectedException(string message) : this("?", message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InputRejectedException(string message, Exception innerException) : base(message, innerException)
    {
        Rejection = new InputRejection("?", message);
    }

    /// <summary>The input and the reason.</summary>
    public InputRejection Rejection { get; }
}

/// <summary>One item read from an input: an article or a rejection.</summary>
public readonly record struct InputItem
{
    /// <summary>An item holding an article.</summary>
    public InputItem(RawArticle article) => Article = article;

    /// <summary>An item holding a rejection.</summary>
    public InputItem(InputRejection rejection) => Rejection = rejection;

    /// <summary>The article, when the input was good.</summary>
    public RawArticle? Article { get; }

    /// <summary>The rejection, when it was not.</summary>
    public InputRejection? Rejection { get; }
}
