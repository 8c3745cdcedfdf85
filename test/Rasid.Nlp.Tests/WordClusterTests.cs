using Rasid.Core;
using Rasid.Nlp.Entities;
using Rasid.Text;

namespace Rasid.Nlp.Tests;

public sealed class WordClusterTests
{
    private static WordClusterTrainer TrainerOn(params string[] texts)
    {
        var trainer = new WordClusterTrainer { MinCount = 1, ContextWords = 50, Dimensions = 64, LevelBits = [1, 1] };
        var tokenizer = new Tokenizer();
        var spans = new List<TokenSpan>();
        foreach (var text in texts) trainer.AddText(text, tokenizer, spans);
        return trainer;
    }

    [Fact]
    public void Words_in_the_same_contexts_share_a_cluster_and_words_in_other_contexts_do_not()
    {
        var texts = new List<string>();
        foreach (var city in (string[])["دمشق", "القاهرة", "بغداد"])
        {
            for (var k = 0; k < 5; k++) texts.Add($"وصل الوزير الى {city} صباح اليوم .");
        }

        foreach (var verb in (string[])["أكل", "شرب"])
        {
            for (var k = 0; k < 5; k++) texts.Add($"الطفل {verb} كثيرا في البيت");
        }

        var clusters = TrainerOn([.. texts]).Train();
        Assert.Equal(clusters["دمشق"], clusters["القاهره"]);   // normalized: ة → ه
        Assert.Equal(clusters["دمشق"], clusters["بغداد"]);
        Assert.Equal(clusters["اكل"], clusters["شرب"]);         // normalized: أ → ا
        Assert.NotEqual(clusters["دمشق"], clusters["اكل"]);
        Assert.All(clusters.Values, bits => Assert.Equal(2, bits.Length));
    }

    [Fact]
    public void Clusters_survive_a_save_and_load_and_a_clitic_word_falls_back_to_its_stem()
    {
        var clusters = new Dictionary<string, string>(StringComparer.Ordinal) { ["الزمالك"] = "0101", ["دمشق"] = "1100" };
        using var stream = new MemoryStream();
        WordClusterTrainer.Save(clusters, stream, "7", "test");
        stream.Position = 0;
        var loaded = WordClusters.Load(stream);
        Assert.Equal("7", loaded.Version);
        Assert.Equal("1100", loaded.Path("دمشق"));
        Assert.Equal("1100", loaded.PathOfToken("بدمشق", "دمشق"));         // ب + دمشق
        Assert.Equal("0101", loaded.PathOfToken("والزمالك", "زمالك"));     // و + ال + stem
        Assert.Null(loaded.PathOfToken("بيروت", "بيروت"));
    }

    [Fact]
    public void The_shipped_clusters_group_first_names_and_football_clubs_and_know_no_gibberish()
    {
        var clusters = WordClusters.Default;
        Assert.True(clusters.Count > 10000);
        var mohammed = clusters.Path("محمد");
        Assert.NotNull(mohammed);
        Assert.Equal(mohammed, clusters.Path("احمد"));
        Assert.Equal(mohammed, clusters.Path("عبدالله"));
        Assert.Equal(clusters.Path("الهلال"), clusters.Path("الاهلي"));
        Assert.NotEqual(mohammed, clusters.Path("الهلال"));
        Assert.Null(clusters.Path("قثصضشسي"));
    }
}
