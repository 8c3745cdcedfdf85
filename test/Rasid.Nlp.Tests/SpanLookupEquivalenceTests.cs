using System.Text;
using System.Text.Json;
using Rasid.Nlp.Entities;
using Rasid.Testing;
using EventFold = Rasid.Nlp.Events.ArabicFold;
using TimeFold = Rasid.Nlp.Times.ArabicFold;

namespace Rasid.Nlp.Tests;

/// <summary>
/// The span-based look-ups (entity lexicon, entity memory, folding and stem candidates) must give exactly what the
/// earlier string-building implementations gave. Those implementations are kept here as references and both are run
/// on every token of real sentences: the sample story and the in-repo gold documents.
/// </summary>
public sealed class SpanLookupEquivalenceTests
{
    private static readonly Lazy<List<string[]>> Sentences = new(LoadSentences);

    private static List<string[]> LoadSentences()
    {
        var texts = new List<string> { File.ReadAllText(RepoPaths.SampleStory) };
        foreach (var file in new[] { "dev.jsonl", "saudinewsnet.jsonl", "arabic_event_gsr.jsonl" })
        {
            foreach (var line in File.ReadLines(RepoPaths.InRepo("data", "gold", file)))
            {
                if (line.Trim().Length == 0) continue;
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } t) texts.Add(t);
            }
        }

        var pipeline = new RasidPipeline([.. RasidPipeline.CreateDefault().Components.Take(3)]); // boilerplate, sentences, tokens
        var result = new List<string[]>();
        foreach (var text in texts)
        {
            var doc = pipeline.Analyze(text);
            foreach (var s in doc.Sentences)
            {
                var tokens = doc.Tokens.Where(t => t.Start >= s.Start && t.End <= s.End).Select(t => t.Text).ToArray();
                if (tokens.Length > 0) result.Add(tokens);
            }
        }

        return result;
    }

    private static IEnumerable<string> Words() => Sentences.Value.SelectMany(s => s);

    private static readonly string[] Tricky =
    [
        "", "ـ", "بِسْمِ", "أَإِآٱ", "١٢٣٤", "۱۲۳", "ولللاجئين", "فبالقاهرة", "للأمم", "والسوريين", "كتاب\u0640ة", "abc123", "A-B", "\uFFFF", "\u0000", "x\u064By",
        "مؤتمر", "هيئة", "سَيُعلن", "الامم المتحدة",
    ];

    [Fact]
    public void Ner_decoding_by_feature_hashes_equals_decoding_the_feature_strings_on_real_sentences()
    {
        var model = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var featurizer = new NerFeatures(EntityLexicon.Default);
        var entities = 0;
        foreach (var tokens in Sentences.Value.Append(Tricky.Where(t => t.Length > 0).ToArray()))
        {
            var byStrings = model.Decode(featurizer.Extract(tokens, model.Memory), out var c1);
            var byHashes = model.Decode(tokens, featurizer, model.Memory, out var c2);
            Assert.Equal(byStrings, byHashes);
            Assert.Equal(c1, c2);
            entities += byHashes.Count(t => t != 0);
        }

        Assert.True(entities > 100, $"only {entities} entity tokens: the comparison saw too little");
    }

    [Fact]
    public void Document_pass_decoding_by_feature_hashes_equals_decoding_the_feature_strings()
    {
        var first = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var second = NerModel.DocumentDefault ?? throw new Xunit.Sdk.XunitException("models/ner-doc.bin is not built in");
        var featurizer = new NerFeatures(EntityLexicon.Default);
        var sentences = Sentences.Value.Take(200).ToList();
        var firstPass = sentences.Select(t => NerTool.Tag(first, featurizer, t)).ToList();
        var hints = DocumentHints.Compute(sentences, firstPass, 10);
        var entities = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var byStrings = second.Decode(featurizer.Extract(sentences[s], second.Memory, hints[s]), out var c1);
            var byHashes = second.Decode(sentences[s], featurizer, second.Memory, out var c2, hints[s]);
            Assert.Equal(byStrings, byHashes);
            Assert.Equal(c1, c2);
            entities += byHashes.Count(t => t != 0);
        }

        Assert.True(entities > 50, $"only {entities} entity tokens: the comparison saw too little");
    }

    [Fact]
    public void Both_passes_decoded_as_a_pair_equal_decoding_each_model_alone()
    {
        var first = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var second = NerModel.DocumentDefault ?? throw new Xunit.Sdk.XunitException("models/ner-doc.bin is not built in");
        var pair = first.PairWith(second) ?? throw new Xunit.Sdk.XunitException("the shipped models should remember the same names");
        var featurizer = new NerFeatures(EntityLexicon.Default);
        var sentences = Sentences.Value.Take(200).Append(Tricky.Where(t => t.Length > 0).ToArray()).ToList();
        var record = new FirstPassRecord();
        var starts = new List<int>();
        var firstPass = new List<string[]>();
        foreach (var tokens in sentences)
        {
            starts.Add(record.TokenCount);
            var path = pair.DecodeFirst(tokens, featurizer, out var c0, record);
            Assert.Equal(first.Decode(tokens, featurizer, first.Memory, out var c1), path);
            Assert.Equal(c1, c0);
            Assert.Equal(starts[^1] + tokens.Length, record.TokenCount);
            firstPass.Add([.. path.Select(i => NerModel.Tags[i])]);
        }

        var hints = DocumentHints.Compute(sentences, firstPass, 10);
        var entities = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var extracted = second.Decode(sentences[s], featurizer, second.Memory, out var c2, hints[s]);
            var paired = pair.DecodeSecond(record, starts[s], hints[s], out var c3);
            Assert.Equal(extracted, paired);
            Assert.Equal(c2, c3);
            entities += paired.Count(t => t != 0);
        }

        Assert.True(entities > 50, $"only {entities} entity tokens: the comparison saw too little");
        Assert.Null(second.PairWith(new NerModel([], [], new float[(NerModel.TagCount + 1) * NerModel.TagCount], "test", EntityMemory.Empty)));
    }

    [Fact]
    public void Remembered_word_sums_and_shared_lexicon_matches_decode_exactly_as_a_cold_decoder()
    {
        var first = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var second = NerModel.DocumentDefault ?? throw new Xunit.Sdk.XunitException("models/ner-doc.bin is not built in");
        var pair = first.PairWith(second) ?? throw new Xunit.Sdk.XunitException("the shipped models should remember the same names");
        var sentences = Sentences.Value.Take(300).Append(Tricky.Where(t => t.Length > 0).ToArray()).ToList();
        // Cold: a new featurizer for every sentence (nothing remembered); warm: one featurizer decoding everything twice.
        var cold = new List<(int[] Path, float[] Confidence, float[] Record)>();
        foreach (var tokens in sentences)
        {
            var record = new FirstPassRecord();
            var path = pair.DecodeFirst(tokens, new NerFeatures(EntityLexicon.Default), out var confidence, record);
            cold.Add((path, confidence, record.Scores(0, tokens.Length).ToArray()));
        }

        var warm = new NerFeatures(EntityLexicon.Default);
        for (var round = 0; round < 2; round++)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                var tokens = sentences[s];
                var prepared = warm.Prepare(tokens);
                var norm = tokens.Select(ArabicForms.Normalize).ToArray();
                Assert.Equal(norm, prepared.Norm);
                for (var i = 0; i < norm.Length; i++) Assert.Equal(EntityLexicon.Default.MatchAt(norm, i), prepared.Matches[i]);
                Assert.Equal(first.Memory.Features(prepared.Keys), first.Memory.Features(prepared.Keys, prepared.Facts));
                var record = new FirstPassRecord();
                var path = pair.DecodeFirst(tokens, warm, out var confidence, record, round == 0 ? prepared : null);
                Assert.Equal(cold[s].Path, path);
                Assert.Equal(cold[s].Confidence, confidence);
                Assert.Equal(cold[s].Record, record.Scores(0, tokens.Length).ToArray());
                Assert.Equal(first.Decode(warm.Extract(tokens, first.Memory), out var c1), first.Decode(tokens, warm, first.Memory, out var c2, prepared: prepared));
                Assert.Equal(c1, c2);
            }
        }

        // The same featurizer used by several threads at once (shared word facts) decodes exactly as well.
        var shared = new NerFeatures(EntityLexicon.Default);
        var parallel = new (int[] Path, float[] Confidence)[sentences.Count];
        Parallel.For(0, sentences.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var s = k % sentences.Count;
            var path = pair.DecodeFirst(sentences[s], shared, out var confidence, new FirstPassRecord());
            parallel[s] = (path, confidence);
        });
        for (var s = 0; s < sentences.Count; s++)
        {
            Assert.Equal(cold[s].Path, parallel[s].Path);
            Assert.Equal(cold[s].Confidence, parallel[s].Confidence);
        }

        Assert.Equal(ArabicForms.Normalize("والسوريين"), warm.Facts("والسوريين").Norm);
        Assert.Same(warm.Facts("والسوريين"), warm.Facts("والسوريين"));
    }

    [Fact]
    public void Feature_hashes_of_pieces_equal_the_hash_of_the_joined_string()
    {
        Assert.Equal(NerFeatureHash.Of("w-1w=في|دمشق"), NerFeatureHash.Of("w-1w=", "في", "دمشق"));
        Assert.Equal(NerFeatureHash.Of("p2=ال"), NerFeatureHash.Of("p2=", "الرئيس".AsSpan(0, 2)));
        Assert.NotEqual(NerFeatureHash.Of("w=ab|c"), NerFeatureHash.Of("w=a|bc"));
    }

    [Fact]
    public void Span_lexicon_matching_finds_the_same_phrases_as_the_string_building_matcher_on_real_sentences()
    {
        var lexicon = EntityLexicon.Default;
        var matches = 0;
        foreach (var tokens in Sentences.Value)
        {
            var norm = tokens.Select(ReferenceNormalize).ToArray();
            for (var i = 0; i < norm.Length; i++)
            {
                if (norm[i].Length == 0) continue;
                var expected = ReferenceMatchAt(lexicon, norm, i);
                var actual = lexicon.MatchAt(norm, i);
                Assert.Equal(expected, actual);
                matches += actual.Count;
            }
        }

        Assert.True(matches > 500, $"only {matches} lexicon matches: the comparison would prove little");
    }

    [Fact]
    public void Multi_word_phrases_and_clitic_forms_match_through_the_span_lexicon()
    {
        var norm = new[] { "وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "لمجلس", "الامن", "الدولي" }.Select(w => ArabicForms.Normalize(w)).ToArray();
        Assert.Equal(ReferenceMatchAt(EntityLexicon.Default, norm, 3), EntityLexicon.Default.MatchAt(norm, 3));
        var putin = EntityLexicon.Default.MatchAt(norm, 3);
        Assert.Contains(putin, m => m.Length == 2); // فلاديمير بوتين
        var council = EntityLexicon.Default.MatchAt(norm, 5);
        Assert.Equal(ReferenceMatchAt(EntityLexicon.Default, norm, 5), council);
        Assert.Contains(council, m => m.Length >= 2 && m.PrefixLength == 1); // ل + مجلس الامن
        // A word that starts no phrase matches nothing.
        Assert.Empty(EntityLexicon.Default.MatchAt(["وقال"], 0));
    }

    [Fact]
    public void Entity_normalization_of_a_string_equals_the_character_by_character_reference_and_reuses_unchanged_words()
    {
        foreach (var w in Words().Concat(Tricky))
        {
            Assert.Equal(ReferenceNormalize(w), ArabicForms.Normalize(w));
            Assert.Equal(ReferenceNormalize(w), ArabicForms.Normalize(w.AsSpan()));
            Assert.Equal(ReferenceKey(ReferenceStem(ReferenceNormalize(w))), EntityMemory.WordKey(ArabicForms.Normalize(w)));
        }

        const string plain = "روسيا";
        Assert.Same(plain, ArabicForms.Normalize(plain));
        Assert.Equal("\u0627\u0633\u062F", ArabicForms.Normalize("\u0623\u064E\u0633\u064E\u062F")); // أَسَد → اسد
    }

    [Fact]
    public void Entity_memory_features_equal_the_string_building_reference_on_real_sentences()
    {
        var memory = NerModel.Default?.Memory;
        Assert.NotNull(memory);
        var hits = 0;
        foreach (var tokens in Sentences.Value)
        {
            var keys = tokens.Select(t => EntityMemory.WordKey(ArabicForms.Normalize(t))).ToArray();
            var expected = ReferenceMemoryFeatures(memory, keys);
            var actual = memory.Features(keys);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < keys.Length; i++) Assert.Equal(expected[i], actual[i].Select(f => f.Name));
            hits += actual.Sum(f => f.Count);
        }

        Assert.True(hits > 500, $"only {hits} memory features");
    }

    [Fact]
    public void Event_folding_and_stem_candidates_equal_the_reference_on_real_words()
    {
        foreach (var w in Words().Concat(Tricky))
        {
            var folded = ReferenceEventFold(w);
            Assert.Equal(folded, EventFold.Fold(w));
            Assert.Equal(folded, EventFold.Fold(w.AsSpan()));
            Assert.Equal(ReferenceEventCandidates(folded), EventFold.Candidates(folded));
        }

        Assert.Contains(EventFold.Candidates("والسوريين"), c => c.Stem == "سوري" && c.Proclitic == "\u0648\u0627\u0644"); // و + ال, ين
    }

    [Fact]
    public void Time_folding_equals_the_reference_and_maps_arabic_indic_digits()
    {
        foreach (var w in Words().Concat(Tricky))
        {
            Assert.Equal(ReferenceTimeFold(w), TimeFold.Fold(w));
            Assert.Equal(ReferenceTimeFold(w), TimeFold.Fold(w.AsSpan()));
        }

        Assert.Equal("2015", TimeFold.Fold("٢٠١٥"));
        Assert.Equal(21, TimeFold.Number("21".AsSpan()));
        Assert.Equal(-1, TimeFold.Number("21.7".AsSpan()));
    }

    // ---- the earlier implementations, kept as references ----

    private static string ReferenceNormalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640') continue;
            sb.Append(c switch
            {
                '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627',
                '\u0629' => '\u0647',
                '\u0649' or '\u06CC' => '\u064A',
                '\u06A9' => '\u0643',
                _ when char.IsDigit(c) => '0',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static string ReferenceStripArticle(string n) => n.Length > 3 && n.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? n[2..] : n;

    private static string ReferenceKey(string n)
    {
        var k = ReferenceStripArticle(n);
        if (k.Length > 3 && k[^1] == '\u0647') k = k[..^1];
        return k;
    }

    private static string ReferenceStem(string n)
    {
        var p = ArabicForms.ConjPrepLength(n, 3);
        var rest = n[p..];
        if (p > 0 && n[p - 1] == '\u0644' && rest.Length > 3 && rest[0] == '\u0644' && rest[1] != '\u0644') return rest[1..];
        return ReferenceStripArticle(rest);
    }

    private static IEnumerable<(int PrefixLength, string Stem)> ReferenceCandidates(string normalized)
    {
        yield return (0, normalized);
        var noArticle = ReferenceStripArticle(normalized);
        if (noArticle.Length != normalized.Length) yield return (2, noArticle);
        for (var p = 1; p <= 2 && p < normalized.Length - 2; p++)
        {
            if (p > ArabicForms.ConjPrepLength(normalized)) break;
            var rest = normalized[p..];
            yield return (p, rest);
            if (rest.Length > 3 && rest.StartsWith("\u0627\u0644", StringComparison.Ordinal)) yield return (p + 2, rest[2..]);
            else if (rest.Length > 2 && normalized[p - 1] == '\u0644' && rest[0] == '\u0644') yield return (p + 1, rest[1..]);
        }
    }

    private static List<LexMatch> ReferenceMatchAt(EntityLexicon lexicon, string[] normalized, int start)
    {
        LexEntry? EntryOf(StringBuilder key) => lexicon.ByKey(key.ToString());
        var result = new List<LexMatch>();
        var seenPrefix = new HashSet<int>();
        foreach (var (prefix, stem) in ReferenceCandidates(normalized[start]))
        {
            var key = ReferenceKey(stem);
            if (key.Length < 2) continue;
            var sb = new StringBuilder(key);
            for (var len = 1; len <= EntityLexicon.MaxPhraseTokens && start + len <= normalized.Length; len++)
            {
                if (len > 1) sb.Append(' ').Append(ReferenceKey(normalized[start + len - 1]));
                // A last word whose final ه/ة the key dropped finds a place or actor only when one of its names has it.
                var last = len == 1 ? stem : normalized[start + len - 1];
                var dropped = ReferenceKey(last).Length < ReferenceStripArticle(last).Length;
                // A place or curated actor named only with the article needs it in the first word, one named only without refuses it.
                var word = normalized[start];
                var article = ReferenceStripArticle(stem).Length < stem.Length
                              || (prefix >= 2 && (word.Substring(prefix - 2, 2) == "\u0627\u0644" || (word[prefix - 1] == '\u0644' && word[prefix - 2] == '\u0644')));
                var hidden = (dropped && EntryOf(sb) is { ProperNamesNeedBareForm: true }) || (article ? EntryOf(sb) is { ProperNamesRefuseArticle: true } : EntryOf(sb) is { ProperNamesNeedArticle: true });
                if (lexicon.ByKey(sb.ToString()) is { } found && (hidden ? found.WithoutProperNames : found) is { } entry)
                {
                    var spanPrefix = prefix;
                    if (prefix >= 2 && stem.Length + prefix == normalized[start].Length && normalized[start].AsSpan(prefix - 2).StartsWith("\u0627\u0644")) spanPrefix = prefix - 2;
                    if (prefix == 0 || seenPrefix.Add(len)) result.Add(new LexMatch(start, len, spanPrefix, entry));
                }
            }
        }

        result.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : a.PrefixLength.CompareTo(b.PrefixLength));
        return result;
    }

    private static List<string>[] ReferenceMemoryFeatures(EntityMemory memory, string[] keys)
    {
        var result = new List<string>[keys.Length];
        for (var i = 0; i < keys.Length; i++) result[i] = [];
        for (var i = 0; i < keys.Length; i++)
        {
            if (memory.Words.TryGetValue(keys[i], out var w))
            {
                var ratio = (double)w.Entity / w.Total;
                result[i].Add("mw=" + w.Type + (ratio >= 0.9 ? "!" : ratio >= 0.5 ? "+" : "-"));
            }

            var sb = new StringBuilder();
            for (var len = 1; len <= 5 && i + len <= keys.Length; len++)
            {
                if (len > 1) sb.Append(' ');
                sb.Append(keys[i + len - 1]);
                if (!memory.Phrases.TryGetValue(sb.ToString(), out var type)) continue;
                for (var k = 0; k < len; k++) result[i + k].Add((k == 0 ? "mB-" : "mI-") + type + (len > 1 ? "+" : ""));
            }
        }

        return result;
    }

    private static string ReferenceEventFold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u0622' or '\u0623' or '\u0625' or '\u0671': sb.Append('\u0627'); break;
                case '\u0649' or '\u06CC' or '\u0626': sb.Append('\u064A'); break;
                case '\u0629': sb.Append('\u0647'); break;
                case '\u0624': sb.Append('\u0648'); break;
                case '\u06A9': sb.Append('\u0643'); break;
                case ' ': sb.Append(' '); break;
                default:
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') break;
                    if (char.IsLetterOrDigit(c)) sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static readonly string[] VerbPrefixes = ["\u064A", "\u062A", "\u0646", "\u0627"];

    private static readonly string[] Suffixes =
    [
        "\u0648\u0646", "\u064A\u0646", "\u0627\u0646", "\u0627\u062A", "\u0648\u0627", "\u062A\u0627", "\u062A\u0645",
        "\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", "\u0647\u0646", "\u0643\u0645", "\u0646\u0627", "\u0646\u064A",
        "\u0647", "\u062A", "\u064A", "\u0643", "\u0627",
    ];

    private static List<Rasid.Nlp.Events.StemCandidate> ReferenceEventCandidates(string folded)
    {
        var result = new List<Rasid.Nlp.Events.StemCandidate>();
        var seen = new HashSet<(string, bool)>();
        foreach (var pro in EventFold.ProcliticForms)
        {
            if (!folded.StartsWith(pro, StringComparison.Ordinal) || folded.Length - pro.Length < 2) continue;
            var rest = folded[pro.Length..];
            AddWithSuffixes(rest, pro, false);
            foreach (var vp in VerbPrefixes)
            {
                if (rest.Length - vp.Length >= 3 && rest.StartsWith(vp, StringComparison.Ordinal) && !pro.EndsWith("\u0627\u0644", StringComparison.Ordinal) && !pro.EndsWith("\u0644\u0644", StringComparison.Ordinal))
                {
                    AddWithSuffixes(rest[vp.Length..], pro, true);
                }
            }
        }

        return result;

        void AddWithSuffixes(string stem, string pro, bool imperfect)
        {
            Add(stem, pro, imperfect);
            foreach (var suffix in Suffixes)
            {
                if (stem.Length - suffix.Length >= 2 && stem.EndsWith(suffix, StringComparison.Ordinal)) Add(stem[..^suffix.Length], pro, imperfect);
            }
        }

        void Add(string stem, string pro, bool imperfect)
        {
            if (seen.Add((stem + "|" + pro, imperfect))) result.Add(new Rasid.Nlp.Events.StemCandidate(stem, pro, imperfect));
        }
    }

    private static string ReferenceTimeFold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case 'أ' or 'إ' or 'آ' or 'ٱ': sb.Append('ا'); break;
                case 'ى': sb.Append('ي'); break;
                case 'ة': sb.Append('ه'); break;
                case '\u0640': break;
                default:
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') break;
                    if (c >= '\u0660' && c <= '\u0669') { sb.Append((char)('0' + (c - '\u0660'))); break; }
                    if (c >= '\u06F0' && c <= '\u06F9') { sb.Append((char)('0' + (c - '\u06F0'))); break; }
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
