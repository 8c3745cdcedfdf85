namespace Rasid.Text;

/// <summary>The named, switchable steps of the <see cref="Normalizer"/>. They run in one pass, in the order listed.</summary>
[Flags]
public enum NormalizationSteps
{
    /// <summary>No step: the text is copied unchanged.</summary>
    None = 0,

    /// <summary>
    /// Presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF → base letters (their NFKC decomposition, from
    /// <c>Lang/Ar/presentation-forms.tsv</c>); ﻻ becomes the two letters لا, ﷲ becomes الله.
    /// </summary>
    PresentationForms = 1 << 0,

    /// <summary>
    /// Odd sequences seen in real text: alef + combining hamza above U+0654 → أ, alef + combining hamza below U+0655 → إ,
    /// alef + combining madda U+0653 → آ, و + U+0654 → ؤ, ي or ى + U+0654 → ئ, and alef + tanween kasra U+064D
    /// (typed for hamza-below + kasra, as in "الاٍرهاب") → إ. Later steps may unify the result.
    /// </summary>
    FixSequences = 1 << 1,

    /// <summary>Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM), bidi controls (LRM, RLM, ALM, embeddings, isolates), soft hyphen and C0/C1 controls other than whitespace are removed.</summary>
    RemoveControls = 1 << 2,

    /// <summary>ـ tatweel (kashida) is removed.</summary>
    RemoveTatweel = 1 << 3,

    /// <summary>Harakat and tanween U+064B–U+065F (fatha, damma, kasra, shadda, sukun, combining hamzas...), superscript alef U+0670 and Quranic marks (U+0610–U+061A, U+06D6–U+06ED, U+08D3–U+08FF) are removed.</summary>
    RemoveDiacritics = 1 << 4,

    /// <summary>Alef variants أ إ آ ٱ (and the rare ٲ ٳ ٵ) → ا.</summary>
    UnifyAlef = 1 << 5,

    /// <summary>Hamza on its carriers: ؤ → و and ئ → ي (spellings with and without the hamza are both common in news).</summary>
    HamzaCarriers = 1 << 6,

    /// <summary>Alef maqsura ى → ي (final ى and ي are used interchangeably, e.g. على / علي in Egyptian typing).</summary>
    AlefMaqsura = 1 << 7,

    /// <summary>Ta marbuta ة → ه (final ة and ه are used interchangeably in informal text).</summary>
    TaMarbuta = 1 << 8,

    /// <summary>Arabic-Indic digits U+0660–U+0669 and Eastern Arabic-Indic digits U+06F0–U+06F9 → ASCII 0–9. The Arabic decimal and thousands separators ٫ ٬ are kept.</summary>
    AsciiDigits = 1 << 9,

    /// <summary>Every step: the search profile.</summary>
    All = PresentationForms | FixSequences | RemoveControls | RemoveTatweel | RemoveDiacritics | UnifyAlef | HamzaCarriers | AlefMaqsura | TaMarbuta | AsciiDigits,

    /// <summary>Steps that never change a letter or a mark: the display profile.</summary>
    Display = PresentationForms | FixSequences | RemoveControls | RemoveTatweel,
}
