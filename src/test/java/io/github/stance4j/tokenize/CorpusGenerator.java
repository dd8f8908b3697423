package io.github.stance4j.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic generator of a parity corpus: same seed, same sentences, on every JVM.
 *
 * <p>Each sentence is 1-4 segments drawn from weighted families (news-like English built from
 * word lists, accented Latin, Turkish dotted/dotless i, Greek, Cyrillic, Arabic, Hebrew,
 * Devanagari, Thai, CJK/kana/Hangul, emoji incl. ZWJ sequences, skin tones, flags and keycaps,
 * invisible characters, control characters, odd whitespace, very long words, numbers, URLs,
 * punctuation runs, literal special tokens, combining sequences, compatibility characters and
 * random code points from all planes), joined by mostly spaces but also by nothing, tabs,
 * newlines and invisible characters; some sentences are upper-cased or empty. Unpaired
 * surrogates are never produced (the reference cannot receive them intact through JNI).
 */
final class CorpusGenerator {

    private CorpusGenerator() {}

    private static final String[] NAMES = {
        "Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen", "Joe Biden",
        "Xi Jinping", "Narendra Modi", "Recep Tayyip Erdoğan", "Jacinda Ardern", "Pedro Sánchez",
        "Giorgia Meloni", "Rishi Sunak", "Volodymyr Zelensky", "Lula da Silva", "Fumio Kishida",
        "Nguyễn Phú Trọng", "Zoë Saldaña", "François Hollande", "Søren Kierkegaard", "José Martí",
        "the spokesperson", "a senior official", "the committee", "MEP Anna Cavazzini", "Dr. O'Neill",
    };
    private static final String[] ORGS = {
        "the European Parliament", "the Commission", "NATO", "the UN Security Council", "the IMF",
        "the Bundestag", "the S&D group", "Renew Europe", "the EPP", "the Greens/EFA", "ECR",
        "the Left", "the Council of the EU", "the ECB", "OpenAI", "Deutsche Bahn", "Crédit Agricole",
        "the WHO", "the G7", "the African Union", "ASEAN", "Mercosur", "the OECD", "Eurostat",
    };
    private static final String[] VERBS = {
        "said", "announced", "rejected", "criticised", "welcomed", "voted against", "supported",
        "warned", "argued", "denied", "confirmed", "proposed", "vetoed", "postponed", "approved",
        "condemned", "praised", "questioned", "negotiated", "signed", "unveiled", "abstained on",
    };
    private static final String[] OBJECTS = {
        "the new migration pact", "a carbon border tax", "the 2024 budget", "sanctions on Russia",
        "the Digital Services Act", "an emergency summit", "the proposed tariffs", "the AI Act",
        "a ceasefire agreement", "the farm subsidies", "the trade deal with Mercosur",
        "state aid rules", "the enlargement process", "the rule-of-law mechanism", "the Green Deal",
        "a cross-border rail link", "the pension reform", "interest-rate hikes", "data-retention laws",
    };
    private static final String[] ADVERBS = {
        "sharply", "unexpectedly", "once again", "late on Tuesday", "in Brussels", "in Strasbourg",
        "after a heated debate", "by a narrow margin", "on Monday", "ahead of the vote",
        "behind closed doors", "for the first time", "despite protests", "amid criticism",
    };
    private static final String[] CONNECT = {
        "while", "although", "because", "and", "but", "whereas", "since", "after", "before",
    };
    private static final String[] TEMPLATES = {
        "%N %V %O %A.",
        "%O was %V by %G %A, %N said.",
        "\"We will not accept %O,\" %N told reporters %A.",
        "%N (%G) %V %O; %C %G %V it.",
        "Breaking: %G %V %O — %N reacts.",
        "According to %G, %O could cost €%D billion by %Y.",
        "%N's office %V %O on %Y-%M-%D at %H:%I CET.",
        "Q%Q results: revenue up %D.%D%%, shares fell %D%% (NASDAQ: ABCD).",
        "%A, %N %V %O, %C %N %V %O.",
        "Why did %G vote against %O? Read more at https://www.example.eu/news/%Y/%M/%D/story-%D.html",
        "Contact press@%G.example.org or call +32 2 %D %D %D.",
        "#EUelections %G %V %O!!! @%N",
    };

