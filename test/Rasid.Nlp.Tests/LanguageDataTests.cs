using System.Text;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Events;
using Rasid.Nlp.Times;
using Rasid.Nlp.Training;
using Rasid.Testing;

namespace Rasid.Nlp.Tests;

/// <summary>
/// Language data lives in versioned data files, not in code: the word classes moved out of the code load with the
/// expected entries, and no Arabic word literal reappears in src/ outside the allow-list of orthographic constants and
/// rule words below.
/// </summary>
public sealed class LanguageDataTests
{
    [Fact]
    public void Entity_word_classes_load_place_prefixes_in_file_order()
    {
        Assert.Equal(["ولاية", "محافظة", "مدينة", "ضاحية", "منطقة", "بلدية", "مقاطعة", "اقليم"], EntityData.WordClass(EntityLexicon.WordClassFile, "place_prefix"));
        Assert.Equal(["بلدة", "قرية", "ناحية", "مديرية"], EntityData.WordClass(EntityLexicon.WordClassFile, "place_noun"));
        Assert.Equal(["ولاية", "محافظة", "مقاطعة", "منطقة", "إقليم"], EntityData.WordClass(EntityLexicon.WordClassFile, "training_city_prefix"));
        Assert.Equal(["ل", "هو", "ب", "و", "في"], EntityData.WordClass(EntityLexicon.WordClassFile, "petrarch_filler"));
        Assert.Equal(["سابق"], EntityData.WordClass(EntityLexicon.WordClassFile, "former"));
        Assert.Contains("دوما", EntityData.WordClass(EntityLexicon.WordClassFile, "ambiguous_name"));
        Assert.Equal(28, EntityData.WordClass(EntityLexicon.WordClassFile, "locative").Count);
    }

