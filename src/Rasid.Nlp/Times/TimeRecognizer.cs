using System.Globalization;
using NodaTime;
using Rasid.Core;

namespace Rasid.Nlp.Times;

/// <summary>A recognised time expression before it becomes a <see cref="TimeExpression"/>.</summary>
internal readonly record struct TimeMatch(int Start, int End, string? Value, string Kind, string Rule);

/// <summary>
/// Rule-based recogniser of Arabic time expressions with TIMEX3-like values resolved against the article
/// date. Works on the tokens of one sentence. Stateless and thread-safe.
/// </summary>
internal sealed class TimeRecognizer(TimeLexicon lexicon)
{
    /// <summary>Evidence rule suffix when a relative expression cannot be resolved.</summary>
    public const string Unresolved = "unresolved:no-article-date";

    internal readonly record struct Tok(int Start, int End, string Fold, TokenKind Kind)
    {
        /// <summary>The token's readings (<see cref="Variants(string, TokenKind)"/>), computed once per token rather than once per rule.</summary>
        internal Variant[] Readings { get; init; } = Variants(Fold, Kind);

        /// <summary>Whether a rule can start at this token (see <see cref="Token"/>); true unless built by <see cref="Token"/>.</summary>
        internal bool MayStart { get; init; } = true;
    }

    /// <summary>First words of rules that are not lexicon entries (<see cref="RelativePeriod"/>, <see cref="Duration"/>, <see cref="ClockTime"/>…).</summary>
    private static readonly HashSet<string> RuleWords = new(StringComparer.Ordinal)
    {
        "شهر", "يوم", "ويوم", "هذا", "هذه", "في", "وفي", "خلال", "وخلال", "طوال", "منذ", "لمده", "طيله", "قبل", "بعد",
        "ومنذ", "ولمده", "وطيله", "وطوال", "وقبل", "وبعد", "الساعه", "والساعه", "بالساعه", "للساعه",
    };

    /// <summary>
    /// A token of a sentence to recognise, with only the readings that start some lexicon entry (the others can never
    /// match: every lexicon look-up goes through <see cref="TimeLexicon.Candidates(string, ReadOnlySpan{char})"/>), and
    /// with <see cref="Tok.MayStart"/> false when no rule can begin at it, so that <see cref="Recognize"/> skips it
    /// (most tokens). Matches are the same as with every reading kept; most tokens then allocate nothing.
    /// </summary>
    public Tok Token(int start, int end, string fold, TokenKind kind)
    {
        var readings = Variants(fold, kind, lexicon);
        return new Tok(start, end, fold, kind)
        {
            Readings = readings,
            MayStart = kind == TokenKind.Number || readings.Length > 0 || RuleWords.Contains(fold),
        };
    }

    /// <summary>The readings of <see cref="Variants(string, TokenKind)"/> that start a lexicon entry (possibly after ال).</summary>
    private static Variant[] Variants(string fold, TokenKind kind, TimeLexicon lexicon)
    {
        if (kind != TokenKind.Word || fold.Length < 3) return lexicon.StartsEntry(fold) ? [new Variant(0, fold)] : [];
        // Check the spans first: most words start no entry in any reading and need no array or substring.
        var f = fold.AsSpan();
        var any = lexicon.StartsEntry(f);
        if (f[0] is 'و' or 'ف')
        {
            f = f[1..];
            any = any || lexicon.StartsEntry(f);
        }

        if (!any && f.Length >= 3 && f[0] is 'ب' or 'ل')
        {
            if (f.StartsWith("لل", StringComparison.Ordinal))
            {
                Span<char> buffer = stackalloc char[f.Length];
                buffer[0] = 'ا';
                f[1..].CopyTo(buffer[1..]);
                any = lexicon.StartsEntry(buffer);
            }
            else
            {
                any = lexicon.StartsEntry(f[1..]);
            }
        }

        if (!any) return [];
        var all = Variants(fold, kind);
        var kept = 0;
        foreach (var v in all) if (lexicon.StartsEntry(v.Stem)) kept++;
        if (kept == all.Length) return all;
        var result = new Variant[kept];
        kept = 0;
        foreach (var v in all) if (lexicon.StartsEntry(v.Stem)) result[kept++] = v;
        return result;
    }

    /// <summary>A way to read a word token: number of proclitic characters skipped and the folded stem.</summary>
    internal readonly record struct Variant(int Skip, string Stem);

