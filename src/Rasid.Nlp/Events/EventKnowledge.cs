using System.Globalization;
using System.Reflection;

namespace Rasid.Nlp.Events;

/// <summary>One row of <c>data/events/triggers.tsv</c>: a verb or nominal predicate that signals an event.</summary>
internal sealed record TriggerEntry
{
    public required string Id { get; init; }
    public required IReadOnlyList<string[]> Forms { get; init; }
    /// <summary>Forms (joined by spaces) that are nouns although the entry is a verb (its masdar, written n:FORM).</summary>
    public IReadOnlySet<string> NounForms { get; init; } = new HashSet<string>();
    public required bool IsVerb { get; init; }
    public required string Cameo { get; init; }
    public required string Plover { get; init; }
    public string? Mode { get; init; }
    public required string Lemma { get; init; }
    /// <summary>"source", "target" or null: the role of a name right after a nominal trigger.</summary>
    public string? Genitive { get; init; }
    public required IReadOnlySet<string> TargetPrepositions { get; init; }
    public required bool DirectObject { get; init; }
    public required IReadOnlySet<string> SourcePrepositions { get; init; }
    public required IReadOnlyList<(string Stem, int Window)> Context { get; init; }
    public required bool Embeds { get; init; }
    public required string Origin { get; init; }
}

/// <summary>A CAMEO code's PLOVER type, mode and context (from <c>cameo_plover.tsv</c>).</summary>
internal sealed record PloverMapping(string Cameo, string Plover, string? Mode, string? Context, string Description);

