namespace HeadacheInfo.Web.Search;

/// <summary>
/// Martin Porter's English stemmer (1980), so that word forms meet: "headaches" and "headache" both become
/// "headach", "exercising" and "exercise" both "exercis". Input is one lowercase word of ASCII letters.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private string _s = text;

        public override string ToString() => _s;

        private bool IsConsonant(int i) => _s[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m: the number of vowel-consonant sequences in the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                while (i < length && IsConsonant(i))
                {
                    i++;
                }

                m++;
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _s[length - 1] == _s[length - 2] && IsConsonant(length - 1);

        /// <summary>*o: ends consonant-vowel-consonant, the last not w, x or y.</summary>
        private bool EndsCvc(int length) =>
            length >= 3 && IsConsonant(length - 3) && !IsConsonant(length - 2) && IsConsonant(length - 1) &&
            _s[length - 1] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix) => _s.EndsWith(suffix, StringComparison.Ordinal);

        private int StemLength(string suffix) => _s.Length - suffix.Length;

        private void Replace(string suffix, string replacement) => _s = _s[..StemLength(suffix)] + replacement;

        /// <summary>Replaces the first matching suffix when the stem before it has m &gt; <paramref name="minMeasure"/>.</summary>
        private void ReplaceFirst((string Suffix, string Replacement)[] rules, int minMeasure)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (Ends(suffix))
                {
                    if (Measure(StemLength(suffix)) > minMeasure)
                    {
                        Replace(suffix, replacement);
                    }

                    return;
                }
            }
        }

        public void Step1A()
        {
            if (Ends("sses")) Replace("sses", "ss");
            else if (Ends("ies")) Replace("ies", "i");
            else if (Ends("ss")) { }
            else if (Ends("s")) Replace("s", "");
        }

        public void Step1B()
        {
            if (Ends("eed"))
            {
                if (Measure(StemLength("eed")) > 0) Replace("eed", "ee");
                return;
            }

            string? removed = Ends("ed") && HasVowel(StemLength("ed")) ? "ed"
                : Ends("ing") && HasVowel(StemLength("ing")) ? "ing"
                : null;
            if (removed is null)
            {
                return;
            }

            Replace(removed, "");
            if (Ends("at") || Ends("bl") || Ends("iz"))
            {
                _s += "e";
            }
            else if (EndsWithDoubleConsonant(_s.Length) && _s[^1] is not ('l' or 's' or 'z'))
            {
                _s = _s[..^1];
            }
            else if (Measure(_s.Length) == 1 && EndsCvc(_s.Length))
            {
                _s += "e";
            }
        }

        public void Step1C()
        {
            if (Ends("y") && HasVowel(StemLength("y"))) Replace("y", "i");
        }

        public void Step2() => ReplaceFirst(
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ], 0);

        public void Step3() => ReplaceFirst(
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ], 0);

        public void Step4()
        {
            string[] suffixes =
            [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
                "ate", "iti", "ous", "ive", "ize",
            ];
            foreach (var suffix in suffixes.OrderByDescending(s => s.Length))
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                var stem = StemLength(suffix);
                if (Measure(stem) > 1 && (suffix != "ion" || (stem > 0 && _s[stem - 1] is 's' or 't')))
                {
                    Replace(suffix, "");
                }

                return;
            }
        }

        public void Step5()
        {
            if (Ends("e"))
            {
                var m = Measure(StemLength("e"));
                if (m > 1 || (m == 1 && !EndsCvc(StemLength("e"))))
                {
                    Replace("e", "");
                }
            }

            if (Measure(_s.Length) > 1 && EndsWithDoubleConsonant(_s.Length) && _s[^1] == 'l')
            {
                _s = _s[..^1];
            }
        }
    }
}
