using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Tests;

public sealed class NerContextCountTests
{
    private static TaggedSentence Sentence(string tagged)
    {
        var pairs = tagged.Split(' ').Select(p => p.Split('/')).ToArray();
        return new TaggedSentence([.. pairs.Select(p => p[0])], [.. pairs.Select(p => p.Length > 1 ? p[1] : "O")]);
    }

    private static List<TaggedSentence> Training()
    {
        List<TaggedSentence> s = [];
        foreach (var club in (string[])["الزمالك", "الاهلي", "الهلال", "النصر"])
        {
            s.Add(Sentence($"فاز نادي {club}/B-ORG على ضيفه"));
        }

        foreach (var name in (string[])["كاسياس", "ميسي", "رونالدو", "بيكهام"])
        {
            s.Add(Sentence($"سجل {name}/B-PER البرتغالي هدفا"));
        }

        s.Add(Sentence("زار الوفد نادي الضباط"));   // نادي once outside an entity: still 4 of 5
        return s;
    }

    [Fact]
    public void Cues_are_the_words_that_usually_stand_next_to_an_entity_of_one_type()
    {
        var (left, right) = NerContextCounts.SelectCues(Training());
        Assert.Equal(1, left["نادي"]);                    // ORG: 4 of its 5 occurrences
        Assert.Equal(0, left["سجل"]);                     // PER
        Assert.Equal(0, right["برتغالي"]);                // word key: ال stripped
        Assert.False(left.ContainsKey("فاز"));            // never right before an entity
        Assert.False(left.ContainsKey("ضباط"));
    }

    [Fact]
    public void A_name_unseen_in_training_gets_counts_from_the_unlabelled_text_and_a_common_word_does_not()
    {
        var (left, right) = NerContextCounts.SelectCues(Training());
        string?[] stream =
        [
            "فاز", "نادي", "بنفيكا", "على", "ضيفه", null,
            "خسر", "نادي", "بنفيكا", "امس", null,
            "وقال", "ديارا", "البرتغالي", "انه", null,
            "وقال", "الوزير", "انه", null,
        ];
        var counts = NerContextCounts.Build(stream, left, right, "1", "test");
        var benfica = counts.Features(EntityMemory.WordKey("بنفيكا"));   // looked up by word key, as the features do
        Assert.Contains("qL=ORG:2", benfica);
        Assert.Contains("qL=ORG%30", benfica);
        Assert.DoesNotContain("qL=ORG:5", benfica);
        Assert.Empty(counts.Features(EntityMemory.WordKey("ديارا")));   // one right-cue hit: below the minimum of 2
        Assert.Empty(counts.Features(EntityMemory.WordKey("الوزير")));
    }

    [Fact]
    public void Context_counts_survive_a_save_and_load_and_a_malformed_line_names_its_line()
    {
        var (left, right) = NerContextCounts.SelectCues(Training());
        string?[] stream = ["نادي", "بنفيكا", null, "نادي", "بنفيكا", null];
        var counts = NerContextCounts.Build(stream, left, right, "3", "unit test");
        using var buffer = new MemoryStream();
        counts.Save(buffer);
        buffer.Position = 0;
        var loaded = NerContextCounts.Load(buffer);
        Assert.Equal("3", loaded.Version);
        var key = EntityMemory.WordKey("بنفيكا");
        Assert.NotEmpty(counts.Features(key));
        Assert.Equal(counts.Features(key), loaded.Features(key));

        using var bad = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(bad, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new StreamWriter(gz)) w.Write("# version: 1\n# test\nبنفيكا\t2,0\t0,0,0,0\t5\n");
        bad.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => NerContextCounts.Load(bad));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }
}