    private static final String[] FRENCH = {
        "L'été dernier, le Président a déclaré qu'il était « très préoccupé ».",
        "Les députés ont adopté la résolution à l'unanimité ; c'était inédit.",
        "Où est la bibliothèque ? Près de l'hôtel de ville, à côté du café.",
        "Œuvre, cœur, naïveté, Noël, ÇA VA, garçon, août, Élysée, MÊME",
    };
    private static final String[] GERMAN = {
        "Die Bundesregierung hat über die Straßenbahn entschieden – Größe: 42 m², Übermaß!",
        "Müller, Schäfer & Söhne GmbH: „Wir müssen jetzt handeln“, sagte der Geschäftsführer.",
        "STRASSE, Straße, ẞ, Fußgängerübergänge, Ärzte, Öl, Übung",
    };
    private static final String[] VIETNAMESE = {
        "Thủ tướng Việt Nam phát biểu tại Hà Nội về kinh tế.",
        "Tiếng Việt có nhiều dấu: ầ ẩ ẫ ấ ậ ề ể ễ ế ệ ồ ổ ỗ ố ộ ừ ử ữ ứ ự Đ đ.",
        "Người dân Thành phố Hồ Chí Minh đón Tết Nguyên Đán.",
    };
    private static final String[] TURKISH = {
        "İstanbul'da Iğdır ılık İÇİN ışık; DİYARBAKIR, ıspanak, İzmir",
        "Türkiye Büyük Millet Meclisi'nde oylama yapıldı: ÇOĞUNLUK kabul etti.",
        "iİıI İi Iı İSTANBUL ILIK",
    };
    private static final String[] OTHER_LATIN = {
        "Łódź, Gdańsk, Kraków, żółć, ŻÓŁĆ", "Příliš žluťoučký kůň úpěl ďábelské ódy",
        "Smørrebrød på Ærø, Åland", "¿Dónde está el niño? ¡Mañana!", "Þingvellir, Ísland, ð",
        "Ångström, Kelvin sign: K, Ohm: Ω, Angstrom sign: Å", "São Paulo, Açores, coração",
        "Ĳssel, ĳs, ǅemal, ǈ, ǋ", "ﬁnance ﬂow ﬀ ﬃ", "Ａｂｃ　ＤＥＦ　１２３！？", "Ⅻ ⅻ ½ ² ³ ₂ ™ ℃ №",
    };
    private static final String[] GREEK = {
        "Ο Πρωθυπουργός ΚΥΡΙΑΚΟΣ Μητσοτάκης δήλωσε ότι οι εκλογές θα γίνουν σύντομα.",
        "ΟΔΥΣΣΕΥΣ, ὈΔΥΣΣΕΎΣ, ἀρετή, ᾅδης, ΐ ΰ ς σ Σ",
    };
    private static final String[] CYRILLIC = {
        "Президент России заявил, что переговоры продолжатся в Женеве.",
        "Верховна Рада України ухвалила закон; їжак, ґанок, Єва, ЇЖАК.",
        "Ђорђе, Љубљана, Њујорк, Џеп, ЁЛКА ёлка й Й",
    };
    private static final String[] ARABIC = {
        "قال الرئيس إن المفاوضات ستستمر في جنيف.",
        "الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ، أَلَيْسَ كَذَلِكَ؟",
        "٣٫١٤ ١٢٣٤ ٪ ؛ ؟ ـــ",
    };
    private static final String[] HEBREW = {"שָׁלוֹם עֲלֵיכֶם, מה שלומך?", "ירושלים — 2024"};
    private static final String[] DEVANAGARI = {
        "प्रधानमंत्री नरेंद्र मोदी ने कहा कि भारत आगे बढ़ेगा।",
        "हिन्दी भाषा में क्ष त्र ज्ञ श्र ॐ ॥ १२३",
    };
    private static final String[] THAI = {
        "นายกรัฐมนตรีกล่าวว่าเศรษฐกิจจะเติบโต", "ภาษาไทย ๑๒๓ ฯลฯ ๆ",
    };
    private static final String[] CJK = {
        "中华人民共和国国务院总理在北京发表讲话。", "欧洲议会今天投票通过了新的移民公约！",
        "日本の首相は東京で記者会見を開いた。カタカナ、ひらがな、漢字。",
        "대한민국 국회는 오늘 법안을 통과시켰다. 서울특별시", "㐀㐁 𠀀𠀁 𪜀 𫝀 𫠠 𬺰 豈 更 丽 丸",
        "「引用」『書名』【注意】〜・ー", "ｶﾀｶﾅ ﾊﾝｶｸ",
    };
    private static final String[] EMOJI = {
        "😀", "😂", "🥰", "👍", "👍🏽", "👋🏿", "🏳️‍🌈", "👨‍👩‍👧‍👦", "👩🏽‍💻", "🇫🇷", "🇪🇺", "1️⃣", "#️⃣",
        "❤️", "☺", "✌🏻", "🧑‍🤝‍🧑", "🤷‍♀️", "⭐", "🔥🔥🔥", "©", "®", "🀄", "🃏", "⚽",
    };
    private static final String[] INVISIBLE = {
        "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD", "\u180E", "\u200E", "\u200F",
        "\u202A", "\u202E", "\u2066", "\uFE0F", "\uFE0E", "\u034F", "\uE000", "\uF8FF", "\uDB80\uDC00",
    };
    private static final String[] CONTROLS = {
        "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F",
        "\u0085", "\u009F", "\uFFFD", "\uFFFE", "\uFFFF",
    };
    private static final String[] SPACES = {
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u2002", "\u2003", "\u2009", "\u200A",
        "\u202F", "\u205F", "\u3000", "\u1680", "\u2028", "\u2029", " \t \n ",
    };
    private static final String[] PUNCT = {
        "...", "?!?!", "!!!", "—", "–", "-", "--", "«»", "“”", "‘’", "''", "\"\"", "(…)", "[", "]",
        "{}", "<>", "@#$%^&*", "~`|\\", "¡¿", "§¶", "•·", "†‡", "※", "‰‱", "⁇", "⸘", "、。", "，；：",
        "／＼", "_", "__init__", "::", "->", "=>", "&amp;", "&&", "||", "+/-", "±", "×÷", "€$£¥₹",
    };
    private static final String[] SPECIALS = {
        "[MASK]", "[CLS]", "[SEP]", "[PAD]", "[UNK]", "[mask]", "[Mask]", "[MASK", "MASK]", "[[MASK]]",
        "x[MASK]y", "[CLS][SEP]", "[ MASK ]", "[MASK][MASK]", "[UNK]s", "##ing", "##", "#", "[SEP",
    };
    private static final String[] COMBINING = {
        "e\u0301", "a\u0308\u0301", "n\u0303", "o\u0302\u0323", "\u0301", "\u0301\u0301a",
        "i\u0307", "Z\u0335\u0336", "\u0915\u094D\u0937", "a\u20DD", "1\u20E3", "q\u0331",
        "\u1100\u1161\u11A8", "\u0627\u064E", "x\u0489", "\u05D1\u05BC",
    };
    private static final String[] NUMBERS = {
        "3.14", "1,000,000", "2024-05-01", "$45.6bn", "−5°C", "12:30", "50%", "1e-9", "0x1F",
        "٣", "४२", "๑๒", "Ⅻ", "¼", "²", "1st", "2nd", "42nd", "+49 (0)30 123456", "№ 5", "v2.0.1",
    };
    private static final String[] URLS = {
        "https://www.europarl.europa.eu/news/en/press-room?page=2&lang=fr",
        "http://example.com/a_b-c.d/e%20f#frag", "www.bbc.co.uk/news/world-europe-12345678",
        "mailto:someone@example.org", "ftp://files.example.net/pub/README.txt",
        "https://t.co/AbCdEf123", "@EU_Commission", "#Brexit", "C:\\Program Files\\App\\x.exe",
    };

