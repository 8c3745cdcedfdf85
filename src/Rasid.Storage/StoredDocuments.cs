using Rasid.Core;

namespace Rasid.Storage;

/// <summary>Shallow copies of documents made by the stores (layers are shared, not copied).</summary>
internal static class StoredDocuments
{
    /// <summary><paramref name="document"/> under another id (itself when the id is the same).</summary>
    public static Document WithId(Document document, string id) => document.Id == id ? document : Copy(document, id, document.Tokens);

    /// <summary><paramref name="document"/> without its token layer (see <see cref="ArticleRecord.ForStore"/>).</summary>
    public static Document WithoutTokens(Document document) => Copy(document, document.Id, []);

    private static Document Copy(Document d, string id, List<Token> tokens) => new()
    {
        Id = id, Published = d.Published, Title = d.Title, Url = d.Url, Source = d.Source, Language = d.Language, Text = d.Text,
        Pipeline = d.Pipeline, Removed = d.Removed, Sentences = d.Sentences, Tokens = tokens, Entities = d.Entities,
        Quotes = d.Quotes, Times = d.Times, Events = d.Events,
    };
}
