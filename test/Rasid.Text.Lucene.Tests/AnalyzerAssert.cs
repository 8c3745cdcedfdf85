using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Rasid.Text.Lucene.Tests;

/// <summary>Assertions in the style of Lucene's BaseTokenStreamTestCase.</summary>
internal static class AnalyzerAssert
{
    public sealed record AnalyzedToken(string Term, int Start, int End, string Type, int PositionIncrement);

    /// <summary>Runs the full token stream (Reset, IncrementToken*, End, Dispose) and returns the tokens.</summary>
    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string input, out int finalOffset)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream("body", new StringReader(input));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, type.Type, position.PositionIncrement));
        }

        stream.End();
        finalOffset = offset.EndOffset;
        return tokens;
    }

    /// <summary>Asserts the terms and, when given, their start and end offsets into <paramref name="input"/>.</summary>
    public static void AssertAnalyzesTo(Analyzer analyzer, string input, string[] expectedTerms, int[]? startOffsets = null, int[]? endOffsets = null, int[]? positionIncrements = null)
    {
        var tokens = Analyze(analyzer, input, out var finalOffset);
        Assert.Equal(expectedTerms, tokens.Select(t => t.Term).ToArray());
        if (startOffsets is not null) Assert.Equal(startOffsets, tokens.Select(t => t.Start).ToArray());
        if (endOffsets is not null) Assert.Equal(endOffsets, tokens.Select(t => t.End).ToArray());
        if (positionIncrements is not null) Assert.Equal(positionIncrements, tokens.Select(t => t.PositionIncrement).ToArray());
        Assert.Equal(input.Length, finalOffset);
        var previousStart = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousStart && token.Start < token.End && token.End <= input.Length, $"bad offsets {token}");
            previousStart = token.Start;
        }
    }
}
