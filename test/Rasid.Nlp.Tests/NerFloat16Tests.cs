using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Tests;

/// <summary>
/// Session 12: the NER weight table keeps the weights of a model read from its file as float16, and the memory and hint
/// features carry their hashes; decoding must give exactly the floats of before.
/// </summary>
public sealed class NerFloat16Tests
{
    [Fact]
    public void Every_finite_float16_is_added_exactly_as_its_float_value_by_lanes_and_one_by_one()
    {
        var checkedValues = 0;
        // Rows of 18 (two vectors of 8 and two single ones, as the paired table) and of 9 (one vector and one single).
        foreach (var width in new[] { 18, 9 })
        {
            var source = new Half[width];
            var sums = new float[width];
            for (var first = 0; first < 0x10000; first += width)
            {
                for (var t = 0; t < width; t++)
                {
                    var bits = (ushort)((first + t) & 0xFFFF);
                    source[t] = Half.IsFinite(BitConverter.UInt16BitsToHalf(bits)) ? BitConverter.UInt16BitsToHalf(bits) : Half.One;
                }

                // From −0 (−0 + x is x for every x, −0 included) and from sums that round.
                foreach (var start in new[] { -0f, 1.000001f, -3.3333333f })
                {
                    Array.Fill(sums, start);
                    var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(source.AsSpan());
                    Float16.AddTo(sums, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(bytes));
                    for (var t = 0; t < width; t++)
                    {
                        var expected = start + (float)source[t];
                        Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(sums[t]), $"0x{BitConverter.HalfToUInt16Bits(source[t]):X4} from {start}: {sums[t]} instead of {expected}");
                        checkedValues++;
                    }
                }
            }
        }

