package io.github.stance4j.gazetteer;

import io.github.stance4j.text.SentenceSplitter.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the bloc mentions of each sentence of a document: explicit ones from the
 * {@link Gazetteer}, and implicit phrases ("the alliance", "allied leaders", "the bloc") resolved
 * to the most recent bloc of a fitting kind named in the document.
 *
 * <p>A strong phrase ("the alliance") looks back up to {@value #WINDOW} sentences; a weak one
 * ("the moves", "its expansion") only to the sentence before. An implicit phrase is dropped when
 * its bloc is named in the same sentence. Stateless and thread-safe.
 */
public final class MentionResolver {
    /** How many sentences back a strong implicit phrase may reach. */
    public static final int WINDOW = 6;
    private final Gazetteer gazetteer;

    /** A resolver over that gazetteer. */
    public MentionResolver(Gazetteer gazetteer) {
        if (gazetteer == null) {
            throw new IllegalArgumentException("gazetteer must not be null");
        }
        this.gazetteer = gazetteer;
    }

    /** A mention of a bloc in a sentence; offsets index the document. */
    public record Mention(String target, int start, int end, boolean implicit) {}

    /** Mentions per sentence, in sentence order and, within one, left to right. */
    public List<List<Mention>> resolve(String text, List<Span> sentences) {
        List<List<Mention>> out = new ArrayList<>();
        List<Seen> recent = new ArrayList<>(); // explicit blocs, most recent last
        for (int s = 0; s < sentences.size(); s++) {
            Span span = sentences.get(s);
            String sentence = text.substring(span.start(), span.end());
            List<Mention> mentions = new ArrayList<>();
            Set<String> named = new HashSet<>();
            List<Gazetteer.Match> matches = gazetteer.find(sentence);
            for (Gazetteer.Match m : matches) {
                mentions.add(new Mention(m.target(), span.start() + m.start(), span.start() + m.end(), false));
                named.add(m.target());
            }
            Set<String> implicitDone = new HashSet<>();
            for (Gazetteer.Phrase p : gazetteer.findImplicit(sentence)) {
                if (overlaps(p, matches)) {
                    continue;
                }
                String target = null;
                // explicit blocs earlier in this sentence come first, then earlier sentences
                for (int i = matches.size() - 1; i >= 0 && target == null; i--) {
                    if (matches.get(i).end() <= p.start() && fits(matches.get(i).target(), p)) {
                        target = matches.get(i).target();
                    }
                }
                for (int i = recent.size() - 1; i >= 0 && target == null; i--) {
                    if (s - recent.get(i).sentence() > (p.weak() ? 1 : WINDOW)) {
                        break;
                    }
                    if (fits(recent.get(i).target(), p)) {
                        target = recent.get(i).target();
                    }
                }
                if (target != null && !named.contains(target) && implicitDone.add(target)) {
                    mentions.add(new Mention(target, span.start() + p.start(), span.start() + p.end(), true));
                }
            }
            mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
            for (Gazetteer.Match m : matches) {
                final String t = m.target();
                recent.removeIf(seen -> seen.target().equals(t));
                recent.add(new Seen(t, s));
            }
            out.add(List.copyOf(mentions));
        }
        return out;
    }

    private record Seen(String target, int sentence) {}

    private boolean fits(String target, Gazetteer.Phrase p) {
        if (p.kinds().contains("*")) {
            return true;
        }
        Bloc b = gazetteer.blocs().get(target);
        if (b == null) {
            return false;
        }
        for (String k : p.kinds()) {
            if (b.kinds().contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Gazetteer.Phrase p, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (p.start() < m.end() && m.start() < p.end()) {
                return true;
            }
        }
        return false;
    }
}
