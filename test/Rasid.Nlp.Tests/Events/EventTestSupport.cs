using System.Text.Json;
using System.Text.Json.Serialization;
using Rasid.Core;
using Rasid.Nlp.Events;
using Rasid.Testing;

namespace Rasid.Nlp.Tests.Events;

/// <summary>Adds entities and time expressions given by hand (as the entity/actor and time layers would).</summary>
internal sealed class HandFilledLayers(IReadOnlyList<Entity> entities, IReadOnlyList<TimeExpression> times) : IDocumentComponent
{
    public string Id => "test.hand-filled/1";
    public AnnotationLayers Requires => AnnotationLayers.Sentences;
    public AnnotationLayers Adds => AnnotationLayers.Entities | AnnotationLayers.Actors | AnnotationLayers.Times;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        document.Entities.AddRange(entities);
        document.Times.AddRange(times);
    }
}

internal static class EventTestSupport
{
    /// <summary>The default pipeline's text components (no entity, time or event layer), the given layers, then the event coder.</summary>
    public static RasidPipeline PipelineWith(IReadOnlyList<Entity> entities, IReadOnlyList<TimeExpression> times, EventCoderComponent? coder = null)
    {
        var text = RasidPipeline.CreateDefault().Components
            .Where(c => (c.Adds & (AnnotationLayers.Entities | AnnotationLayers.Actors | AnnotationLayers.Times | AnnotationLayers.Quotes | AnnotationLayers.Events)) == 0);
        return new RasidPipeline([.. text, new HandFilledLayers(entities, times), coder ?? new EventCoderComponent()]);
    }

    /// <summary>The offset of the first occurrence of <paramref name="word"/> in <paramref name="text"/> (ordinal).</summary>
    public static int At(string text, string word) => At(text, word, 1);

    /// <summary>The offset of the <paramref name="occurrence"/>-th occurrence of <paramref name="word"/> in <paramref name="text"/> (ordinal), or -1.</summary>
    public static int At(string text, string word, int occurrence)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++) start = text.IndexOf(word, start + 1, StringComparison.Ordinal);
        return start;
    }

    /// <summary>A coder without the trained detector (dictionary only), for rule tests on made-up sentences.</summary>
    public static EventCoderComponent RulesOnly { get; } = new(EventKnowledge.Default, detector: null);

    /// <summary>Codes <paramref name="text"/> with the dictionary rules only, given entities, published on <paramref name="published"/>.</summary>
    public static Document CodeWithRules(string text, DateOnly published, params Entity[] entities) =>
        PipelineWith(entities, [], RulesOnly).Analyze(text, new ArticleInfo { Id = "t", Published = published });

    /// <summary>An entity over the first occurrence of <paramref name="mention"/> in <paramref name="text"/>.</summary>
    public static Entity Entity(string text, string mention, string type, string? actor, Place? place = null, int occurrence = 1)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++) start = text.IndexOf(mention, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{mention}' not in the text");
        return new Entity { Start = start, End = start + mention.Length, Text = mention, Type = type, Actor = actor, Place = place };
    }

    public static (List<Entity> Entities, List<TimeExpression> Times) SampleLayers()
    {
        var path = Path.Combine(RepoPaths.Root, "test", "Rasid.Nlp.Tests", "Events", "sample-layers.json");
        var file = JsonSerializer.Deserialize<LayersFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException(path);
        return (file.Entities, file.Times);
    }

    private sealed class LayersFile
    {
        [JsonPropertyName("entities")] public List<Entity> Entities { get; init; } = [];
        [JsonPropertyName("times")] public List<TimeExpression> Times { get; init; } = [];
    }
}
