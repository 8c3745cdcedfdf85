using Xunit;

namespace Rasid.Testing;

/// <summary>Paths to the repository and to the optional ../shared data folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Rasid.slnx).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The sample story shipped in the repository.</summary>
    public static string SampleStory => Path.Combine(Root, "samples", "afp-20150930-syria-russia.txt");

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The ../shared folder beside the repository (data sets used for training and evaluation), or null when
    /// absent (a user's clone). RASID_SHARED overrides the location.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("RASID_SHARED");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return Path.GetFullPath(fromEnv);
            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(Path.Combine(beside, "data")) ? beside : null;
        }
    }

    /// <summary>A path under ../shared/data; skips the calling test when ../shared is absent.</summary>
    public static string SharedData(params string[] parts)
    {
        Skip.If(Shared is null, "../shared (the training and evaluation data) is not beside this clone; CI has it.");
        var path = Path.Combine([Shared!, "data", .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is missing from ../shared.");
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rasid.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Rasid.slnx) above " + AppContext.BaseDirectory);
    }
}
