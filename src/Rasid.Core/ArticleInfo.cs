namespace Rasid.Core;

/// <summary>Metadata about an article given to the pipeline with its text.</summary>
public sealed record ArticleInfo
{
    /// <summary>Document id; when null the pipeline derives a stable id from the text.</summary>
    public string? Id { get; init; }

    /// <summary>Where the article came from (outlet, agency or file name).</summary>
    public string? Source { get; init; }

    /// <summary>Address of the original page.</summary>
    public string? Url { get; init; }

    /// <summary>Headline.</summary>
    public string? Title { get; init; }

    /// <summary>Publication date; relative time expressions are resolved against it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>ISO 639-1 language code; Rasid analyses Arabic ("ar").</summary>
    public string Language { get; init; } = "ar";
}
