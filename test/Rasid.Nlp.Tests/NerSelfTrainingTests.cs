using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Tests;

public sealed class NerSelfTrainingTests
{
    private static readonly List<TaggedSentence> Training =
    [
        new(["زار", "كمال", "زيدان", "مدينة", "طرابلس"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        new(["اعلنت", "شركة", "نفط", "الشمال", "ارباحها"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"]),
        new(["قال", "كمال", "زيدان", "انه", "متفائل"], ["O", "B-PER", "I-PER", "O", "O"]),
        new(["وصل", "الوفد", "الى", "طرابلس", "امس"], ["O", "O", "O", "B-LOC", "O"]),
    ];

    private static (NerModel Model, NerFeatures Features) Tiny()
    {
        var features = new NerFeatures(EntityLexicon.Default);
        return (new NerTrainer(features) { Epochs = 5, Folds = 1 }.Train(Training, "tiny"), features);
    }

    [Fact]
    public void Self_labelling_keeps_at_most_N_sentences_that_the_model_tags_with_an_entity_and_labels_them_with_its_tags()
    {
        var (model, features) = Tiny();
        string[][] pool = [["زار", "كمال", "زيدان", "مدينة", "طرابلس"], ["قال", "الوفد", "انه", "متفائل", "امس"], ["وصل", "الوفد", "الى", "طرابلس", "امس"]];
        Assert.All(NerTool.Tag(model, features, pool[1]), t => Assert.Equal("O", t));

        var all = NerTool.SelfLabel(model, features, pool, 10, 0);
        Assert.Equal(2, all.Count);
        Assert.DoesNotContain(all, s => s.Tokens == pool[1]);
        Assert.All(all, s => Assert.Equal(NerTool.Tag(model, features, s.Tokens), s.Tags));

        var one = Assert.Single(NerTool.SelfLabel(model, features, pool, 1, 0));
        Assert.Contains(one.Tags, t => t != "O");
        Assert.Empty(NerTool.SelfLabel(model, features, pool, 10, 1.01f));
    }

    [Fact]
    public void Names_remembered_from_training_are_not_taken_as_new_self_training_names()
    {
        var (model, features) = Tiny();
        string[][] pool = [.. Enumerable.Repeat<string[]>(["زار", "كمال", "زيدان", "مدينة", "طرابلس"], 4)];
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC"], NerTool.Tag(model, features, pool[0]));
        Assert.Empty(NerTool.SelfLabelNames(model, features, pool, 10));
    }

    [Fact]
    public void A_new_name_tagged_consistently_in_the_unlabelled_pool_gets_its_type_in_every_kept_sentence()
    {
        var (model, features) = Tiny();
        string[] visit = ["زار", "كريم", "سالم", "مدينة", "طرابلس"];
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC"], NerTool.Tag(model, features, visit));
        string[][] pool = [visit, visit, visit, ["ثم", "تحدث", "كريم", "سالم", "طويلا"], ["وكان", "الجو", "حارا", "جدا", "امس"]];

        var kept = NerTool.SelfLabelNames(model, features, pool, 10);
        Assert.Equal(4, kept.Count);
        Assert.Equal(["O", "O", "B-PER", "I-PER", "O"], kept[3].Tags);
        Assert.All(kept.Take(3), s => Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC"], s.Tags));
    }
}
