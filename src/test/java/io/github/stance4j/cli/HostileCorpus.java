package io.github.stance4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The hostile-input corpus of issue 10: every line of {@code src/test/resources/hostile/hostile.jsonl}
 * with what {@code score} must write for it, and three records too large for git that
 * {@link HostileCorpusTest} builds at test time. To change a case, edit {@link #cases()} and run
 * {@code main} from the project folder (it rewrites the file; {@code HostileCorpusTest} checks that
 * the file is what it writes).
 */
final class HostileCorpus {
    static final Path FILE = Path.of("src/test/resources/hostile/hostile.jsonl");
    /**
     * What {@code score --time-budget 6} writes for a record that runs out of time. Six seconds:
     * the 8 KB line's 22 windows take 1.5 to 3.5 s on the busy 2-core development machine, so at
     * 3 s its outcome depended on the machine's speed.
     */
    static final String BUDGET = "6";
    static final String OUT_OF_TIME = "took longer than the 6 s time budget";

    /**
     * One input line and what {@code score} must write for it: the id, then either the error, or
     * (error null) a result with this many sentences whose targets are {@code targets} (per
     * sentence, joined by ",", sentences joined by "|"). A record with {@code mayRunOutOfTime} may
     * instead get {@link #OUT_OF_TIME}, as the machine's speed decides.
     */
    record Case(String id, byte[] line, String text, String error, int sentences, String targets, boolean mayRunOutOfTime) {}

    private final List<Case> cases = new ArrayList<>();

    private HostileCorpus() {}

    /** The cases of the file, in line order. */
    static List<Case> cases() {
        HostileCorpus c = new HostileCorpus();
        c.ok("ordinary", "Lavrov warned that NATO's expansion threatens Asia. ASEAN leaders welcomed the talks.", 2, "NATO|ASEAN");
        c.ok("empty", "", 0, "");
        c.ok("whitespace-only", " \t\n\r\n\u00A0\u3000\u2028 ", 0, "");
        // about 1,600 tokens in one sentence: done in a second or two on an idle machine, but once (session 9,
        // CI with the surefire forks busy) past the 6 s budget, so the budget's error is accepted too
        String longLine = "NATO " + words(8000, 1) + " ASEAN";
        c.cases.add(new Case("long-line-without-punctuation", line("long-line-without-punctuation", longLine), longLine, null, 1, "NATO,ASEAN",
                true));
        c.ok("tiny-sentences", "Hi. No. Yes! Go? NATO met. ".repeat(200), 1000, String.join("|", Collections.nCopies(200, "||||NATO")));
        c.bad("invalid-utf8", bytes("{\"id\":\"invalid-utf8\",\"text\":\"NATO met \u0001\"}", (byte) 0xFF), "not UTF-8 text");
        c.bad("invalid-utf8-surrogate", bytes("{\"id\":\"invalid-utf8-surrogate\",\"text\":\"NATO met \u0001\"}", (byte) 0xED, (byte) 0xA0, (byte) 0x80),
                "not UTF-8 text");
        c.bad("invalid-utf8-cut", bytes("{\"id\":\"invalid-utf8-cut\",\"text\":\"NATO met \u0001\"}", (byte) 0xE2, (byte) 0x82), "not UTF-8 text");
        c.ok("lone-surrogates", "NATO\uD800 warned Moscow. \uDC00ASEAN met \uDBFF. \uDFFF", 2, "NATO|ASEAN");
        c.ok("nul-and-controls", "\u0000NATO\u0000 warned\u0007 Moscow. \u001B\u0000ASEAN\u0008 met.\u007F\u0000", 2, "NATO|ASEAN");
        c.bad("raw-nul-in-json", "{\"id\":\"raw-nul-in-json\",\"text\":\"NATO\u0000met.\"}",
                "not valid JSON (Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in string value)");
        c.ok("zero-width-space-inside-nato", "Lavrov warned that NA\u200BTO is expanding toward Asia.", 1, "NATO");
        c.ok("zero-width-joiners-and-bidi",
                "\u202BThe \u200FNATO\u200E summit\u202C and the AS\u200DEAN\u2066 forum\u2069 met. \u2067EU\u2069 envoys left.", 2, "NATO,ASEAN|EU");
        c.ok("arabic", "اجتمع قادة NATO في بروكسل. هل سيتوسع الحلف؟ لم يجب أحد.", 3, "NATO||");
        c.ok("chinese", "北约NATO峰会在布鲁塞尔举行。成员国讨论了防务开支！东盟会作何反应？", 3, "NATO||");
        c.ok("japanese", "NATOの首脳がブリュッセルで会談した。ASEANは歓迎した。", 2, "NATO|ASEAN");
        c.ok("emoji", "NATO 👍🏽 leaders 👨‍👩‍👧 met 🇪🇺 in 🏴󠁧󠁢󠁳󠁣󠁴󠁿. ASEAN 🙂 agreed‼️", 2, "NATO|ASEAN");
        c.ok("html", "<html><body><p class=\"lead\"><b>NATO</b> warned &amp; <a href=\"/asean\">ASEAN</a> met.</p>"
                + "<script>var EU = 1;</script></body></html>", 1, "NATO,ASEAN,EU"); // no space after "met.": one sentence
        c.ok("markdown", "# NATO summit\n\n**NATO** leaders met. [ASEAN](https://asean.org) agreed.\n\n- *EU* envoys\n- `G7`", 4, "NATO|NATO|ASEAN|EU,G7");
        c.bad("text-missing", "{\"id\":\"text-missing\",\"body\":\"NATO met.\"}", "no \"text\" field");
        c.bad("text-null", "{\"id\":\"text-null\",\"text\":null}", "\"text\" is null");
        c.bad("text-number", "{\"id\":\"text-number\",\"text\":42}", "\"text\" must be a string, not number");
        c.bad("text-nested", "{\"id\":\"text-nested\",\"text\":{\"en\":\"NATO met.\"}}", "\"text\" must be a string, not object");
        c.bad("text-array", "{\"id\":\"text-array\",\"text\":[\"NATO met.\"]}", "\"text\" must be a string, not array");
        c.bad("text-boolean", "{\"id\":\"text-boolean\",\"text\":true}", "\"text\" must be a string, not boolean");
        c.ok("duplicate-id", "NATO met.", 1, "NATO");
        c.ok("duplicate-id", "ASEAN met.", 1, "ASEAN");
        c.line("duplicate-key", "{\"id\":\"duplicate-key\",\"text\":\"NATO met.\",\"text\":\"ASEAN met.\"}", "ASEAN met.", 1, "ASEAN");
        c.line(null, "{\"text\":\"NATO met.\"}", "NATO met.", 1, "NATO");
        c.line("7", "{\"id\":7,\"text\":\"NATO met.\"}", "NATO met.", 1, "NATO");
        c.line("{\"a\":[1]}", "{\"id\":{\"a\":[1]},\"text\":\"NATO met.\"}", "NATO met.", 1, "NATO");
        c.line("123456789012345678901234567890123456789", "{\"id\":123456789012345678901234567890123456789,\"text\":\"NATO met.\"}",
                "NATO met.", 1, "NATO");
        c.line("1e400", "{\"id\":1e400,\"text\":\"NATO met.\"}", "NATO met.", 1, "NATO");
        c.line("huge-numbers", "{\"id\":\"huge-numbers\",\"text\":\"NATO met.\",\"n\":[1e999999999,-1e999999999,1e-999999999,"
                + "9".repeat(1000) + "]}", "NATO met.", 1, "NATO");
        c.bad("number-of-100000-digits", "{\"id\":\"number-of-100000-digits\",\"text\":\"NATO met.\",\"n\":" + "1234567890".repeat(10_000) + "}",
                "number too long (over 1,000 digits)");
        c.bad("nested-5000-deep", "{\"id\":\"nested-5000-deep\",\"text\":\"NATO met.\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "nesting deeper than 1,000 levels");
        c.bad("objects-5000-deep", "{\"id\":\"objects-5000-deep\",\"text\":\"NATO met.\",\"a\":" + "{\"a\":".repeat(5000) + "1"
                + "}".repeat(5000) + "}", "nesting deeper than 1,000 levels");
        c.bad("truncated", "{\"id\":\"truncated\",\"text\":\"NATO met.",
                "not valid JSON (Unexpected end-of-input: was expecting closing quote for a string value)");
        c.bad(null, "{broken", "not valid JSON (Unexpected character ('b' (code 98)): was expecting double-quote to start field name)");
        c.bad("trailing-garbage", "{\"id\":\"trailing-garbage\",\"text\":\"NATO met.\"} {\"id\":\"x\"}",
                "not valid JSON (more after the object's end: one object per line)");
        c.bad(null, "[\"NATO met.\"]", "must be a JSON object, not array");
        c.bad(null, "\"NATO met.\"", "must be a JSON object, not string");
        c.bad(null, "null", "must be a JSON object, not null");
        c.ok("after-everything", "NATO warned Moscow. ASEAN met.", 2, "NATO|ASEAN");
        return List.copyOf(c.cases);
    }

    /**
     * Records too large for git, for the end of the file: a 5 MB line without punctuation (about a
     * million tokens, all different windows), 100,000 tiny sentences that all differ, and a 100 KB
     * sentence naming NATO 20,000 times; then one ordinary record.
     */
    static List<Case> large() {
        HostileCorpus c = new HostileCorpus();
        String fiveMb = words(5 * 1024 * 1024, 2);
        c.cases.add(new Case("five-mb-line", line("five-mb-line", fiveMb), fiveMb, OUT_OF_TIME, 0, null, false));
        StringBuilder tiny = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            tiny.append("Vote ").append(i).append(". ");
        }
        c.cases.add(new Case("100000-tiny-sentences", line("100000-tiny-sentences", tiny.toString()), tiny.toString(), OUT_OF_TIME, 0, null,
                false));
        String nato = "NATO ".repeat(20_000) + "met.";
        c.cases.add(new Case("nato-20000-times", line("nato-20000-times", nato), nato, null, 1,
                String.join(",", Collections.nCopies(20_000, "NATO")), true));
        c.ok("after-the-large-ones", "NATO warned Moscow. ASEAN met.", 2, "NATO|ASEAN");
        return List.copyOf(c.cases);
    }

    /** Words from a small list, chosen at random from {@code seed}, without punctuation: {@code chars} characters. */
    static String words(int chars, long seed) {
        List<String> vocabulary = List.of("leaders", "met", "again", "and", "talked", "about", "trade", "the", "summit", "of", "security",
                "ministers", "said", "that", "talks", "would", "go", "on", "in", "spring", "with", "allies", "new", "plans", "for", "defence");
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(sb.length() == 0 ? "" : " ").append(vocabulary.get(r.nextInt(vocabulary.size())));
        }
        return sb.substring(0, chars).strip();
    }

    private int lineNo() {
        return cases.size() + 1;
    }

    /** A record {"id","text"} that gets a result. */
    private void ok(String id, String text, int sentences, String targets) {
        cases.add(new Case(id, line(id, text), text, null, sentences, targets, false));
    }

    /** A hand-written line that gets a result for {@code text} under the id {@code id} (null: line-N). */
    private void line(String id, String json, String text, int sentences, String targets) {
        cases.add(new Case(id != null ? id : "line-" + lineNo(), json.getBytes(StandardCharsets.UTF_8), text, null, sentences, targets, false));
    }

    private void bad(String id, String json, String error) {
        bad(id, json.getBytes(StandardCharsets.UTF_8), error);
    }

    /** A line that gets the error "line N: {@code error}" under the id {@code id} (null: line-N). */
    private void bad(String id, byte[] line, String error) {
        cases.add(new Case(id != null ? id : "line-" + lineNo(), line, null, "line " + lineNo() + ": " + error, 0, null, false));
    }

    /** The UTF-8 bytes of {@code json} with {@code insert} in place of its \u0001. */
    private static byte[] bytes(String json, byte... insert) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf('\u0001');
        byte[] out = new byte[b.length - 1 + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + 1, out, at + insert.length, b.length - at - 1);
        return out;
    }

    /** {"id","text"} as one JSON line; controls, lone surrogates and invisible characters as \\uXXXX, so the file shows them. */
    static byte[] line(String id, String text) {
        return ("{\"id\":" + quote(id) + ",\"text\":" + quote(text) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || (Character.isSurrogate(c) && !pairedHigh && !pairedLow) || invisible(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Format characters (zero-width, bidi) and line or paragraph separators, which a reader of the file would not see. */
    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The lines of {@code cases}, each ended by a newline. */
    static byte[] jsonl(List<Case> cases) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Case c : cases) {
            out.writeBytes(c.line());
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Rewrites {@link #FILE} from {@link #cases()}; run from the project folder. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(FILE.getParent());
        Files.write(FILE, jsonl(cases()));
        System.out.println("wrote " + FILE + ": " + cases().size() + " lines, " + Files.size(FILE) + " bytes");
    }
}