/// <summary>
/// The event coder's knowledge, loaded from the versioned TSV files of <c>data/events</c> (embedded in this
/// assembly, or read from a folder a user extends): triggers, the CAMEO→PLOVER table, agent nouns and
/// nationality adjectives. Immutable and thread-safe after loading.
/// </summary>
internal sealed class EventKnowledge
{
    /// <summary>The 16 PLOVER event types, in the manual's order.</summary>
    public static readonly IReadOnlyList<string> PloverTypes =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    private const string ResourcePrefix = "Rasid.Nlp.data.events.";
    private static readonly Lazy<EventKnowledge> DefaultInstance = new(() => Load(ReadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private EventKnowledge() { }

    /// <summary>The knowledge shipped with Rasid.</summary>
    public static EventKnowledge Default => DefaultInstance.Value;

    public IReadOnlyList<TriggerEntry> Triggers { get; private init; } = [];
    public IReadOnlyDictionary<string, PloverMapping> CameoToPlover { get; private init; } = new Dictionary<string, PloverMapping>();
    /// <summary>Agent phrases (folded words) → CAMEO role, longest phrases first.</summary>
    public IReadOnlyList<(string[] Words, string Role)> Agents { get; private init; } = [];
    /// <summary>Agents indexed by their first word.</summary>
    public IReadOnlyDictionary<string, List<(string[] Words, string Role)>> AgentsByFirstWord { get; private init; } = new Dictionary<string, List<(string[], string)>>();
    /// <summary>Folded nationality adjective → ISO3 country.</summary>
    public IReadOnlyDictionary<string, string> Nationalities { get; private init; } = new Dictionary<string, string>();
    /// <summary>Agent phrases (words joined by spaces) from Rasid's hand-curated agents_extra.tsv: their role wins over the actor linker's.</summary>
    public IReadOnlySet<string> CuratedAgents { get; private init; } = new HashSet<string>();
    /// <summary>Phrases of role_words.tsv of kind "object" (مستشفى، سوق): places and things that are targets, never sources.</summary>
    public IReadOnlySet<string> ObjectAgents { get; private init; } = new HashSet<string>();
    /// <summary>Phrases of role_words.tsv (common nouns of participants): never read from a word the tagger tags VERB.</summary>
    public IReadOnlySet<string> RoleWords { get; private init; } = new HashSet<string>();
    /// <summary>Word classes that guide source/target assignment (role_cues.tsv).</summary>
    public RoleCues Cues { get; private init; } = RoleCues.Empty;
    /// <summary>Trigger lookup: folded first word of a form → entries with that form.</summary>
    public IReadOnlyDictionary<string, List<(TriggerEntry Entry, string[] Form)>> ByFirstWord { get; private init; } = new Dictionary<string, List<(TriggerEntry, string[])>>();
    /// <summary>Versions of the loaded files, e.g. <c>triggers.tsv@1</c>.</summary>
    public string Versions { get; private init; } = "";

    /// <summary>Loads the knowledge from a folder holding the same files as data/events (for users who extend them).</summary>
    public static EventKnowledge FromDirectory(string directory) =>
        Load(name => File.ReadAllLines(Path.Combine(directory, name)));

    private static string[] ReadEmbedded(string name)
    {
        using var stream = typeof(EventKnowledge).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"event data '{name}' is missing from {typeof(EventKnowledge).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private static EventKnowledge Load(Func<string, string[]> read)
    {
        var versions = new List<string>();
        var cameo = new Dictionary<string, PloverMapping>(StringComparer.Ordinal);
        foreach (var (cols, _) in Rows(read, "cameo_plover.tsv", versions))
        {
            cameo[cols[0]] = new PloverMapping(cols[0], cols[1], Empty(cols, 2), Empty(cols, 3), cols.Length > 4 ? cols[4] : "");
        }

        var triggers = new List<TriggerEntry>();
        foreach (var (cols, line) in Rows(read, "triggers.tsv", versions))
        {
            if (cols.Length < 12) throw new FormatException($"triggers.tsv line {line}: expected 12 tab-separated columns, found {cols.Length}");
            var code = cols[2].Trim();
            var plover = Empty(cols, 3) ?? (cameo.TryGetValue(code, out var m) ? m.Plover : null)
                ?? throw new FormatException($"triggers.tsv line {line}: CAMEO code '{code}' has no PLOVER type");
            if (!PloverTypes.Contains(plover)) throw new FormatException($"triggers.tsv line {line}: unknown PLOVER type '{plover}'");
            var mode = Empty(cols, 4) ?? (cameo.TryGetValue(code, out var m2) ? m2.Mode : null);
            var tprep = Split(cols[7]);
            triggers.Add(new TriggerEntry
            {
                Id = "triggers.tsv:" + line.ToString(CultureInfo.InvariantCulture),
                Forms = [.. cols[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(f => ArabicFold.Fold(f.StartsWith("n:", StringComparison.Ordinal) ? f.AsSpan(2) : f.AsSpan()).Split(' ', StringSplitOptions.RemoveEmptyEntries))],
                NounForms = cols[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(f => f.StartsWith("n:", StringComparison.Ordinal)).Select(f => ArabicFold.Fold(f.AsSpan(2))).ToHashSet(StringComparer.Ordinal),
                IsVerb = cols[1].Trim() == "verb",
                Cameo = code,
                Plover = plover,
                Mode = mode,
                Lemma = cols[5].Trim(),
                Genitive = Empty(cols, 6),
                TargetPrepositions = tprep.Where(p => p != "-").Select(p => ArabicFold.Fold(p)).ToHashSet(StringComparer.Ordinal),
                DirectObject = tprep.Contains("-"),
                SourcePrepositions = Split(cols[8]).Where(p => p != "-").Select(p => ArabicFold.Fold(p)).ToHashSet(StringComparer.Ordinal),
                Context = [.. Split(cols[9]).Select(ParseContext)],
                Embeds = cols[10].Trim() == "yes",
                Origin = cols[11].Trim(),
            });
        }

        var agents = new Dictionary<string, (string[] Words, string Role)>(StringComparer.Ordinal);
        foreach (var (cols, _) in Rows(read, "agents_extra.tsv", versions)) _ = AddAgent(cols, agents, minLetters: 2);
        // Common nouns of participants (role_words.tsv): curated like agents_extra.tsv, whose rows win; "object" rows are only targets.
        var objects = new HashSet<string>(StringComparer.Ordinal);
        var roleWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cols, line) in Rows(read, "role_words.tsv", versions))
        {
            if (cols.Length < 3 || cols[2].Trim() is not ("person" or "object")) throw new FormatException($"role_words.tsv line {line}: expected phrase, role and kind (person or object)");
            if (AddAgent(cols, agents, minLetters: 2) is not { } key) continue;
            roleWords.Add(key);
            if (cols[2].Trim() == "object") objects.Add(key);
        }

        var curated = agents.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (cols, _) in Rows(read, "agents_ar.tsv", versions)) _ = AddAgent(cols, agents, minLetters: 5);

        var nationalities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cols, _) in Rows(read, "nationalities.tsv", versions))
        {
            foreach (var form in cols[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) nationalities.TryAdd(ArabicFold.Fold(form), cols[1].Trim());
        }

        var cues = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var (cols, line) in Rows(read, "role_cues.tsv", versions))
        {
            if (cols.Length < 2) throw new FormatException($"role_cues.tsv line {line}: expected class and forms separated by a tab");
            if (!cues.TryGetValue(cols[0].Trim(), out var list)) cues[cols[0].Trim()] = list = [];
            foreach (var form in Split(cols[1]))
            {
                var words = form.Any(char.IsLower) || form.All(c => c is >= 'A' and <= 'Z') ? [form] : ArabicFold.Fold(form).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0) list.Add(words);
            }
        }

