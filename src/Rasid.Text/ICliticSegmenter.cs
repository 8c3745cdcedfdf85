namespace Rasid.Text;

/// <summary>
/// Splits one word token into its clitics (proclitics, stem, enclitic pronouns), e.g. وبالمدرسة → و + ب + المدرسة.
/// Implemented by the clitic segmenter; consumed by the search analyzer, which indexes every part as its own term.
/// Implementations must be thread-safe.
/// </summary>
public interface ICliticSegmenter
{
    /// <summary>
    /// Appends to <paramref name="splitPoints"/> the positions inside <paramref name="word"/> (the token's original,
    /// unnormalized text) where a new part starts: strictly increasing, each between 1 and <c>word.Length - 1</c>.
    /// Appends nothing when the word is not split.
    /// </summary>
    void Segment(ReadOnlySpan<char> word, List<int> splitPoints);
}
