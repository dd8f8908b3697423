package io.github.stance4j.examples;

// README:begin
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.TargetMention;

public class ReadmeExample {
    public static void main(String[] args) {
        String text = "Lavrov warned that NATO's expansion threatens Asia. The alliance did not reply.";
        try (StanceAnalyzer analyzer = StanceAnalyzer.create()) {          // embedded model, thread-safe
            DocumentResult doc = analyzer.analyze(text);
            for (SentenceResult s : doc.sentences()) {
                System.out.println(s.text() + " -> " + s.sentiment().label());
                for (TargetMention t : s.targets())                         // explicit and implicit mentions
                    System.out.println("  " + t.target() + " " + t.stance().label() + " " + t.stance().scores());
            }
            System.out.println(doc.blocs().get("NATO").stance().label());   // per-document summary
        }
    }
}
// README:end
