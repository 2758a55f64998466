package rnnscratch.text;

/**
 * A token and how many times it occurs in the corpus (one entry of the book's {@code vocab.token_freqs}).
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param token the token
 * @param freq  its number of occurrences, at least 1
 */
public record TokenFreq(String token, int freq) {}
