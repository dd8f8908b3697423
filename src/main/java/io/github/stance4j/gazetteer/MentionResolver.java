package io.github.stance4j.gazetteer;

import io.github.stance4j.text.SentenceSplitter.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        return resolve(text, sentences, Gazetteer.NO_CHECK);
    }

    /**
     * {@link #resolve(String, List)}, running {@code check} before each sentence and, in a long
     * one, once every 4,096 characters the gazetteer reads; whatever it throws (a
     * {@code TimeBudgetExceededException} when a time budget has run out) stops the call.
     */
    public List<List<Mention>> resolve(String text, List<Span> sentences, Runnable check) {
        List<List<Mention>> out = new ArrayList<>();
        List<Seen> recent = new ArrayList<>(); // explicit blocs, most recent last
        for (int s = 0; s < sentences.size(); s++) {
            check.run();
            Span span = sentences.get(s);
            String sentence = text.substring(span.start(), span.end());
            List<Mention> mentions = new ArrayList<>();
            Set<String> named = new HashSet<>();
            List<Gazetteer.Match> matches = gazetteer.find(sentence, check);
            for (Gazetteer.Match m : matches) {
                mentions.add(new Mention(m.target(), span.start() + m.start(), span.start() + m.end(), false));
                named.add(m.target());
            }
            Set<String> implicitDone = new HashSet<>();
            // explicit targets before the phrase in this sentence, most recent last; one pass over
            // matches and phrases (both left to right), so work stays linear in the sentence
            LinkedHashMap<String, Boolean> before = new LinkedHashMap<>();
            int consumed = 0;
            for (Gazetteer.Phrase p : gazetteer.findImplicit(sentence, check)) {
                while (consumed < matches.size() && matches.get(consumed).end() <= p.start()) {
                    String t = matches.get(consumed++).target();
                    before.remove(t);
                    before.put(t, Boolean.TRUE);
                }
                if (consumed < matches.size() && matches.get(consumed).start() < p.end()) {
                    continue; // the phrase overlaps an explicit mention
                }
                String target = null;
                // explicit blocs earlier in this sentence come first, then earlier sentences
                List<String> recentHere = new ArrayList<>(before.keySet());
                for (int i = recentHere.size() - 1; i >= 0 && target == null; i--) {
                    if (fits(recentHere.get(i), p)) {
                        target = recentHere.get(i);
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
            Set<String> seenHere = new LinkedHashSet<>();
            for (Gazetteer.Match m : matches) {
                seenHere.remove(m.target());
                seenHere.add(m.target());
            }
            for (String t : seenHere) { // in order of last mention, so the sentence's last named bloc ends up most recent
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

}
