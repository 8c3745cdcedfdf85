using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>
/// Which rule or model produced an annotation, with its confidence and, optionally, the name of the
/// specific rule or pattern that fired.
/// </summary>
/// <param name="By">Component id and version, e.g. <c>ner.perceptron/1</c> or <c>boilerplate.rules/1</c>.</param>
/// <param name="Score">Confidence in [0, 1] when the producer has one.</param>
/// <param name="Rule">The specific rule, pattern or dictionary entry that fired, when there is one.</param>
public sealed record Evidence(
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("score"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score = null,
    [property: JsonPropertyName("rule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rule = null);
