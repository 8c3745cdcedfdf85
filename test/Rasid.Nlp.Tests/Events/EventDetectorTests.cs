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
            return detector.Score("ASSAULT", EventDetector.Features(view, TriggerMatcher.Find(view, EventKnowledge.Default)))!.Value;
        }

        Assert.True(Score("قتل عشرة اشخاص في انفجار سيارة مفخخة استهدفت سوقا شعبيا في بغداد امس.") > Score("فاز المنتخب السعودي على نظيره الياباني في نهائي البطولة امس."));
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
