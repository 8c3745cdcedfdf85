namespace Rasid.Nlp.Events;

/// <summary>
/// Experiment switches of the detector (session 12), read once from the environment variable <c>RASID_EVX</c>
/// (comma-separated names); all off by default, so the shipped model and its features are unchanged.
/// </summary>
internal static class DetectorVariants
{
    private static readonly HashSet<string> On = new(
        (Environment.GetEnvironmentVariable("RASID_EVX") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        StringComparer.Ordinal);

    /// <summary>True when switch <paramref name="name"/> is on.</summary>
    public static bool Has(string name) => On.Contains(name);
}
