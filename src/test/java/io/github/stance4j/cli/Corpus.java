package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** Small generated news documents that name blocs, as JSONL lines, the same for the same seed. */
final class Corpus {
    private static final List<String> BLOCS = List.of("NATO", "ASEAN", "the EU", "BRICS", "the SCO", "APEC", "the G7", "the Quad");
    private static final List<String> ACTORS = List.of("Russia's foreign minister", "A senior diplomat", "The president", "Analysts");
    private static final List<String> CLAIMS = List.of("warned that %s was expanding too fast", "praised %s for its swift response",
            "noted that %s will meet in March", "criticised %s for ignoring regional concerns", "welcomed the decision by %s");
    private static final List<String> OTHER = List.of("Markets were calm on Tuesday.", "The talks lasted three hours.", "The alliance did not comment.");

    private Corpus() {}

    /** {@code n} JSONL lines {"id":"doc-N","text":...}, each of 1 to 4 sentences. */
    static String jsonl(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                text.append(text.length() == 0 ? "" : " ");
                text.append(r.nextInt(4) == 0 ? OTHER.get(r.nextInt(OTHER.size()))
                        : ACTORS.get(r.nextInt(ACTORS.size())) + " " + String.format(CLAIMS.get(r.nextInt(CLAIMS.size())), BLOCS.get(r.nextInt(BLOCS.size()))) + ".");
            }
            ObjectNode doc = ScoreCommand.JSON.createObjectNode().put("id", String.format("doc-%05d", i)).put("text", text.toString());
            sb.append(doc).append('\n');
        }
        return sb.toString();
    }
}
