using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Events;
using Rasid.Testing;

namespace Rasid.Nlp.Tests.Events;

public sealed class EventDetectorTests
{
    [Fact]
    public void The_embedded_model_has_both_types_and_reads_back_from_its_own_json()
    {
        var detector = EventDetector.Default;
        Assert.NotNull(detector);
        Assert.Contains("ASSAULT", detector.Types.Keys);
        Assert.Contains("PROTEST", detector.Types.Keys);
        var again = EventDetector.FromJson(detector.ToJson([]));
        Assert.Equal(detector.Types["ASSAULT"].Weights.Count, again.Types["ASSAULT"].Weights.Count);
        Assert.Equal(detector.Types["ASSAULT"].Threshold, again.Types["ASSAULT"].Threshold);
    }

    [Fact]
    public void A_clear_bombing_report_scores_higher_for_ASSAULT_than_a_football_result()
    {
        var detector = EventDetector.Default!;
        var tokenizer = new Rasid.Text.Tokenizer();
        double Score(string text)
        {
            var view = SentenceView.FromText(text, tokenizer);
            return detector.Score("ASSAULT", EventDetector.Features(view, TriggerMatcher.Find(view, EventKnowledge.Default), Rasid.Nlp.Entities.WordClusters.Default, EventKnowledge.Default.Cues))!.Value;
        }

        Assert.True(Score("قتل عشرة اشخاص في انفجار سيارة مفخخة استهدفت سوقا شعبيا في بغداد امس.") > Score("فاز المنتخب السعودي على نظيره الياباني في نهائي البطولة امس."));
    }

    private static List<DetectorFeature> FeaturesOf(string text)
    {
        var view = SentenceView.FromText(text, new Rasid.Text.Tokenizer());
        return EventDetector.Features(view, TriggerMatcher.Find(view, EventKnowledge.Default), Rasid.Nlp.Entities.WordClusters.Default, EventKnowledge.Default.Cues);
    }

