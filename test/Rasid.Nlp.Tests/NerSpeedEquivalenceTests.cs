using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Tests;

/// <summary>
/// The session-11 speed changes of the entities stage must not change any result: each faster path is compared with the
/// way it was computed before (kept here as the reference).
/// </summary>
public sealed class NerSpeedEquivalenceTests
{
    [Fact]
    public void Pair_feature_hash_continued_from_the_first_half_equals_the_hash_of_the_whole_feature()
    {
        foreach (var (a, b) in new[] { ("في", "دمشق"), ("<s>", "الرئيس"), ("", "x"), ("وزير", "") })
        {
            var start = new NerPairStart("w-1w=", a);
            Assert.Equal(NerFeatureHash.Of("w-1w=" + a + "|" + b), NerFeatureHash.Continue(start.State, b));
            Assert.Equal(NerFeatureHash.Of("ww+1=", a, b), NerFeatureHash.Continue(NerFeatureHash.Start("ww+1=", a), b));
        }

        // Not the same as joining the pieces differently.
        Assert.NotEqual(NerFeatureHash.Of("w-1w=ab|c"), NerFeatureHash.Continue(new NerPairStart("w-1w=", "a").State, "bc"));
    }

    [Fact]
    public void Gazetteer_tag_features_are_the_strings_and_hashes_of_the_tag_name()
    {
        var tag = new NerGazTag("B-city+");
        Assert.Equal(NerFeatureHash.Of("g=B-city+"), tag.AsCurrent.Hash);
        Assert.Equal(NerFeatureHash.Of("g-1=B-city+"), tag.AsPrevious.Hash);
        Assert.Equal(NerFeatureHash.Of("g+1=B-city+"), tag.AsNext.Hash);
        Assert.Equal(NerFeatureHash.Of("g-1g=B-city+|I-first"), NerFeatureHash.Continue(tag.AsPairPrevious.State, "I-first"));

        // As strings (training): the same feature names as before.
        var featurizer = new NerFeatures(EntityLexicon.Default);
        string[] tokens = ["الرئيس", "السوري", "بشار", "الاسد", "في", "دمشق"];
        var norm = tokens.Select(t => featurizer.Facts(t).Norm).ToArray();
        var strings = featurizer.Extract(tokens);
        Assert.Contains($"w-1w={norm[0]}|{norm[1]}", strings[1]);
        Assert.Contains($"ww+1={norm[4]}|{norm[5]}", strings[4]);
        Assert.Contains(strings[5], f => f.StartsWith("g=B-", StringComparison.Ordinal));
        Assert.DoesNotContain(strings[4], f => f.StartsWith("g=", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_past_the_facts_cache_decode_exactly_as_cached_words()
    {
        var model = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        string[][] sentences =
        [
            ["قال", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "في", "موسكو", "ان", "بلاده", "لن", "تتدخل"],
            ["والتقى", "الرئيس", "المصري", "عبد", "الفتاح", "السيسي", "بنظيره", "الفرنسي", "فرانسوا", "هولاند", "في", "القاهرة"],
            ["فاز", "نادي", "الزمالك", "على", "الاهلي", "بهدفين", "نظيفين"],
        ];

        var cached = new NerFeatures(EntityLexicon.Default);
        // A featurizer of its own whose facts all stand for words past the cache: no remembered word-block sums.
        var uncached = new NerFeatures(EntityLexicon.Default);
        var entities = 0;
        foreach (var tokens in sentences)
        {
            var expected = model.Decode(tokens, cached, model.Memory, out var c1);
            var again = model.Decode(tokens, cached, model.Memory, out var c2); // second time: from the remembered sums
            var prepared = uncached.Prepare(tokens);
            foreach (var f in prepared.Facts) f.Shared = false;
            var actual = model.Decode(tokens, uncached, model.Memory, out var c3, prepared: prepared);
            Assert.Equal(expected, again);
            Assert.Equal(c1, c2);
            Assert.Equal(expected, actual);
            Assert.Equal(c1, c3);
            Assert.All(prepared.Facts, f => Assert.Null(f.Block));
            entities += actual.Count(t => t != 0);
        }

        Assert.True(entities >= 6, $"only {entities} entity tokens");
    }

    [Fact]
    public void Actor_row_choice_equals_the_linq_reference_for_dated_and_undated_rows()
    {
        var d2010 = new DateOnly(2010, 1, 1);
        var d2015 = new DateOnly(2015, 1, 1);
        var d2020 = new DateOnly(2020, 1, 1);
        ActorRecord Row(string id, string source, DateOnly? from, DateOnly? to, string code = "SYRGOV", string type = "PER") => new(id, id, type, code, from, to, source);
        ActorRecord[][] cases =
        [
            [Row("a", "petrarch", null, null)],
            [Row("a", "petrarch", d2010, d2015), Row("b", "actors", d2015, null)],
            [Row("a", "actors", d2010, d2015), Row("b", "actors", d2015, d2020), Row("c", "petrarch", null, null)],
            [Row("a", "actors", d2010, d2010), Row("b", "actors", d2020, d2020)],
            [Row("a", "actors", d2015, d2015), Row("b", "actors", d2015, d2015)],
            [Row("a", "petrarch", d2010, d2010, "USA"), Row("b", "petrarch", d2020, null, "IGOUNO", "ORG")],
        ];

        foreach (var rows in cases)
        {
            foreach (DateOnly? date in new DateOnly?[] { null, new DateOnly(2005, 6, 1), new DateOnly(2012, 6, 1), d2015, new DateOnly(2017, 6, 1), new DateOnly(2025, 6, 1) })
            {
                Assert.Equal(Reference(rows, date), ActorLinker.Choose(rows, date));
            }
        }

        Assert.Null(ActorLinker.Choose([], d2015));

        // The implementation before session 11 (LINQ over copied lists).
        static ActorRecord? Reference(IReadOnlyList<ActorRecord> rows, DateOnly? date)
        {
            if (rows.Count == 0) return null;
            var curated = rows.Where(r => r.Source != "petrarch").ToList();
            var pool = curated.Count > 0 ? curated : rows.ToList();
            if (date is not { } d) return pool.FirstOrDefault(r => r.To is null) ?? pool[^1];
            if (pool.FirstOrDefault(r => r.Covers(d)) is { } covering) return covering;
            var nearest = pool.MinBy(r => r.Distance(d))!;
            if (nearest.Code is not { Length: >= 3 } code || nearest.Type == "ORG") return nearest;
            var country = ActorLinker.SplitCode(code).Country;
            if (country is null) return nearest;
            return nearest with { Code = nearest.To is { } to && d > to ? country + "ELI" : country };
        }
    }
}
