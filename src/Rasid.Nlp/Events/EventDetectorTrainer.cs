using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>Trains <see cref="EventDetector"/> models: a deterministic averaged perceptron per event type.</summary>
internal sealed class EventDetectorTrainer(EventKnowledge knowledge)
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Update weight of a missed positive (the GSR has far fewer positives than negatives).</summary>
    public double PositiveWeight { get; init; } = 3.0;

    /// <summary>Features of one raw sentence.</summary>
    public List<string> Featurize(string text, Tokenizer tokenizer)
    {
        var view = SentenceView.FromText(text, tokenizer);
        return EventDetector.Features(view, TriggerMatcher.Find(view, knowledge));
    }

    /// <summary>Trains one type's model on (features, label) examples.</summary>
    public TypeModel Train(IReadOnlyList<(List<string> Features, bool Label)> examples)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = examples.Select(e => (Ids: e.Features.Select(f => index.TryGetValue(f, out var id) ? id : index[f] = index.Count).ToArray(), e.Label)).ToArray();
        var w = new double[index.Count];
        var total = new double[index.Count];
        var stamp = new int[index.Count];
        var order = Enumerable.Range(0, data.Length).ToArray();
        var step = 1;
        ulong state = 0x9E3779B97F4A7C15UL;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            // Fisher-Yates with a fixed xorshift generator: the same data gives the same model on every machine.
            for (var i = order.Length - 1; i > 0; i--)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                var j = (int)(state % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (var n in order)
            {
                var (ids, label) = data[n];
                double score = 0;
                foreach (var id in ids) score += w[id];
                var y = label ? 1.0 : -1.0;
                if (y * score <= 0)
                {
                    var delta = label ? PositiveWeight : 1.0;
                    foreach (var id in ids)
                    {
                        total[id] += (step - stamp[id]) * w[id];
                        stamp[id] = step;
                        w[id] += y * delta;
                    }
                }

                step++;
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, id) in index)
        {
            total[id] += (step - stamp[id]) * w[id];
            var averaged = total[id] / step;
            if (Math.Abs(averaged) >= 1e-4) weights[feature] = averaged;
        }

        return new TypeModel(weights, 0);
    }
}