    [Fact]
    public void Each_feature_appears_once_and_word_features_weigh_less_in_a_long_sentence()
    {
        var shortOne = FeaturesOf("قتل عشرة اشخاص في العراق");
        var longOne = FeaturesOf("قال مسؤول في الشرطة امس ان عشرة اشخاص قتلوا في العراق عندما انفجرت قنبلة قرب سوق شعبي في وسط المدينة");
        foreach (var features in new[] { shortOne, longOne })
        {
            Assert.Equal(features.Count, features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Equal(1.0, shortOne.Single(f => f.Name == "w:العراق").Value);
        Assert.InRange(longOne.Single(f => f.Name == "w:العراق").Value, 0.4, 0.7);
        // Trigger features keep their full value whatever the length.
        Assert.All(longOne.Where(f => f.Name.StartsWith("lex", StringComparison.Ordinal)), f => Assert.Equal(1.0, f.Value));
    }

    [Fact]
    public void A_count_next_to_the_trigger_is_a_feature_and_a_bare_mention_of_an_attack_has_none()
    {
        Assert.Contains(FeaturesOf("قتل 18 شخصا في هجوم على سوق"), f => f.Name == "lexx:ASSAULT:v:count");
        Assert.Contains(FeaturesOf("تظاهر مئات الطلاب امام الوزارة"), f => f.Name == "lexx:PROTEST:v:count");
        Assert.DoesNotContain(FeaturesOf("يتواصل الهجوم على الحريات الاجتماعية"), f => f.Name.EndsWith(":count", StringComparison.Ordinal));
    }

    [Fact]
    public void A_venue_after_a_protest_trigger_and_a_speech_verb_before_it_are_features()
    {
        Assert.Contains(FeaturesOf("وتجمع مئات المتظاهرين امام مبنى مجلس المحافظة"), f => f.Name == "lexx:PROTEST:v:venue");
        Assert.Contains(FeaturesOf("وردد المتظاهرون شعارات ضد محافظ البصرة"), f => f.Name == "lexx:PROTEST:n:utter");
        // The protesters as the subject of the protest itself, with no venue in the clause: neither feature.
        var plain = FeaturesOf("احتج المتظاهرون على قرار الحكومة");
        Assert.DoesNotContain(plain, f => f.Name.EndsWith(":venue", StringComparison.Ordinal) || f.Name.EndsWith(":utter", StringComparison.Ordinal));
    }

    [Fact]
    public void Threshold_smoothing_keeps_every_positive_of_separable_data_and_reports_the_AUC()
    {
        // Positives and negatives told apart by one word each; every sixth sentence is positive.
        var examples = new List<DetectorExample>();
        for (var i = 0; i < 60; i++)
        {
            var positive = i % 6 == 0;
            examples.Add(new DetectorExample([new("bias", 1), new(positive ? "w:تظاهر" : "w:مباراه", 1), new("w:n" + i, 1)], positive, Candidate: true));
        }

        var smoothed = new EventDetectorTrainer(EventKnowledge.Default) { Epochs = 5, L2 = 1e-3 };
        var single = new EventDetectorTrainer(EventKnowledge.Default) { Epochs = 5, L2 = 1e-3, ThresholdSmoothing = 0 };
        smoothed.Train(examples, out var a);
        single.Train(examples, out var b);
        // Separable data: both find every positive; the smoothed F1 of the chosen cut is at most the single cut's F1.
        Assert.Equal(1.0, a.Recall, 3);
        Assert.Equal(b.F1, b.Smoothed, 6);
        Assert.True(a.Smoothed <= a.F1 + 1e-9);
        Assert.InRange(a.Auc, 0.99, 1.0);
    }

    [Fact]
    public void The_threshold_counts_a_positive_without_a_trigger_as_missed_when_it_is_chosen_on_triggered_sentences()
    {
        // Ten positives share a word; half of them have no trigger of the type, so the coder can never code them.
        var examples = new List<DetectorExample>();
        for (var i = 0; i < 40; i++)
        {
            var positive = i % 4 == 0;
            var features = new List<DetectorFeature> { new("bias", 1), new(positive ? "w:قصف" : "w:مباراه", 1), new("w:n" + i, 1) };
            examples.Add(new DetectorExample(features, positive, Candidate: !positive || i % 8 == 0));
        }

        var trainer = new EventDetectorTrainer(EventKnowledge.Default) { Epochs = 5, L2 = 1e-3 };
        trainer.Train(examples, out var gated);
        new EventDetectorTrainer(EventKnowledge.Default) { Epochs = 5, L2 = 1e-3, GateThreshold = false }.Train(examples, out var ungated);
        Assert.Equal(1.0, ungated.Recall, 3);
        Assert.Equal(0.5, gated.Recall, 3);
        Assert.Equal(10, gated.Positives);
    }

    [SkippableFact]
    public void The_GSR_files_read_with_about_a_fifth_of_the_scored_sentences_in_dev()
    {
        var dir = RepoPaths.SharedData("arabic_event_gsr");
        foreach (var file in new[] { "assault_gsr.csv", "protest_gsr.csv" })
        {
            var sentences = GsrData.Read(Path.Combine(dir, file));
            Assert.True(sentences.Count > 1000);
            Assert.Contains(sentences, s => s.Gold == true && s.IsDev);
            var share = (double)sentences.Count(s => s.IsDev) / sentences.Count;
            Assert.InRange(share, 0.15, 0.25);
            Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
        }
    }

    [Fact]
    public void A_malformed_GSR_file_is_one_clear_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad_gsr.csv");
        File.WriteAllText(path, "id,label\n1,\"yes\n");
        var ex = Assert.Throws<FormatException>(() => GsrData.Read(path));
        Assert.Contains("bad_gsr.csv", ex.Message);
    }
}
