namespace Rasid.Nlp;

/// <summary>The annotation layers of a document, as flags so a component can declare several.</summary>
[Flags]
public enum AnnotationLayers
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Boilerplate ranges (<c>removed</c>).</summary>
    Removed = 1,
    /// <summary>Sentences.</summary>
    Sentences = 2,
    /// <summary>Surface tokens.</summary>
    Tokens = 4,
    /// <summary>Syntactic words inside tokens (clitic segmentation).</summary>
    Words = 8,
    /// <summary>Part-of-speech tags and lemmas on words.</summary>
    Tags = 16,
    /// <summary>Named entities.</summary>
    Entities = 32,
    /// <summary>Actor codes and places on entities.</summary>
    Actors = 64,
    /// <summary>Quotations.</summary>
    Quotes = 128,
    /// <summary>Time expressions.</summary>
    Times = 256,
    /// <summary>Events.</summary>
    Events = 512,
}
