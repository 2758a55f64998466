package rnnscratch.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's {@code Vocab} (d2l 8.2.3): a numbering of the tokens, most frequent first.
 *
 * <p>Index 0 is {@code <unk>}, then come the reserved tokens, then every token occurring at least {@code minFreq}
 * times by descending frequency; tokens of equal frequency keep the order of their first occurrence in the corpus
 * (what Python's stable {@code sorted} over a {@code Counter} gives). A token that is not in the vocabulary maps to
 * index 0. Immutable.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class Vocab {
    /** The unknown token, always at index 0. */
    public static final String UNK = "<unk>";

    private final List<String> idxToToken;
    private final Map<String, Integer> tokenToIdx;
    private final List<TokenFreq> tokenFreqs;

    private Vocab(List<String> idxToToken, Map<String, Integer> tokenToIdx, List<TokenFreq> tokenFreqs) {
        this.idxToToken = List.copyOf(idxToToken);
        this.tokenToIdx = Map.copyOf(tokenToIdx);
        this.tokenFreqs = List.copyOf(tokenFreqs);
    }

    /** {@code Vocab(tokens)}: every token, no reserved tokens. */
    public static Vocab of(List<List<String>> tokens) {
        return of(tokens, 0, List.of());
    }

    /**
     * The book's {@code count_corpus(tokens)}: how often each token occurs, in the order of its first occurrence (as
     * Python's {@code collections.Counter} keeps it).
     *
     * @param tokens the tokenized lines, {@code List[line][token]}
     * @return token → count, unmodifiable
     */
    public static Map<String, Integer> countCorpus(List<List<String>> tokens) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var line : tokens) {
            for (var token : line) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * {@code Vocab(tokens, min_freq, reserved_tokens)}.
     *
     * @param tokens         the tokenized lines, {@code List[line][token]}
     * @param minFreq        tokens occurring fewer times are left out (they map to {@code <unk>}); 0 or 1 keeps all
     * @param reservedTokens tokens placed right after {@code <unk>} whether or not they occur (e.g. {@code <pad>})
     * @throws IllegalArgumentException if a reserved token is {@code <unk>} or given twice
     */
    public static Vocab of(List<List<String>> tokens, int minFreq, List<String> reservedTokens) {
        var tokenFreqs = new ArrayList<TokenFreq>();
        countCorpus(tokens).forEach((token, freq) -> tokenFreqs.add(new TokenFreq(token, freq)));
        tokenFreqs.sort(Comparator.comparingInt(TokenFreq::freq).reversed()); // List.sort is stable

        var idxToToken = new ArrayList<String>();
        var tokenToIdx = new HashMap<String, Integer>();
        idxToToken.add(UNK);
        tokenToIdx.put(UNK, 0);
        for (var token : reservedTokens) {
            if (tokenToIdx.containsKey(token)) {
                throw new IllegalArgumentException("Vocab.of: reserved token '" + token + "' is " + UNK
                        + " or given twice in " + reservedTokens);
            }
            tokenToIdx.put(token, idxToToken.size());
            idxToToken.add(token);
        }
        for (var tf : tokenFreqs) {
            if (tf.freq() < minFreq) {
                break; // sorted by descending frequency: every later token is rarer still
            }
            if (!tokenToIdx.containsKey(tf.token())) {
                tokenToIdx.put(tf.token(), idxToToken.size());
                idxToToken.add(tf.token());
            }
        }
        return new Vocab(idxToToken, tokenToIdx, tokenFreqs);
    }

    /**
     * A vocabulary rebuilt from its tokens in index order, as a checkpoint's {@code vocab.txt} stores them (the
     * book's {@code vocab.idx_to_token}). It numbers the tokens exactly as the vocabulary that wrote them, but has no
     * counts: {@link #tokenFreqs()} is empty, so compare vocabularies by {@link #idxToToken()}.
     *
     * @param idxToToken every token, {@code <unk>} first
     * @throws IllegalArgumentException if the list does not start with {@code <unk>}, holds an empty token, or holds
     *                                  a token twice (naming it and both indices)
     */
    public static Vocab fromTokens(List<String> idxToToken) {
        if (idxToToken.isEmpty() || !idxToToken.get(0).equals(UNK)) {
            throw new IllegalArgumentException("Vocab.fromTokens: the first token must be " + UNK + ", got "
                    + (idxToToken.isEmpty() ? "no tokens at all" : "'" + idxToToken.get(0) + "'"));
        }
        var tokenToIdx = new HashMap<String, Integer>();
        for (int i = 0; i < idxToToken.size(); i++) {
            String token = idxToToken.get(i);
            if (token.isEmpty()) {
                throw new IllegalArgumentException("Vocab.fromTokens: token " + i + " is empty");
            }
            Integer before = tokenToIdx.putIfAbsent(token, i);
            if (before != null) {
                throw new IllegalArgumentException("Vocab.fromTokens: token '" + token + "' appears at index "
                        + before + " and again at index " + i);
            }
        }
        return new Vocab(idxToToken, tokenToIdx, List.of());
    }

    /** {@code len(vocab)}: the number of indices, {@code <unk>} and reserved tokens included. */
    public int size() {
        return idxToToken.size();
    }

    /** {@code vocab[token]}: the token's index, or 0 ({@code <unk>}) if it is not in the vocabulary. */
    public int indexOf(String token) {
        return tokenToIdx.getOrDefault(token, 0);
    }

    /** {@code vocab[tokens]}: the index of each token, {@code int[tokens.size()]}. */
    public int[] indices(List<String> tokens) {
        return tokens.stream().mapToInt(this::indexOf).toArray();
    }

    /**
     * {@code vocab.idx_to_token[index]}.
     *
     * @throws IllegalArgumentException if the index is not in {@code [0, size())}
     */
    public String tokenAt(int index) {
        if (index < 0 || index >= idxToToken.size()) {
            throw new IllegalArgumentException("Vocab.tokenAt: index " + index + " is outside [0, " + size() + ")");
        }
        return idxToToken.get(index);
    }

    /** {@code vocab.to_tokens(indices)}: the token of each index. */
    public List<String> toTokens(int[] indices) {
        return Arrays.stream(indices).mapToObj(this::tokenAt).toList();
    }

    /** {@code vocab.idx_to_token}: every token in index order, {@code <unk>} first; unmodifiable. */
    public List<String> idxToToken() {
        return idxToToken;
    }

    /**
     * {@code vocab.token_freqs}: every distinct token of the corpus with its count, by descending count (ties in
     * order of first occurrence), including the tokens {@code minFreq} left out; unmodifiable.
     */
    public List<TokenFreq> tokenFreqs() {
        return tokenFreqs;
    }

    /** Two vocabularies are equal when they number the same tokens the same way from the same counts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vocab v && idxToToken.equals(v.idxToToken) && tokenFreqs.equals(v.tokenFreqs);
    }

    @Override
    public int hashCode() {
        return 31 * idxToToken.hashCode() + tokenFreqs.hashCode();
    }

    @Override
    public String toString() {
        return "Vocab[" + size() + " tokens: " + String.join(" ", idxToToken.subList(0, Math.min(10, size())))
                + (size() > 10 ? " ...]" : "]");
    }
}
