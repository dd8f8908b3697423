package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.eval.Corpus;
import io.github.stance4j.eval.DocumentEvaluation;
import io.github.stance4j.eval.EvalSet;
import io.github.stance4j.eval.Evaluator;
import io.github.stance4j.eval.TargetSensitivity;
import io.github.stance4j.result.SummaryRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: scores labelled items and prints accuracy, macro-F1, per-class figures and confusion matrices. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score labelled stance and sentiment items (ANNOTATION.md format) and print the figures.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--stance", paramLabel = "FILE", description = "Stance items (.jsonl, or a folder of stance*.jsonl).")
    Path stance;

    @Option(names = "--sentiment", paramLabel = "FILE", description = "Sentiment items (.jsonl, or a folder of sentiment*.jsonl).")
    Path sentiment;

    @Option(names = "--documents", paramLabel = "FILE", description = "Labelled articles ({\"id\",\"text\",\"blocs\":{...}}) to score the per-document summary.")
    Path documents;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--errors", description = "Also list the misclassified items with their probabilities.")
    boolean errors;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Also write every scored item (gold label, predicted label,"
            + " probabilities) to FILE, one JSON object a line.")
    Path predictions;

    @Option(names = "--markdown", description = "Print the headline figures as a markdown table (as in the README).")
    boolean markdown;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory instead of the embedded model.")
    Path model;

    @Option(names = "--suite", description = "Score every evaluation set of training-data/ side by side (real test and dev,"
            + " written dev, NewsMTSC dev-multitarget) and print a markdown table.")
    boolean suite;

    @Option(names = "--fit-summary", paramLabel = "FILE", description = "Fit the per-document summary rule on these labelled"
            + " documents and print the best rule and its figures.")
    Path fitSummary;

    private Integer suite() throws IOException {
        System.out.println("| set | stance items | stance macro-F1 | explicit | CAUTIONARY F1 | sentiment macro-F1 | pairs: both right | pairs: differ (gold differs / agrees) | swap follows | documents right |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        try (StanceAnalyzer analyzer = Analyzers.open(model)) {
            for (EvalSet set : EvalSet.SUITE) {
                if (!java.nio.file.Files.exists(set.stance())) {
                    continue;
                }
                List<Corpus.StanceItem> st = Corpus.stance(set.stance());
                List<Corpus.SentimentItem> se = set.sentiment() == null ? List.of() : Corpus.sentiment(set.sentiment());
                Evaluator.Report r = Evaluator.evaluate(analyzer, st, se);
                Map<String, Object> ts = TargetSensitivity.measure(analyzer, st);
                String docs = "";
                if (set.documents() != null && java.nio.file.Files.exists(set.documents())) {
                    DocumentEvaluation.Result d = DocumentEvaluation.evaluate(analyzer, set.documents());
                    docs = d.blocsRight() + " of " + d.blocs();
                }
                System.out.printf("| %s | %d | %.4f | %.4f | %.4f | %s | %s | %s / %s | %s | %s |%n", set.name(), st.size(), r.stance().macroF1(),
                        r.stanceExplicit().macroF1(), r.stance().f1(0), r.sentiment() == null ? "" : String.format("%.4f", r.sentiment().macroF1()),
                        ts.getOrDefault("pair_accuracy", "") + " (" + ts.get("pairs") + ")", ts.getOrDefault("differ_rate", ""),
                        ts.getOrDefault("differ_rate_agreeing", ""), ts.getOrDefault("swap_follow", ""), docs);
            }
        }
        return 0;
    }

    private static void row(String name, io.github.stance4j.eval.Metrics m) {
        if (m != null) {
            System.out.printf("| %s | %d | %.4f | %.4f | %.4f |%n", name, m.count(), m.macroF1(), m.accuracy(), m.ece());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (suite) {
            return suite();
        }
        if (fitSummary != null) {
            try (StanceAnalyzer analyzer = Analyzers.open(model)) {
                DocumentEvaluation.Fit fit = DocumentEvaluation.fit(analyzer, fitSummary);
                System.out.printf("best of %d rules: %s%n%d of %d (document, bloc) summaries right; %d of %d documents all right%n"
                                + "held out (%d-fold cross-validation of the fit, %d shuffles): %.4f; default rule %s: %.4f%n",
                        fit.rulesTried(), fit.rule(), fit.result().blocsRight(), fit.result().blocs(), fit.result().documentsRight(),
                        fit.result().documents(), DocumentEvaluation.FOLDS, DocumentEvaluation.REPEATS, fit.crossValidated(),
                        SummaryRule.DEFAULT, fit.defaultAccuracy());
            } catch (IOException e) {
                throw new CliException(e.getMessage(), 2);
            }
            return 0;
        }
        if (stance == null && sentiment == null && documents == null) {
            throw new CliException("give --stance FILE, --sentiment FILE, --documents FILE, --suite or --fit-summary", 2);
        }
        if (documents != null && !java.nio.file.Files.isRegularFile(documents)) {
            throw new CliException("no such file: " + documents, 2);
        }
        List<Corpus.StanceItem> st;
        List<Corpus.SentimentItem> se;
        try {
            st = stance == null ? List.of() : Corpus.stance(stance);
            se = sentiment == null ? List.of() : Corpus.sentiment(sentiment);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), 2);
        }
        Evaluator.Report report;
        Map<String, Object> sensitivity;
        DocumentEvaluation.Result docs = null;
        try (StanceAnalyzer analyzer = Analyzers.open(model)) {
            report = Evaluator.evaluate(analyzer, st, se);
            sensitivity = TargetSensitivity.measure(analyzer, st);
            if (documents != null) {
                try {
                    docs = DocumentEvaluation.evaluate(analyzer, documents);
                } catch (IOException e) {
                    throw new CliException(e.getMessage(), 2);
                }
            }
        }
        if (predictions != null) {
            try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(predictions)) {
                for (Evaluator.Scored s : report.scored()) {
                    w.write(ScoreCommand.JSON.writeValueAsString(s));
                    w.newLine();
                }
            } catch (IOException e) {
                throw new CliException("cannot write " + predictions + ": " + e.getMessage(), 2);
            }
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>(report.toMap());
            out.put("target_sensitivity", sensitivity);
            if (docs != null) {
                out.put("documents", docs.toMap());
            }
            out.put("counts", Map.of("stance", st.size(), "stance_explicit", st.stream().filter(i -> !i.implicit()).count(),
                    "stance_implicit", st.stream().filter(Corpus.StanceItem::implicit).count(), "sentiment", se.size()));
            if (errors) {
                out.put("errors", report.errors());
            }
            System.out.println(ScoreCommand.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            return 0;
        }
        if (markdown) {
            System.out.println("| dev set | items | macro-F1 | accuracy | ECE |");
            System.out.println("|---|---|---|---|---|");
            row("stance, all", report.stance());
            row("stance, explicit", report.stanceExplicit());
            row("stance, implicit", report.stanceImplicit());
            row("sentiment", report.sentiment());
            return 0;
        }
        if (report.stance() != null) {
            System.out.print(report.stance().toText("stance (all)"));
            System.out.print(report.stanceExplicit().toText("stance (explicit)"));
            System.out.print(report.stanceImplicit().toText("stance (implicit)"));
        }
        if (report.sentiment() != null) {
            System.out.print(report.sentiment().toText("sentiment"));
        }
        if (report.stance() != null) {
            System.out.println("target sensitivity (two-bloc sentences with different stances): " + sensitivity);
        }
        if (docs != null) {
            System.out.printf("documents: %d of %d (document, bloc) summaries right (%.4f); %d of %d documents with every bloc right%n",
                    docs.blocsRight(), docs.blocs(), docs.blocs() == 0 ? 0 : (double) docs.blocsRight() / docs.blocs(), docs.documentsRight(),
                    docs.documents());
            for (DocumentEvaluation.Miss m : docs.misses()) {
                System.out.printf("  miss %s %s gold=%s predicted=%s%n", m.id(), m.bloc(), m.gold(), m.predicted());
            }
        }
        if (errors) {
            System.out.println("errors:");
            for (Evaluator.Scored e : report.errors()) {
                System.out.printf("  %s %s gold=%s predicted=%s %s%s: %s%n", e.kind(), e.id(), e.gold(), e.predicted(), e.scores(),
                        e.target() == null ? "" : " target=" + e.target(), e.text());
            }
        }
        return 0;
    }
}