    [Fact]
    public void A_missing_word_class_is_an_error_not_an_empty_list()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => EntityData.WordClass(EntityLexicon.WordClassFile, "no_such_class"));
        Assert.Contains("no_such_class", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("القرية", 0, true)]    // "the village" names no place
    [InlineData("والمديرية", 1, true)] // و + المديرية
    [InlineData("محافظة", 0, true)]
    [InlineData("دمشق", 0, false)]
    [InlineData("حمص", 0, false)]
    public void Place_nouns_from_the_data_file_name_no_place(string word, int prefixLength, bool expected) =>
        Assert.Equal(expected, EntityLexicon.IsPlaceNoun(ArabicForms.Normalize(word), prefixLength));

    [Theory]
    [InlineData("مطار", true)]   // مطار دمشق: the airport's city is a location
    [InlineData("في", true)]
    [InlineData("ضواحي", true)]
    [InlineData("الرئيس", false)] // الرئيس السوري: not a location cue
    [InlineData("قال", false)]
    public void Locative_words_come_from_the_data_file(string word, bool expected) => Assert.Equal(expected, ActorLinker.IsLocative(word));

    [Theory]
    [InlineData("MUSUAF", "UAF")] // a religion code, then the role
    [InlineData("MUS", null)]     // a religion alone has no role
    [InlineData("SYRGOV", "SYR")] // a country code: the first triple
    public void Cameo_religion_codes_come_from_the_data_file(string code, string? expected) => Assert.Equal(expected, ActorLinker.AgentRole(code));

    [Fact]
    public void Cameo_role_codes_split_composed_codes()
    {
        Assert.Equal(("SYR", "GOV"), ActorLinker.SplitCode("SYRGOV"));
        Assert.Equal(((string?)null, "MIL"), ActorLinker.SplitCode("MIL"));
        Assert.Equal(("RUS", (string?)null), ActorLinker.SplitCode("RUS"));
    }

    [Fact]
    public void Event_function_words_load_the_closed_classes()
    {
        Assert.Equal(["دون", "عدم", "غير", "لا", "لم", "لن", "ليس", "ما", "نفت", "نفي"], EventWords.DetectorNegation.Order(StringComparer.Ordinal));
        Assert.Equal(["التي", "الذي", "الذين"], EventWords.DetectorRelative.Order(StringComparer.Ordinal));
        Assert.Contains("بدون", (IReadOnlySet<string>)EventWords.Negation);
        Assert.DoesNotContain("نفت", (IReadOnlySet<string>)EventWords.Negation);     // a denial verb, not a particle before the trigger
        Assert.Contains("ونفت", (IReadOnlySet<string>)EventWords.Denial);
        Assert.Equal(19, EventWords.Preposition.Count);
        Assert.Contains("بموجب", (IReadOnlySet<string>)EventWords.Preposition);
        Assert.DoesNotContain("قصف", (IReadOnlySet<string>)EventWords.Preposition);
        Assert.Equal(9, EventWords.PronounComplementizer.Count);
        Assert.Equal(["ان", "بان", "وان"], EventWords.SubjectComplementizer.Order(StringComparer.Ordinal));
        Assert.Equal(5, EventWords.ClauseOpener.Count);
        Assert.Equal(["اليوم", "امس"], EventWords.SkipBeforeQuantifier.Order(StringComparer.Ordinal));
        Assert.Equal(4, EventWords.SkipBeforeNumber.Count);
        Assert.Equal(["ما", "مما"], EventWords.ConsequenceOpener.Order(StringComparer.Ordinal));
        Assert.Equal(3, EventWords.MasdarGovernor.Count);
        Assert.Contains("بعدما", (IReadOnlySet<string>)EventWords.TemporalConjunction);
        Assert.DoesNotContain("قتل", (IReadOnlySet<string>)EventWords.TemporalConjunction);
        Assert.Equal(["عناصر"], EventWords.OrganisationMember.Order(StringComparer.Ordinal));
        Assert.Equal("3", EventWords.Version);
    }

    [Fact]
    public void Event_function_words_are_folded_like_tokens()
    {
        // Every form is already folded: no alef variant, ى or ة survives in a class.
        foreach (var cls in new[] { "detector_negation", "detector_relative", "negation", "denial", "pronoun_complementizer", "preposition", "subject_complementizer", "clause_opener", "skip_before_quantifier", "skip_before_number", "consequence_opener", "masdar_governor", "temporal_conjunction", "organisation_member" })
        {
            Assert.All(EventWords.Class(cls), w => Assert.DoesNotMatch("[أإآٱىة]", w));
        }
    }

    [Fact]
    public void Time_words_load_the_rule_classes_folded()
    {
        Assert.Equal(10, TimeWords.PluralUnit.Count);
        Assert.Contains("اسابيع", (IReadOnlySet<string>)TimeWords.PluralUnit);
        Assert.DoesNotContain("اسبوع", (IReadOnlySet<string>)TimeWords.PluralUnit); // a singular unit needs a count
        Assert.Equal(["حوالي", "قرابه", "نحو"], TimeWords.Approximator.Order(StringComparer.Ordinal));
        Assert.Equal(["بضع", "بضعه", "عده"], TimeWords.VagueCount.Order(StringComparer.Ordinal));
        Assert.Contains("للهجره", (IReadOnlySet<string>)TimeWords.HijriMark);
        Assert.Contains("ه", (IReadOnlySet<string>)TimeWords.HijriMark);
        Assert.Equal("1", TimeWords.Version);
    }

    [Fact]
    public void Tagging_conventions_load_subordinators_and_quantifiers()
    {
        var subordinators = TrainingCorpus.ConventionClass("subordinator");
        Assert.Equal(26, subordinators.Count);
        Assert.Contains("لأن", (IReadOnlySet<string>)subordinators);
        Assert.DoesNotContain("و", (IReadOnlySet<string>)subordinators); // a coordinator stays CCONJ
        var quantifiers = TrainingCorpus.ConventionClass("quantifier");
        Assert.Equal(9, quantifiers.Count);
        Assert.Contains("كلتا", (IReadOnlySet<string>)quantifiers);
    }

    /// <summary>
    /// Files of src/ that may hold Arabic string literals of two or more letters, with the literals each may hold and why
    /// (category b: orthographic units the algorithm is defined by, or a word with a code path of its own). Every word
    /// list a user might extend is in a data file; a new Arabic literal elsewhere fails
    /// <see cref="No_Arabic_word_literals_in_src_outside_the_allow_list"/>.
    /// </summary>
    private static readonly (string File, string[] Literals, string Reason)[] AllowList =
    [
        ("src/Rasid.Nlp/Entities/ArabicForms.cs", ["ال", "وال"], "the article and و + article: clitic morphemes the key function strips"),
        ("src/Rasid.Nlp/Entities/EntityLexicon.cs", ["ين", "ون", "ان"], "plural and dual suffixes generated from a singular role or nationality: inflection morphemes"),
        ("src/Rasid.Nlp/Evaluation/EventEvaluation.cs", ["وال", "بال", "لل", "ال"], "clitic + article prefixes stripped when gold and system spans are compared"),
        ("src/Rasid.Nlp/Evaluation/UdEvaluation.cs", ["ال"], "the article restored after an elided alef (UD convention)"),
        ("src/Rasid.Nlp/Events/ActorMentions.cs", ["في", "ال", "من"], "في (a location) and partitive من each have a code path of their own; ال the article"),
        ("src/Rasid.Nlp/Events/ArabicFold.cs", ["ون", "ين", "ان", "ات", "وا", "تا", "تم", "هما", "هم", "ها", "هن", "كم", "نا", "ني", "ال", "لل"], "verb suffixes, enclitic pronouns and clitic + article prefixes of the trigger stemmer: morphemes"),
        ("src/Rasid.Nlp/Events/EventCoderComponent.cs", ["قد", "سوف", "في", "من", "ها", "هم", "ين", "ون", "الي", "اغتيل", "قتلا", "تين", "اا", "وا"], "rule words with a code path each (قد + imperfect = possible, سوف = future, the weights of في/الي/من, the passive forms اغتيل/قتلا) and inflection suffixes"),
        ("src/Rasid.Nlp/Events/EventDetector.cs", ["ال", "لل"], "the article and ل + article of a trigger's proclitic (feature def)"),
        ("src/Rasid.Nlp/Events/EventKnowledge.cs", ["ال"], "the article"),
        ("src/Rasid.Nlp/Events/RoleCues.cs", ["ال", "لل"], "clitic + article prefixes stripped before a class look-up"),
        ("src/Rasid.Nlp/Events/TriggerMatcher.cs", ["ول", "فل", "وس", "فس", "ات", "ون", "ين", "ان"], "proclitic combinations allowed before a verb trigger, and noun/imperfect suffixes that cannot end a perfect verb: morphemes"),
        ("src/Rasid.Nlp/Quotes/QuoteComponent.cs", ["بين", "عن", "نقل", "لل", "كال", "ال", "وال"], "بين (a cue only with shadda) and نقل عن (the source after عن) are rules of their own; clitic + article prefixes"),
        ("src/Rasid.Nlp/Tagging/PerceptronTagger.cs", ["أإآى", "ال", "ات", "ون", "ين"], "the hamza/alef-maqsura letters the tagger folds, the article and plural suffixes of its lemma rules"),
        ("src/Rasid.Nlp/Times/TimeLexicon.cs", ["ال"], "the article"),
        ("src/Rasid.Nlp/Times/TimeRecognizer.cs",
            ["شهر", "يوم", "ويوم", "هذا", "هذه", "في", "وفي", "خلال", "وخلال", "طوال", "منذ", "لمده", "طيله", "قبل", "بعد", "ومنذ", "ولمده", "وطيله", "وطوال", "وقبل", "وبعد", "الساعه", "والساعه", "بالساعه", "للساعه", "لل", "ال", "هـ", "كلا", "بين", "من", "عام", "العام", "سنه", "السنه", "اليوم", "ذلك", "الذي", "الليله", "اكثر", "اقل", "والنصف", "والربع", "الا", "ربعا", "ربع"],
            "words that start or shape a time rule of their own (duration heads with their sign, الساعة + hour, هذا/هذه + unit, عام/سنة before a year, exceptions to اليوم) and RuleWords, the index of those rules' first words; the classes tested by membership are in Times/time-words-ar.tsv"),
        ("src/Rasid.Nlp/Training/ProperNounLexicon.cs", ["ال", "لل"], "clitic + article prefixes"),
        ("src/Rasid.Nlp/Training/TrainingCorpus.cs", ["ها", "هما", "هم", "هن", "كما", "كم", "كن", "ني", "نا", "ال", "كان"], "enclitic pronouns (morphemes), the article, and كان whose verb is AUX (the UD rule of its own)"),
        ("src/Rasid.Text/CliticSegmenterTrainer.cs", ["ال"], "the article"),
    ];

    [Fact]
    public void No_Arabic_word_literals_in_src_outside_the_allow_list()
    {
        var allowed = AllowList.ToDictionary(a => a.File, a => a.Literals.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var found = ArabicLiteralsInSrc();
        var offending = found.Where(f => !(allowed.TryGetValue(f.File, out var set) && set.Contains(f.Literal)))
            .Select(f => $"{f.File}:{f.Line}: \"{f.Literal}\"").ToList();
        Assert.True(offending.Count == 0, "Arabic word literals in code (move word lists to a versioned data file, or allow-list an orthographic constant with a reason):\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Every_allow_list_entry_is_still_used_and_has_a_reason()
    {
        var found = ArabicLiteralsInSrc().Select(f => (f.File, f.Literal)).ToHashSet();
        var stale = AllowList.SelectMany(a => a.Literals.Where(l => !found.Contains((a.File, l))).Select(l => $"{a.File}: \"{l}\"")).ToList();
        Assert.True(stale.Count == 0, "allow-list entries no longer in the code (remove them):\n" + string.Join('\n', stale));
        Assert.All(AllowList, a => Assert.True(a.Reason.Length > 10, a.File));
    }

    [Theory]
    [InlineData("var s = \"\\u0644\\u0645\";", "لم")]            // escaped letters are found
    [InlineData("string[] a = [\"قرية\", \"x\"];", "قرية")]
    [InlineData("var v = @\"مدينة\"\"\";", "مدينة\"")]            // verbatim string with a doubled quote
    public void The_literal_scanner_finds_Arabic_words(string code, string expected) =>
        Assert.Equal([expected], ScanLiterals(code).Select(l => l.Literal));

    [Theory]
    [InlineData("// قال \"قرية\"\nvar x = 1;")]                    // a comment
    [InlineData("/* \"قرية\" */ var x = 1;")]
    [InlineData("/// <summary>قرية</summary>\nint F() => 1;")]
    [InlineData("if (c is 'و' or 'ف') return;")]                  // one-letter char literals define clitic rules
    [InlineData("var s = \"ل\";")]                                 // a one-letter string is a letter, not a word
    [InlineData("Description = \"Arabic spelling variants (أ/ا، ة/ه) match.\"")] // help text (prose with Latin words)
    public void The_literal_scanner_ignores_comments_letters_and_prose(string code) => Assert.Empty(ScanLiterals(code));

    private static List<(string File, int Line, string Literal)> ArabicLiteralsInSrc()
    {
        var root = RepoPaths.Root;
        var result = new List<(string, int, string)>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (rel.Contains("/bin/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal)) continue;
            foreach (var (line, literal) in ScanLiterals(File.ReadAllText(path, Encoding.UTF8))) result.Add((rel, line, literal));
        }

        return result;
    }

    /// <summary>
    /// String literals of C# source with two or more Arabic letters (after decoding \uXXXX escapes), outside comments and
    /// char literals; literals with a Latin word (three letters) are prose (help text, SQL) and left out.
    /// </summary>
    private static List<(int Line, string Literal)> ScanLiterals(string text)
    {
        var result = new List<(int, string)>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { line++; i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += text.AsSpan(i, end - i).Count('\n');
                i = end;
                continue;
            }

            if (c == '\'')
            {
                var j = i + 1;
                j += j < text.Length && text[j] == '\\' ? 2 : 1;
                while (j < text.Length && text[j] != '\'') j++;
                i = j + 1;
                continue;
            }

            if (c != '"') { i++; continue; }
            string literal;
            var startLine = line;
            if (text.AsSpan(i).StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                if (end < 0) break;
                literal = text[(i + 3)..end];
                i = end + 3;
                while (i < text.Length && text[i] == '"') i++;
            }
            else
            {
                var verbatim = (i > 0 && text[i - 1] == '@') || (i > 1 && text[i - 2] == '@' && text[i - 1] == '$');
                var sb = new StringBuilder();
                var j = i + 1;
                while (j < text.Length)
                {
                    var ch = text[j];
                    if (verbatim && ch == '"' && j + 1 < text.Length && text[j + 1] == '"') { sb.Append('"'); j += 2; continue; }
                    if (!verbatim && ch == '\\' && j + 1 < text.Length)
                    {
                        if (text[j + 1] == 'u' && j + 5 < text.Length && int.TryParse(text.AsSpan(j + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                        {
                            sb.Append((char)code);
                            j += 6;
                        }
                        else
                        {
                            sb.Append(text, j, 2);
                            j += 2;
                        }

                        continue;
                    }

                    if (ch == '"' || (!verbatim && ch == '\n')) break;
                    sb.Append(ch);
                    j++;
                }

                literal = sb.ToString();
                i = j + 1;
            }

            line += literal.Count(ch => ch == '\n');
            if (literal.Count(IsArabicLetter) >= 2 && !HasLatinWord(literal)) result.Add((startLine, literal));
        }

        return result;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3';

    private static bool HasLatinWord(string s)
    {
        var run = 0;
        foreach (var c in s)
        {
            run = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' ? run + 1 : 0;
            if (run >= 3) return true;
        }

        return false;
    }
}