        var byFirst = new Dictionary<string, List<(TriggerEntry, string[])>>(StringComparer.Ordinal);
        foreach (var entry in triggers)
        {
            foreach (var form in entry.Forms)
            {
                if (form.Length == 0) continue;
                if (!byFirst.TryGetValue(form[0], out var list)) byFirst[form[0]] = list = [];
                list.Add((entry, form));
            }
        }

        var agentIndex = new Dictionary<string, List<(string[] Words, string Role)>>(StringComparer.Ordinal);
        foreach (var agent in agents.Values.OrderByDescending(a => a.Words.Length))
        {
            if (!agentIndex.TryGetValue(agent.Words[0], out var list)) agentIndex[agent.Words[0]] = list = [];
            list.Add(agent);
        }

        return new EventKnowledge
        {
            AgentsByFirstWord = agentIndex,
            Triggers = triggers,
            CameoToPlover = cameo,
            Agents = [.. agents.Values.OrderByDescending(a => a.Words.Length)],
            Nationalities = nationalities,
            Cues = new RoleCues(cues),
            CuratedAgents = curated,
            ObjectAgents = objects,
            RoleWords = roleWords,
            ByFirstWord = byFirst,
            Versions = string.Join(",", versions),
        };
    }

    /// <summary>Adds an agent row; returns its key when the row was added (not shadowed by an earlier file's row).</summary>
    private static string? AddAgent(string[] cols, Dictionary<string, (string[] Words, string Role)> agents, int minLetters)
    {
        if (cols.Length < 2) return null;
        var words = ArabicFold.Fold(cols[0]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StripArticle).ToArray();
        if (words.Length == 0 || words.Length > 3 || (words.Length == 1 && words[0].Length < minLetters)) return null;
        var key = string.Join(' ', words);
        return agents.TryAdd(key, (words, cols[1].Trim())) ? key : null;
    }

    /// <summary>Removes a leading ال from a folded word of more than four letters.</summary>
    public static string StripArticle(string folded) =>
        folded.Length > 4 && folded.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? folded[2..] : folded;

    private static (string Stem, int Window) ParseContext(string item)
    {
        var at = item.IndexOf('@', StringComparison.Ordinal);
        return at < 0
            ? (ArabicFold.Fold(item), 3)
            : (ArabicFold.Fold(item.AsSpan(0, at)), int.Parse(item.AsSpan(at + 1), CultureInfo.InvariantCulture));
    }

    private static string? Empty(string[] cols, int i) => cols.Length > i && cols[i].Trim() is { Length: > 0 } s && s != "-" ? s : null;

    private static string[] Split(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<(string[] Cols, int Line)> Rows(Func<string, string[]> read, string name, List<string> versions)
    {
        var lines = read(name);
        var header = true;
        var version = "0";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# version:", StringComparison.Ordinal)) version = line["# version:".Length..].Trim();
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            yield return (line.Split('\t'), i + 1);
        }

        versions.Add(name + "@" + version);
    }

    /// <summary>Names of the embedded data files (for tests).</summary>
    internal static IEnumerable<string> EmbeddedNames =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal));
}
