package rnnscratch.exercises;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnscratch.text.TokenKind;

/**
 * Exercise 04 — tokenize and build a Vocab (词元化与词表), the book's {@code tokenize} and {@code Vocab}.
 *
 * <p>{@link #tokenize} splits every line into tokens: for {@code CHAR} one token per Unicode code point (so 汉 or 🙂
 * is one token, never half of one), for {@code WORD} the words between runs of white space (no empty words).
 *
 * <p>{@link #vocabTokens} numbers the tokens as the book's {@code Vocab.idx_to_token}: index 0 is {@code <unk>},
 * then every token that occurs at least {@code minFreq} times, by falling count; tokens with equal counts keep the
 * order in which they first appear.
 *
 * <p>Shapes: {@code List[line][token]}; the vocabulary is {@code List[index]}.
 *
 * <p>Docs: docs/text-pipeline.md#exercises
 */
public final class Ex04TokenizeVocab {
    private Ex04TokenizeVocab() {}

    /** One token list per line, in order; an empty (or all white space) line gives an empty list. */
    public static List<List<String>> tokenize(List<String> lines, TokenKind token) {
        // BEGIN SOLUTION
        var result = new ArrayList<List<String>>();
        for (String line : lines) {
            result.add(switch (token) {
                case CHAR -> line.codePoints().mapToObj(Character::toString).toList();
                case WORD -> line.isBlank() ? List.of() : List.of(line.strip().split("\\s+"));
            });
        }
        return result;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 04 (tokenize and Vocab): write tokenize, the tokens of every line, by characters or by words — read docs/text-pipeline.md#exercises");
    }

    /** The book's {@code idx_to_token}: {@code <unk>}, then the tokens seen at least {@code minFreq} times. */
    public static List<String> vocabTokens(List<List<String>> tokens, int minFreq) {
        // BEGIN SOLUTION
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var line : tokens) {
            for (String t : line) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        var byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()); // stable: ties keep order
        var idxToToken = new ArrayList<String>();
        idxToToken.add("<unk>");
        for (var e : byCount) {
            if (e.getValue() >= minFreq && !e.getKey().equals("<unk>")) {
                idxToToken.add(e.getKey());
            }
        }
        return idxToToken;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 04 (tokenize and Vocab): write vocabTokens, the vocabulary's tokens in index order — read docs/text-pipeline.md#exercises");
    }
}