        Assert.True(checkedValues > 6 * 0x10000 - 100);
    }

    [Fact]
    public void The_branch_free_conversion_of_one_float16_gives_its_float_bits()
    {
        for (var bits = 0; bits < 0x10000; bits++)
        {
            var h = BitConverter.UInt16BitsToHalf((ushort)bits);
            if (!Half.IsFinite(h)) continue;
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)h), BitConverter.SingleToUInt32Bits(Float16.ToSingle((ushort)bits)));
        }
    }

    [Fact]
    public void Only_finite_values_that_are_exactly_a_float16_are_kept_as_float16()
    {
        Assert.True(Float16.Holds([0.5f, -0f, 0f, 65504f, -1.5f, (float)BitConverter.UInt16BitsToHalf(1)])); // 2^-24: the least subnormal
        Assert.False(Float16.Holds([0.5f, 0.1f]));
        Assert.False(Float16.Holds([float.NaN]));
        Assert.False(Float16.Holds([float.PositiveInfinity]));
        Assert.False(Float16.Holds([65520f])); // rounds to infinity as a float16
        Assert.True(Float16.Holds([]));
    }

    [Fact]
    public void Shipped_models_decode_from_float16_in_half_the_bytes_of_floats()
    {
        var first = NerModel.Default ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var document = NerModel.DocumentDefault ?? throw new Xunit.Sdk.XunitException("models/ner-doc.bin is not built in");
        Assert.True(first.HalfWeights);
        Assert.True(document.HalfWeights);
        var pair = first.PairWith(document);
        Assert.NotNull(pair);
        Assert.True(pair.HalfWeights);
        // Keys of 8 bytes and rows of 2 × 9 bytes (one model) instead of 4 × 9.
        var slots = first.FeatureCount * 10L / 7 + 16;
        Assert.Equal(slots * (8 + 2 * NerModel.TagCount), first.TableBytes);
    }

    [Fact]
    public void The_first_model_of_a_pair_never_builds_a_table_of_its_own()
    {
        NerModel Fresh(string file)
        {
            using var stream = EntityData.OpenModel(file) ?? throw new Xunit.Sdk.XunitException($"models/{file} is not built in");
            return NerModel.Load(stream);
        }

        var first = Fresh("ner.bin");
        var document = Fresh("ner-doc.bin");
        var pair = first.PairWith(document);
        Assert.NotNull(pair);
        string[] tokens = ["قال", "الرئيس", "السوري", "بشار", "الاسد", "في", "دمشق"];
        var paired = pair.DecodeFirst(tokens, new NerFeatures(EntityLexicon.Default), out var c1, new FirstPassRecord());
        Assert.False(first.TableBuilt);
        Assert.True(document.TableBuilt);
        // Decoding the first model alone builds it, and gives the same path and confidences.
        Assert.Equal(paired, first.Decode(tokens, new NerFeatures(EntityLexicon.Default), first.Memory, out var c2));
        Assert.True(first.TableBuilt);
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void A_just_trained_model_keeps_float_weights_and_decodes_by_hashes_exactly_as_by_strings_and_so_does_its_saved_copy()
    {
        var data = new List<TaggedSentence>
        {
            new(["زار", "كمال", "زيدان", "مدينة", "طرابلس"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
            new(["اعلنت", "شركة", "نفط", "الشمال", "ارباحها"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"]),
            new(["قال", "كمال", "زيدان", "انه", "متفائل"], ["O", "B-PER", "I-PER", "O", "O"]),
            new(["وصل", "الوفد", "الى", "طرابلس", "امس"], ["O", "O", "O", "B-LOC", "O"]),
        };
        var featurizer = new NerFeatures(EntityLexicon.Default);
        var trained = new NerTrainer(featurizer) { Epochs = 5, Folds = 1, Seeds = 3 }.Train(data, "tiny");
        using var stream = new MemoryStream();
        trained.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.False(trained.HalfWeights); // weights averaged over three seeds: not float16 values
        Assert.True(loaded.HalfWeights);
        string[][] sentences = [["قال", "كمال", "زيدان", "في", "طرابلس"], ["اعلنت", "شركة", "نفط", "الجنوب"], ["امس"]];
        foreach (var model in new[] { trained, loaded })
        {
            foreach (var tokens in sentences)
            {
                var byStrings = model.Decode(featurizer.Extract(tokens, model.Memory), out var c1);
                var byHashes = model.Decode(tokens, featurizer, model.Memory, out var c2);
                Assert.Equal(byStrings, byHashes);
                Assert.Equal(c1.Select(BitConverter.SingleToUInt32Bits), c2.Select(BitConverter.SingleToUInt32Bits));
            }
        }
    }

    [Fact]
    public void Memory_and_hint_features_hash_as_the_strings_they_stand_for_and_are_shared()
    {
        var feature = new NerTokenFeature("mw=PER!");
        Assert.Equal(NerFeatureHash.Of("mw=PER!"), feature.AsCurrent.Hash);
        Assert.Equal(NerFeatureHash.Of("-1mw=PER!"), feature.AsPrevious.Hash);
        Assert.Equal(NerFeatureHash.Of("+1mw=PER!"), feature.AsNext.Hash);

        // As strings (training): the same names as before, the neighbours' with -1 / +1.
        var memory = NerModel.Default?.Memory ?? throw new Xunit.Sdk.XunitException("models/ner.bin is not built in");
        var (name, _) = memory.Phrases.First(p => !p.Key.Contains(' ', StringComparison.Ordinal));
        var featurizer = new NerFeatures(EntityLexicon.Default);
        string[] tokens = ["قال", name, "امس"];
        var keys = tokens.Select(t => EntityMemory.WordKey(ArabicForms.Normalize(t))).ToArray();
        var remembered = memory.Features(keys)[1];
        Assert.NotEmpty(remembered);
        var strings = featurizer.Extract(tokens, memory);
        foreach (var f in remembered)
        {
            Assert.Contains(f.Name, strings[1]);
            Assert.Contains("-1" + f.Name, strings[2]);
            Assert.Contains("+1" + f.Name, strings[0]);
        }

        // One instance per name: a second sentence gets the same objects.
        Assert.All(remembered, f => Assert.Contains(memory.Features(keys)[1], g => ReferenceEquals(f, g)));
        var hints = DocumentHints.Compute([["فان", "نيستلروي"], ["فان", "نيستلروي"]], [["B-PER", "I-PER"], ["O", "O"]]);
        Assert.Same(hints[1][0].Single(h => h.Name == "dB-PER"), DocumentHints.Compute([["فان", "نيستلروي", "x"], ["فان", "نيستلروي"]], [["B-PER", "I-PER", "O"], ["O", "O"]])[1][0].Single(h => h.Name == "dB-PER"));
    }
}