    private readonly record struct Hit(int Next, int Start, string? Value, string Kind, string Rule);

    public IReadOnlyList<TimeMatch> Recognize(string text, IReadOnlyList<Tok> toks, DateOnly? anchor)
    {
        var result = new List<TimeMatch>();
        var i = 0;
        while (i < toks.Count)
        {
            if (!toks[i].MayStart)
            {
                i++;
                continue;
            }

            var hit = TryAt(text, toks, i, anchor);
            if (hit is { } h)
            {
                var rule = h.Value is null && h.Kind != "time" ? h.Rule + ";" + Unresolved : h.Rule;
                result.Add(new TimeMatch(h.Start, toks[h.Next - 1].End, h.Value, h.Kind, rule));
                i = h.Next;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private Hit? TryAt(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor) =>
        NumericDate(t, i)
        ?? Weekday(text, t, i, anchor)
        ?? DayMonth(text, t, i, anchor)
        ?? MonthYear(text, t, i, anchor)
        ?? YearAlone(text, t, i, anchor)
        ?? RelativeDay(text, t, i, anchor)
        ?? RelativePeriod(text, t, i, anchor)
        ?? Duration(text, t, i, anchor)
        ?? Phrase(text, t, i, "present", "date", "present")
        ?? Phrase(text, t, i, "vague", null, "vague")
        ?? Phrase(text, t, i, "set", "set", "set")
        ?? ClockTime(text, t, i)
        ?? BareMonth(text, t, i, anchor);

    // ---- token helpers ----

    private static bool IsWord(IReadOnlyList<Tok> t, int i) => i < t.Count && t[i].Kind == TokenKind.Word;

    private static int Num(IReadOnlyList<Tok> t, int i) => i < t.Count && t[i].Kind == TokenKind.Number ? ArabicFold.Number(t[i].Fold) : -1;

    private static bool Is(IReadOnlyList<Tok> t, int i, string fold) => i < t.Count && t[i].Fold == fold;

    private static bool Adjacent(IReadOnlyList<Tok> t, int i) => i + 1 < t.Count && t[i].End == t[i + 1].Start;

    /// <summary>The token read as is, without و/ف, and without a further ب/ل (لل → ال).</summary>
    private static Variant[] Variants(string fold, TokenKind kind)
    {
        var f = fold;
        if (kind != TokenKind.Word || f.Length < 3) return [new Variant(0, f)];
        var skip = 0;
        Variant? conj = null;
        if (f[0] is 'و' or 'ف')
        {
            f = f[1..];
            skip = 1;
            conj = new Variant(skip, f);
        }

        Variant? prep = null;
        if (f.Length >= 3 && f[0] is 'ب' or 'ل')
        {
            prep = f.StartsWith("لل", StringComparison.Ordinal) ? new Variant(skip + 1, "ا" + f[1..]) : new Variant(skip + 1, f[1..]);
        }

        return (conj, prep) switch
        {
            ({ } c, { } p) => [new Variant(0, fold), c, p],
            ({ } c, null) => [new Variant(0, fold), c],
            (null, { } p) => [new Variant(0, fold), p],
            _ => [new Variant(0, fold)],
        };
    }

    /// <summary>Original-text offset after skipping <paramref name="letters"/> letters (and their marks).</summary>
    private static int Offset(string text, Tok tok, int letters)
    {
        var p = tok.Start;
        for (var n = 0; n < letters && p < tok.End; n++)
        {
            p++;
            while (p < tok.End && (text[p] is >= '\u064B' and <= '\u065F' or '\u0640' or '\u0670')) p++;
        }

        return p;
    }

    /// <summary>Longest entry of a category starting at token i (the first token may carry proclitics).</summary>
    private (TimeEntry Entry, int Next, int Start)? Entry(string text, IReadOnlyList<Tok> t, int i, string category, bool allowClitic = true, bool stripArticle = false)
    {
        if (!IsWord(t, i)) return null;
        foreach (var v in t[i].Readings)
        {
            if (v.Skip > 0 && !allowClitic) break;
            var article = stripArticle && v.Stem.StartsWith("ال", StringComparison.Ordinal) && v.Stem.Length > 3;
            for (var s = 0; s < (article ? 2 : 1); s++)
            {
                var stem = s == 0 ? v.Stem.AsSpan() : v.Stem.AsSpan(2);
                foreach (var e in lexicon.Candidates(category, stem))
                {
                    var ok = true;
                    for (var k = 1; k < e.Words.Length && ok; k++) ok = Is(t, i + k, e.Words[k]);
                    if (ok) return (e, i + e.Words.Length, Offset(text, t[i], v.Skip));
                }
            }
        }

        return null;
    }

    private bool HasWord(string text, IReadOnlyList<Tok> t, int i, string category) => Entry(text, t, i, category, allowClitic: false) is not null;

    // ---- rules ----

    /// <summary>15/7/2000, 2015-07-15, 1436/10/5هـ, 15.7.2000.</summary>
    private Hit? NumericDate(IReadOnlyList<Tok> t, int i)
    {
        if (i >= t.Count || t[i].Kind != TokenKind.Number) return null;
        int a, b, c, next;
        var fold = t[i].Fold.AsSpan();
        var dot1 = fold.IndexOf('.');
        var dot2 = dot1 < 0 ? -1 : fold[(dot1 + 1)..].IndexOf('.') + dot1 + 1;
        if (dot1 >= 0 && dot2 > dot1 && !fold[(dot2 + 1)..].Contains('.'))
        {
            // exactly three dot-separated parts
            (a, b, c) = (ArabicFold.Number(fold[..dot1]), ArabicFold.Number(fold[(dot1 + 1)..dot2]), ArabicFold.Number(fold[(dot2 + 1)..]));
            next = i + 1;
        }
        else
        {
            if (!(Adjacent(t, i) && Adjacent(t, i + 1) && Adjacent(t, i + 2) && Adjacent(t, i + 3))) return null;
            var sep = t[i + 1].Fold;
            if (sep is not ("/" or "-") || t[i + 3].Fold != sep) return null;
            (a, b, c) = (Num(t, i), Num(t, i + 2), Num(t, i + 4));
            next = i + 5;
        }

        if (a < 0 || b < 0 || c < 0) return null;
        var (y, m, d) = a > 31 ? (a, b, c) : (c, b, a);
        if (next < t.Count && t[next].Fold is "ه" or "هـ" && t[next].Start - t[next - 1].End <= 1) next++;
        if (y is >= 1300 and <= 1500)
        {
            var g = Hijri(y, m, d);
            return g is null ? null : new Hit(next, t[i].Start, Iso(g.Value), "date", "numeric-date-hijri");
        }

        if (y is < 1900 or > 2100 || !ValidDate(y, m, d)) return null;
        return new Hit(next, t[i].Start, $"{y:D4}-{m:D2}-{d:D2}", "date", "numeric-date");
    }

    /// <summary>[يوم] [daypart] weekday [الماضي|المقبل] [date].</summary>
    private Hit? Weekday(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        if (Entry(text, t, j, "daypart") is { } part) { start = part.Start; j = part.Next; }
        var day = Entry(text, t, j, "unit") is { Entry.Value: "D" } u && u.Entry.Words[0] == "يوم" ? u : default((TimeEntry, int, int)?);
        if (day is { } dy) { if (start < 0) start = dy.Item3; j = dy.Item2; }
        if (Entry(text, t, j, "weekday", allowClitic: start < 0) is not { } wd) return null;
        if (start < 0) start = wd.Start;
        // الاثنين = "the two" after كلا / بين
        if (wd.Entry.Value == "1" && i > 0 && t[i - 1].Fold is "كلا" or "بين") return null;
        j = wd.Next;
        // an explicit date after the weekday wins
        if (DayMonth(text, t, j, anchor) is { } date) return date with { Start = start, Rule = "weekday+" + date.Rule };
        var dir = 0;
        if (Entry(text, t, j, "direction", allowClitic: false) is { } d && d.Entry.Value != "0") { dir = int.Parse(d.Entry.Value, CultureInfo.InvariantCulture); j = d.Next; }
        string? value = null;
        if (anchor is { } a)
        {
            var target = int.Parse(wd.Entry.Value, CultureInfo.InvariantCulture);
            var today = IsoDay(a);
            DateOnly v;
            if (dir > 0) v = a.AddDays(((target - today + 6) % 7) + 1);
            else if (dir < 0) v = a.AddDays(-(((today - target + 6) % 7) + 1));
            else v = a.AddDays(-((today - target + 7) % 7));
            value = Iso(v);
        }

        return new Hit(j, start, value, "date", dir == 0 ? "weekday" : "weekday+direction");
    }

    /// <summary>[boundary] 27 ديسمبر [الماضي] / 15 يوليو 2015 / 5 رمضان 1436هـ / 3 آب/أغسطس.</summary>
    private Hit? DayMonth(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        if (Entry(text, t, j, "boundary") is { } bd && Num(t, bd.Next) > 0) { start = bd.Start; j = bd.Next; }
        var day = Num(t, j);
        if (day is >= 1 and <= 31)
        {
            if (start < 0) start = t[j].Start;
            j++;
        }
        else if (Entry(text, t, j, "ordinal", allowClitic: false) is { } ord && Is(t, ord.Next, "من"))
        {
            // الثالث من سبتمبر
            day = int.Parse(ord.Entry.Value, CultureInfo.InvariantCulture);
            if (start < 0) start = ord.Start;
            j = ord.Next + 1;
        }
        else
        {
            return null;
        }

        var hijri = false;
        (TimeEntry Entry, int Next, int Start)? month = Entry(text, t, j, "month", allowClitic: false);
        if (month is null)
        {
            month = Entry(text, t, j, "hijri", allowClitic: false);
            hijri = month is not null;
        }

        if (month is not { } mo) return null;
        j = SkipAlternateMonth(text, t, mo.Next);
        var m = int.Parse(mo.Entry.Value, CultureInfo.InvariantCulture);
        var (year, after) = YearAfterMonth(text, t, j, ref hijri, anchor);
        j = after;
        if (year > 0)
        {
            if (hijri) return Hijri(year, m, day) is { } g ? new Hit(j, start, Iso(g), "date", "day-month-year-hijri") : null;
            return ValidDate(year, m, day) ? new Hit(j, start, $"{year:D4}-{m:D2}-{day:D2}", "date", "day-month-year") : null;
        }

        var dir = 0;
        if (Entry(text, t, j, "direction", allowClitic: false) is { } d) { dir = int.Parse(d.Entry.Value, CultureInfo.InvariantCulture); j = d.Next; }
        if (anchor is not { } a) return new Hit(j, start, null, "date", "day-month");
        if (hijri)
        {
            var ha = LocalDate.FromDateTime(a.ToDateTime(TimeOnly.MinValue)).WithCalendar(CalendarSystem.UmAlQura);
            var best = Nearest(a, dir, [Hijri(ha.Year - 1, m, day), Hijri(ha.Year, m, day), Hijri(ha.Year + 1, m, day)]);
            return best is null ? null : new Hit(j, start, Iso(best.Value), "date", "day-month-hijri");
        }

        var cands = new[] { a.Year - 1, a.Year, a.Year + 1 }.Where(y => ValidDate(y, m, day)).Select(y => (DateOnly?)new DateOnly(y, m, day)).ToArray();
        var chosen = Nearest(a, dir, cands);
        return chosen is null ? null : new Hit(j, start, Iso(chosen.Value), "date", "day-month");
    }

    /// <summary>[boundary] مارس 2011 / رمضان 1436هـ.</summary>
    private Hit? MonthYear(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        if (Entry(text, t, j, "boundary") is { } bd) { start = bd.Start; j = bd.Next; }
        if (Is(t, j, "شهر")) { if (start < 0) start = t[j].Start; j++; }
        var hijri = false;
        (TimeEntry Entry, int Next, int Start)? month = Entry(text, t, j, "month", allowClitic: start < 0);
        if (month is null)
        {
            month = Entry(text, t, j, "hijri", allowClitic: start < 0);
            hijri = month is not null;
        }

        if (month is not { } mo) return null;
        if (start < 0) start = mo.Start;
        j = SkipAlternateMonth(text, t, mo.Next);
        var (year, after) = YearAfterMonth(text, t, j, ref hijri, anchor);
        if (year <= 0) return null;
        var m = int.Parse(mo.Entry.Value, CultureInfo.InvariantCulture);
        if (hijri)
        {
            var g = Hijri(year, m, 15);
            return g is null ? null : new Hit(after, start, $"{g.Value.Year:D4}-{g.Value.Month:D2}", "date", "month-year-hijri");
        }

        return new Hit(after, start, $"{year:D4}-{m:D2}", "date", "month-year");
    }

    /// <summary>A month without day or year: needs a cue (في/منذ/شهر/منتصف...) or a direction, unless unambiguous.</summary>
    private Hit? BareMonth(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        var cued = false;
        if (Entry(text, t, j, "boundary") is { } bd) { start = bd.Start; j = bd.Next; cued = true; }
        if (Is(t, j, "شهر")) { if (start < 0) start = t[j].Start; j++; cued = true; }
        var mo = Entry(text, t, j, "month", allowClitic: !cued);
        if (mo is not { } m0) return null;
        if (start < 0) start = m0.Start;
        if (!cued && i > 0 && HasWord(text, t, i - 1, "monthcue")) cued = true;
        if (!cued && m0.Start > t[j].Start) cued = t[j].Fold[0] is 'ب' or 'ف' || text[t[j].Start..m0.Start].EndsWith('ل');
        j = SkipAlternateMonth(text, t, m0.Next);
        var dir = 0;
        var hasDir = false;
        if (Entry(text, t, j, "direction", allowClitic: false) is { } d) { dir = int.Parse(d.Entry.Value, CultureInfo.InvariantCulture); j = d.Next; hasDir = true; }
        if (m0.Entry.Ambiguous && !cued && !hasDir) return null;
        if (!m0.Entry.Ambiguous && !cued && !hasDir && m0.Entry.Words.Length == 1 && m0.Start != t[i].Start) return null;
        var m = int.Parse(m0.Entry.Value, CultureInfo.InvariantCulture);
        if (anchor is not { } a) return new Hit(j, start, null, "date", "month");
        var y = a.Year;
        if (dir < 0 && m >= a.Month) y--;
        else if (dir > 0 && m <= a.Month) y++;
        return new Hit(j, start, $"{y:D4}-{m:D2}", "date", hasDir ? "month+direction" : "month");
    }

    /// <summary>عام 2011 / العام 2011 / في 2011 / منتصف 2011 / عام 1436هـ.</summary>
    private Hit? YearAlone(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        if (Entry(text, t, j, "boundary") is { } bd) { start = bd.Start; j = bd.Next; }
        var yearWord = IsWord(t, j) && Entry(text, t, j, "yearcue") is { } yc && yc.Entry.Words[0] is "عام" or "العام" or "سنه" or "السنه";
        if (yearWord)
        {
            if (start < 0) start = Entry(text, t, j, "yearcue")!.Value.Start;
            j++;
        }

        var y = Num(t, j);
        if (y < 0) return null;
        var hijri = false;
        var next = j + 1;
        if (next < t.Count && IsHijriMark(t[next].Fold) && t[next].Start - t[j].End <= 1) { hijri = true; next++; }
        else if (next < t.Count && t[next].Fold == "م" && t[next].Start - t[j].End <= 1) next++;
        if (!yearWord && start < 0)
        {
            // a bare year needs a cue word before it or a calendar mark after it
            if (!(i > 0 && HasWord(text, t, i - 1, "yearcue")) && next == j + 1) return null;
        }

        if (start < 0) start = t[j].Start;
        if (hijri || (y is >= 1300 and <= 1500 && yearWord && !(y >= 1900)))
        {
            if (y is < 1300 or > 1500) return null;
            var g = Hijri(y, 6, 1);
            return g is null ? null : new Hit(next, start, g.Value.Year.ToString("D4", CultureInfo.InvariantCulture), "date", "year-hijri");
        }

        if (y is < 1900 or > 2100) return null;
        return new Hit(next, start, y.ToString("D4", CultureInfo.InvariantCulture), "date", "year");
    }

    /// <summary>[يوم|daypart] امس / اليوم / غدا / أول أمس / الليلة الماضية, merged with a following weekday.</summary>
    private Hit? RelativeDay(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        if (Entry(text, t, j, "daypart") is { } part && Entry(text, t, part.Next, "relday", allowClitic: false) is not null) { start = part.Start; j = part.Next; }
        else if (Is(t, j, "يوم") || Is(t, j, "ويوم")) { if (Entry(text, t, j + 1, "relday", allowClitic: false) is not null) { start = Offset(text, t[j], t[j].Fold.Length - 3); j++; } }
        if (Entry(text, t, j, "relday", allowClitic: start < 0) is not { } rd) return null;
        if (start < 0) start = rd.Start;
        j = rd.Next;
        if (rd.Entry.Words is ["اليوم"] && start == rd.Start && i > 0 && HasWord(text, t, i - 1, "namebefore")) return null;
        if (rd.Entry.Words is ["اليوم"] && (Entry(text, t, j, "notday", allowClitic: false) is not null || (i > 0 && t[i - 1].Fold is "هذا" or "ذلك" or "في" && Is(t, j, "الذي")))) return null;
        if (rd.Entry.Words is ["الليله"] && Entry(text, t, j, "direction", allowClitic: false) is null && !(i > 0 && t[i - 1].Fold is "هذه")) { }
        var offset = int.Parse(rd.Entry.Value, CultureInfo.InvariantCulture);
        // امس الاربعاء / اليوم الخميس: one expression; the explicit weekday wins (the day of that name nearest
        // to the relative day), which also absorbs a crawl date one day after the paper's date
        var value = anchor is { } a ? Iso(a.AddDays(offset)) : null;
        if (Entry(text, t, j, "weekday", allowClitic: false) is { } wd)
        {
            j = wd.Next;
            if (anchor is { } a2)
            {
                var hint = a2.AddDays(offset);
                var target = int.Parse(wd.Entry.Value, CultureInfo.InvariantCulture);
                var delta = (target - IsoDay(hint) + 7) % 7;
                if (delta > 3) delta -= 7;
                value = Iso(hint.AddDays(delta));
            }
        }

        return new Hit(j, start, value, "date", "relative-day");
    }

    /// <summary>الاسبوع الماضي / الشهر المقبل / العام الجاري / هذا العام / في الاسابيع الاخيرة.</summary>
    private Hit? RelativePeriod(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        var j = i;
        var start = -1;
        var demonstrative = Is(t, j, "هذا") || Is(t, j, "هذه");
        if (demonstrative) { start = t[j].Start; j++; }
        var prep = !demonstrative && t.Count > j && t[j].Fold is "في" or "خلال" or "طيله" or "طوال" or "وفي" or "وخلال";
        var k = prep ? j + 1 : j;
        if (Entry(text, t, k, "unit", allowClitic: !prep && !demonstrative, stripArticle: true) is not { } u) return null;
        var stem = t[k].Fold;
        if (!stem.Contains("ال", StringComparison.Ordinal)) return null; // must be definite
        var unit = u.Entry.Value;
        var plural = TimeWords.PluralUnit.Contains(u.Entry.Words[0]);
        if (plural)
        {
            if (Entry(text, t, u.Next, "recent", allowClitic: false) is not { } rc) return null;
            var s = prep ? t[j].Start : u.Start;
            if (prep && t[j].Fold[0] == 'و') s = Offset(text, t[j], 1);
            var v = rc.Entry.Value == "-1" || rc.Entry.Value == "1" ? $"PX{DurationUnit(unit)}" : null;
            return v is null ? null : new Hit(rc.Next, s, v, "duration", "recent-period");
        }

        if (unit is "H" or "MIN" or "DE") return null;
        int dir;
        var next = u.Next;
        if (demonstrative) dir = 0;
        else if (Entry(text, t, u.Next, "direction", allowClitic: false) is { } d) { dir = int.Parse(d.Entry.Value, CultureInfo.InvariantCulture); next = d.Next; }
        else return null;
        if (start < 0) start = u.Start;
        if (unit == "D")
        {
            return null; // اليوم الماضي is rare; اليوم is handled as a relative day
        }

        if (anchor is not { } a) return new Hit(next, start, null, "date", "relative-period");
        string value = unit switch
        {
            "W" => IsoWeek(a.AddDays(7 * dir)),
            "M" => $"{a.AddMonths(dir).Year:D4}-{a.AddMonths(dir).Month:D2}",
            _ => (a.Year + dir).ToString("D4", CultureInfo.InvariantCulture),
        };
        return new Hit(next, start, value, "date", "relative-period");
    }

    /// <summary>منذ اسابيع / منذ ثلاثة ايام / منذ عامين / خلال 24 ساعة / قبل يومين.</summary>
    private Hit? Duration(string text, IReadOnlyList<Tok> t, int i, DateOnly? anchor)
    {
        if (!IsWord(t, i)) return null;
        var f = t[i].Fold;
        var skip = f[0] == 'و' && f.Length > 3 ? 1 : 0;
        var head = f[skip..];
        if (head is not ("منذ" or "خلال" or "لمده" or "طيله" or "طوال" or "قبل" or "بعد")) return null;
        var start = Offset(text, t[i], skip);
        var j = i + 1;
        // منذ أكثر من 30 عاما، خلال نحو ثلاثة أشهر (approximate counts keep the count)
        if (IsWord(t, j) && t[j].Fold is "اكثر" or "اقل" && Is(t, j + 1, "من")) j += 2;
        else if (IsWord(t, j) && TimeWords.Approximator.Contains(t[j].Fold)) j++;
        var n = -1;
        var vague = false;
        if (Num(t, j) > 0) { n = Num(t, j); j++; }
        else if (Entry(text, t, j, "number", allowClitic: false) is { } nw) { n = int.Parse(nw.Entry.Value, CultureInfo.InvariantCulture); j = nw.Next; }
        else if (IsWord(t, j) && TimeWords.VagueCount.Contains(t[j].Fold)) { vague = true; j++; }
        string unit;
        if (Entry(text, t, j, "dual", allowClitic: false) is { } du && n < 0 && !vague) { unit = du.Entry.Value; n = 2; j = du.Next; }
        else if (Entry(text, t, j, "unit", allowClitic: false) is { } u)
        {
            unit = u.Entry.Value;
            var plural = TimeWords.PluralUnit.Contains(u.Entry.Words[0]);
            if (n < 0 && !plural) return null;          // منذ يوم ... needs a count
            if (n < 0) vague = true;
            j = u.Next;
            if (n < 0 && Entry(text, t, j, "recent", allowClitic: false) is { } rc) j = rc.Next;
        }
        else return null;

        if (head is "قبل" or "بعد")
        {
            if (vague || n < 0) return null;
            if (anchor is not { } a) return new Hit(j, start, null, "date", "ago");
            var sign = head == "قبل" ? -1 : 1;
            string? v = unit switch
            {
                "D" => Iso(a.AddDays(sign * n)),
                "W" => IsoWeek(a.AddDays(sign * 7 * n)),
                "M" => $"{a.AddMonths(sign * n).Year:D4}-{a.AddMonths(sign * n).Month:D2}",
                "Y" => (a.Year + sign * n).ToString("D4", CultureInfo.InvariantCulture),
                _ => null,
            };
            return v is null ? null : new Hit(j, start, v, "date", "ago");
        }

        var value = vague ? $"PX{DurationUnit(unit)}" : DurationValue(n, unit);
        return new Hit(j, start, value, "duration", vague ? "duration-vague" : "duration");
    }

    /// <summary>A fixed phrase of one category (present reference, vague periods, sets).</summary>
    private Hit? Phrase(string text, IReadOnlyList<Tok> t, int i, string category, string? kind, string rule)
    {
        if (Entry(text, t, i, category) is not { } e) return null;
        var k = kind ?? (e.Entry.Value.StartsWith('P') && e.Entry.Value != "PRESENT_REF" && e.Entry.Value != "PAST_REF" ? "duration" : "date");
        return new Hit(e.Next, e.Start, e.Entry.Value, k, rule);
    }

    /// <summary>الساعة 10 صباحا / الساعة العاشرة والنصف / 10:30.</summary>
    private Hit? ClockTime(string text, IReadOnlyList<Tok> t, int i)
    {
        var j = i;
        var start = -1;
        if (IsWord(t, j) && t[j].Fold is "الساعه" or "والساعه" or "بالساعه" or "للساعه") { start = Offset(text, t[j], t[j].Fold.Length - 6); j++; }
        int hour, minute = 0;
        if (Num(t, j) is var h and >= 0 and <= 24)
        {
            hour = h;
            if (Adjacent(t, j) && Is(t, j + 1, ":") && Adjacent(t, j + 1) && Num(t, j + 2) is var mi and >= 0 and < 60) { minute = mi; j += 3; }
            else if (start < 0) return null;
            else j++;
        }
        else if (start >= 0 && Entry(text, t, j, "hourword", allowClitic: false) is { } hw)
        {
            hour = int.Parse(hw.Entry.Value, CultureInfo.InvariantCulture);
            j = hw.Next;
            if (IsWord(t, j) && t[j].Fold is "والنصف") { minute = 30; j++; }
            else if (IsWord(t, j) && t[j].Fold is "والربع") { minute = 15; j++; }
            else if (IsWord(t, j) && t[j].Fold is "الا" && IsWord(t, j + 1) && t[j + 1].Fold is "ربعا" or "ربع") { hour = (hour + 11) % 12; minute = 45; j += 2; }
        }
        else return null;

        if (start < 0) start = t[i].Start;
        if (Entry(text, t, j, "ampm", allowClitic: false) is { } ap)
        {
            if (ap.Entry.Value == "PM" && hour < 12) hour += 12;
            j = ap.Next;
        }

        if (hour > 24) return null;
        return new Hit(j, start, $"T{hour:D2}:{minute:D2}", "time", "clock");
    }

    // ---- value helpers ----

    private int SkipAlternateMonth(string text, IReadOnlyList<Tok> t, int j)
    {
        // آب/أغسطس, آب (أغسطس)
        if (Is(t, j, "/") && Entry(text, t, j + 1, "month", allowClitic: false) is { } alt) return alt.Next;
        if (Is(t, j, "(") && Entry(text, t, j + 1, "month", allowClitic: false) is { } alt2 && Is(t, alt2.Next, ")")) return alt2.Next + 1;
        return j;
    }

    private (int Year, int Next) YearAfterMonth(string text, IReadOnlyList<Tok> t, int j, ref bool hijri, DateOnly? anchor)
    {
        var k = j;
        if (!hijri && anchor is { } a && Is(t, k, "من"))
        {
            if ((Is(t, k + 1, "العام") || Is(t, k + 1, "السنه")) && Entry(text, t, k + 2, "direction", allowClitic: false) is { } dir)
                return (a.Year + int.Parse(dir.Entry.Value, CultureInfo.InvariantCulture), dir.Next);
            if ((Is(t, k + 1, "هذا") && Is(t, k + 2, "العام")) || (Is(t, k + 1, "هذه") && Is(t, k + 2, "السنه"))) return (a.Year, k + 3);
        }

        if (IsWord(t, k) && t[k].Fold is "من" && IsWord(t, k + 1) && t[k + 1].Fold is "عام" or "العام" && Num(t, k + 2) > 0) k += 2; // من عام 1990
        else if (IsWord(t, k) && t[k].Fold is "من" or "عام" or "العام" && Num(t, k + 1) > 0) k++;
        var y = Num(t, k);
        if (y < 0) return (0, j);
        var next = k + 1;
        if (next < t.Count && IsHijriMark(t[next].Fold) && t[next].Start - t[k].End <= 1) { hijri = true; next++; }
        else if (next < t.Count && t[next].Fold == "م" && t[next].Start - t[k].End <= 1) next++;
        if (hijri) return y is >= 1300 and <= 1500 ? (y, next) : (0, j);
        return y is >= 1900 and <= 2100 ? (y, next) : (0, j);
    }

    private static bool IsHijriMark(string fold) => TimeWords.HijriMark.Contains(fold);

    private static DateOnly? Hijri(int y, int m, int d)
    {
        try
        {
            if (y is < 1300 or > 1600 || m is < 1 or > 12 || d < 1) return null;
            var cal = CalendarSystem.UmAlQura;
            if (d > cal.GetDaysInMonth(y, m)) return null;
            var iso = new LocalDate(y, m, d, cal).WithCalendar(CalendarSystem.Iso);
            return new DateOnly(iso.Year, iso.Month, iso.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateOnly? Nearest(DateOnly anchor, int dir, IEnumerable<DateOnly?> candidates)
    {
        DateOnly? best = null;
        var bestDist = int.MaxValue;
        foreach (var c in candidates)
        {
            if (c is not { } v) continue;
            var dist = v.DayNumber - anchor.DayNumber;
            if (dir < 0 && dist > 0) continue;
            if (dir > 0 && dist < 0) continue;
            if (Math.Abs(dist) < bestDist) { best = v; bestDist = Math.Abs(dist); }
        }

        return best;
    }

    private static bool ValidDate(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && y is >= 1 and <= 9999 && d <= DateTime.DaysInMonth(y, m);

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    private static string DurationUnit(string unit) => unit switch { "MIN" => "M", "DE" => "DE", _ => unit };

    private static string DurationValue(int n, string unit) => unit switch
    {
        "H" => $"PT{n}H",
        "MIN" => $"PT{n}M",
        "DE" => $"P{n * 10}Y",
        _ => $"P{n}{unit}",
    };
}