    /** Generates {@code n} sentences from {@code seed}. */
    static List<String> generate(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sentence(r));
        }
        return out;
    }

    private static String sentence(SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 1) {
            return r.nextBoolean() ? "" : pick(r, SPACES);
        }
        StringBuilder sb = new StringBuilder();
        int segments = 1 + r.nextInt(4);
        for (int s = 0; s < segments; s++) {
            if (s > 0) {
                sb.append(separator(r));
            }
            sb.append(segment(r));
        }
        String text = sb.toString();
        int casing = r.nextInt(20);
        if (casing == 0) {
            text = text.toUpperCase(java.util.Locale.ROOT);
        } else if (casing == 1) {
            text = text.toLowerCase(java.util.Locale.ROOT);
        }
        return text;
    }

    private static String separator(SplittableRandom r) {
        int k = r.nextInt(20);
        if (k < 13) {
            return " ";
        }
        if (k < 15) {
            return "";
        }
        if (k < 18) {
            return pick(r, SPACES);
        }
        return r.nextBoolean() ? pick(r, INVISIBLE) : pick(r, CONTROLS);
    }

    private static String segment(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 38) {
            return news(r);
        }
        if (k < 41) {
            return pick(r, FRENCH);
        }
        if (k < 43) {
            return pick(r, GERMAN);
        }
        if (k < 45) {
            return pick(r, VIETNAMESE);
        }
        if (k < 47) {
            return pick(r, TURKISH);
        }
        if (k < 49) {
            return pick(r, OTHER_LATIN);
        }
        if (k < 50) {
            return pick(r, GREEK);
        }
        if (k < 52) {
            return pick(r, CYRILLIC);
        }
        if (k < 54) {
            return pick(r, ARABIC);
        }
        if (k < 55) {
            return pick(r, HEBREW);
        }
        if (k < 57) {
            return pick(r, DEVANAGARI);
        }
        if (k < 58) {
            return pick(r, THAI);
        }
        if (k < 61) {
            return pick(r, CJK);
        }
        if (k < 65) {
            return emojiRun(r);
        }
        if (k < 68) {
            return sprinkle(r, news(r), INVISIBLE);
        }
        if (k < 70) {
            return sprinkle(r, news(r), CONTROLS);
        }
        if (k < 72) {
            return sprinkle(r, news(r), SPACES);
        }
        if (k < 76) {
            return longWord(r);
        }
        if (k < 79) {
            return pick(r, NUMBERS) + " " + pick(r, NUMBERS);
        }
        if (k < 82) {
            return pick(r, URLS);
        }
        if (k < 85) {
            return punctRun(r);
        }
        if (k < 89) {
            return withSpecial(r);
        }
        if (k < 92) {
            return sprinkle(r, news(r), COMBINING);
        }
        if (k < 96) {
            return randomCodePoints(r);
        }
        return mixedScriptWord(r);
    }

    private static String news(SplittableRandom r) {
        String t = pick(r, TEMPLATES);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '%' || i + 1 == t.length()) {
                sb.append(c);
                continue;
            }
            char f = t.charAt(++i);
            switch (f) {
                case 'N' -> sb.append(pick(r, NAMES));
                case 'G' -> sb.append(pick(r, ORGS));
                case 'V' -> sb.append(pick(r, VERBS));
                case 'O' -> sb.append(pick(r, OBJECTS));
                case 'A' -> sb.append(pick(r, ADVERBS));
                case 'C' -> sb.append(pick(r, CONNECT));
                case 'D' -> sb.append(r.nextInt(1000));
                case 'Y' -> sb.append(1990 + r.nextInt(40));
                case 'M' -> sb.append(String.format("%02d", 1 + r.nextInt(12)));
                case 'H' -> sb.append(String.format("%02d", r.nextInt(24)));
                case 'I' -> sb.append(String.format("%02d", r.nextInt(60)));
                case 'Q' -> sb.append(1 + r.nextInt(4));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(f);
            }
        }
        return sb.toString();
    }

    /** Inserts 1-3 items of {@code pool} at random char boundaries (never inside a pair). */
    private static String sprinkle(SplittableRandom r, String base, String[] pool) {
        StringBuilder sb = new StringBuilder(base);
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            int at = r.nextInt(sb.length() + 1);
            if (at > 0 && at < sb.length() && Character.isLowSurrogate(sb.charAt(at))) {
                at++;
            }
            sb.insert(at, pick(r, pool));
        }
        return sb.toString();
    }

    private static String emojiRun(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int k = 1 + r.nextInt(4);
        for (int i = 0; i < k; i++) {
            int mode = r.nextInt(4);
            if (mode == 0) {
                sb.append(' ');
            } else if (mode == 1) {
                sb.append(pick(r, NAMES).split(" ")[0]);
            }
            sb.append(pick(r, EMOJI));
        }
        return sb.toString();
    }

    private static String longWord(SplittableRandom r) {
        int kind = r.nextInt(6);
        int len = switch (r.nextInt(4)) {
            case 0 -> 99 + r.nextInt(4); // around the 100 code-point limit
            case 1 -> 101 + r.nextInt(300);
            case 2 -> 20 + r.nextInt(80);
            default -> 100;
        };
        StringBuilder sb = new StringBuilder();
        String[] parts = {"anti", "dis", "establish", "ment", "arian", "ism", "pneumono", "ultra",
            "micro", "scopic", "silico", "volcano", "coniosis", "super", "cali", "fragil", "istic"};
        int cps = 0;
        while (cps < len) {
            switch (kind) {
                case 0 -> {
                    String p = parts[r.nextInt(parts.length)];
                    int take = Math.min(p.length(), len - cps);
                    sb.append(p, 0, take);
                    cps += take;
                }
                case 1 -> {
                    sb.append((char) ('a' + r.nextInt(26)));
                    cps++;
                }
                case 2 -> {
                    sb.append(r.nextInt(10));
                    cps++;
                }
                case 3 -> {
                    sb.append("éàüöçñ".charAt(r.nextInt(6)));
                    cps++;
                }
                case 4 -> {
                    sb.appendCodePoint(r.nextBoolean() ? 0x1F600 + r.nextInt(50) : 'x');
                    cps++;
                }
                default -> {
                    // precomposed letters whose marks are stripped: code points shrink after NFD? no,
                    // e + U+0301 pairs: 2 code points in, 1 after normalisation
                    sb.append('e').append('\u0301');
                    cps++;
                }
            }
        }
        return sb.toString();
    }

    private static String punctRun(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int k = 1 + r.nextInt(5);
        for (int i = 0; i < k; i++) {
            sb.append(pick(r, PUNCT));
            if (r.nextInt(3) == 0) {
                sb.append(pick(r, VERBS));
            }
        }
        return sb.toString();
    }

    private static String withSpecial(SplittableRandom r) {
        String base = news(r);
        String sp = pick(r, SPECIALS);
        int mode = r.nextInt(3);
        if (mode == 0) {
            return sp + " " + base;
        }
        if (mode == 1) {
            return base.replaceFirst(" ", " " + java.util.regex.Matcher.quoteReplacement(sp) + " ");
        }
        int at = r.nextInt(base.length() + 1);
        return base.substring(0, at) + sp + base.substring(at);
    }

    private static String mixedScriptWord(SplittableRandom r) {
        String[][] pools = {FRENCH, CYRILLIC, GREEK, ARABIC, CJK, DEVANAGARI, THAI, EMOJI, TURKISH};
        StringBuilder sb = new StringBuilder();
        int k = 2 + r.nextInt(4);
        for (int i = 0; i < k; i++) {
            String s = pick(r, pools[r.nextInt(pools.length)]);
            int[] cps = s.codePoints().toArray();
            int from = r.nextInt(cps.length);
            int to = Math.min(cps.length, from + 1 + r.nextInt(6));
            for (int j = from; j < to; j++) {
                sb.appendCodePoint(cps[j]);
            }
        }
        return sb.toString();
    }

    /** 3-30 code points drawn from all planes, biased towards the BMP and assigned blocks. */
    private static String randomCodePoints(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int k = 3 + r.nextInt(28);
        for (int i = 0; i < k; i++) {
            int cp;
            int zone = r.nextInt(10);
            if (zone < 3) {
                cp = 0x20 + r.nextInt(0x250 - 0x20); // Latin incl. extended
            } else if (zone < 7) {
                cp = r.nextInt(0x10000);
            } else if (zone < 9) {
                cp = 0x10000 + r.nextInt(0x20000);
            } else {
                cp = r.nextInt(0x110000);
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                cp = ' ';
            }
            sb.appendCodePoint(cp);
            if (r.nextInt(6) == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }
}
