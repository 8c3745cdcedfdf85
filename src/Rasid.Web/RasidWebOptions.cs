namespace Rasid.Web;

/// <summary>How <c>rasid serve</c> starts the web front end.</summary>
public sealed record RasidWebOptions
{
    /// <summary>Default request body limit for <c>/api/analyze</c> (1 MiB).</summary>
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    /// <summary>Address to bind (loopback by default: the API has no authentication).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Largest accepted request body in bytes.</summary>
    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>Folder of a persistent search index (null: an in-memory index built at start).</summary>
    public string? IndexPath { get; init; }
}
