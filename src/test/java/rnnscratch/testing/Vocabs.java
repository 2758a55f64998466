package rnnscratch.testing;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.text.Vocab;

/** Small vocabularies for tests. */
public final class Vocabs {
    private Vocabs() {}

    /** {@code <unk>}, a space, then {@code v - 2} letters from {@code a}: a character vocabulary of size {@code v}. */
    public static Vocab characters(int v) {
        var tokens = new ArrayList<>(List.of(Vocab.UNK, " "));
        for (int i = 0; tokens.size() < v; i++) {
            tokens.add(Character.toString('a' + i));
        }
        return Vocab.fromTokens(tokens);
    }
}
