package io.github.stance4j.gazetteer;

import java.util.List;
import java.util.Set;

/**
 * A target the analyzer looks for: a bloc's canonical name, the names it goes by, and the kinds
 * of thing it is, which decide the implicit phrases that may refer to it ("the alliance" refers
 * to a bloc of kind {@code alliance}).
 *
 * <pre>{@code
 * Bloc bri = Bloc.of("Belt and Road Initiative", "BRI", "Belt and Road");
 * }</pre>
 *
 * @param name canonical name, reported as the target of every match
 * @param kinds kinds such as alliance, bloc, union, organisation, forum, pact, partnership, group
 * @param aliases names matched case-sensitively (the canonical name is one of them)
 * @param caseInsensitiveAliases names matched in any case (long full names, for headlines)
 */
public record Bloc(String name, Set<String> kinds, List<String> aliases, List<String> caseInsensitiveAliases) {
    /** Validates and copies. */
    public Bloc {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("bloc name must not be blank: '" + name + "'");
        }
        kinds = Set.copyOf(kinds);
        aliases = List.copyOf(aliases);
        caseInsensitiveAliases = List.copyOf(caseInsensitiveAliases);
        for (String a : aliases) {
            if (a.isBlank()) {
                throw new IllegalArgumentException("bloc " + name + ": blank alias");
            }
        }
        if (aliases.isEmpty() && caseInsensitiveAliases.isEmpty()) {
            throw new IllegalArgumentException("bloc " + name + ": no alias to match");
        }
    }

    /**
     * A bloc matched by its name and the given aliases, case-sensitively, of the generic kinds
     * bloc, group and organisation.
     */
    public static Bloc of(String name, String... aliases) {
        List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(List.of(aliases));
        return new Bloc(name, Set.of("bloc", "group", "organisation"), all, List.of());
    }
}
