using System.Security.Cryptography;
using System.Text;

namespace Rasid.Core;

/// <summary>Stable ids derived from content.</summary>
public static class DocumentId
{
    /// <summary>
    /// A stable id for a text: <c>doc-</c> followed by the first 16 hex digits of the SHA-256 of its UTF-8 bytes.
    /// The same text always gets the same id.
    /// </summary>
    public static string FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "doc-" + ContentHash(text)[..16];
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string ContentHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }
}
