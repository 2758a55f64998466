#!/usr/bin/env python3
"""Golden values for rnnscratch.text, computed by the book's own functions in the shared reference code.

Run from the repository root with the interpreter that has torch (see ../shared/reference/README.md):
    /usr/bin/python3 src/test/python/text_golden.py ../shared/reference ../shared/data/timemachine.txt

It prints (1) Java literals for the edge-case fixture src/test/resources/rnnscratch/text/edge-cases.txt, pasted
into BookGoldenTest, and (2) the Time Machine digests and random-iterator replays, written to
src/test/resources/rnnscratch/text/timemachine-golden.txt. Only numbers and digests are stored, never the book's text.

Digest of minibatches: SHA-1 of the UTF-8 text that has, for every minibatch in order, the rows of X then the rows
of Y, each row's indices joined by single spaces and ended by a newline. Digest of a corpus: its indices joined by
single spaces. Digest of a vocabulary: its tokens joined by newlines.
"""
import hashlib, json, random, sys

sys.path.insert(0, sys.argv[1])
import d2l_rnn as d  # noqa: E402  (the shared reference: read_lines, tokenize, Vocab, load_corpus, iterators)

FIXTURE = 'src/test/resources/rnnscratch/text/edge-cases.txt'
TIME_MACHINE = sys.argv[2]
OUT = 'src/test/resources/rnnscratch/text/timemachine-golden.txt'


def sha1(text):
    return hashlib.sha1(text.encode('utf-8')).hexdigest()


def batches_digest(batches):
    rows = []
    for X, Y in batches:
        for m in (X, Y):
            rows += [' '.join(str(int(v)) for v in row) + '\n' for row in m.tolist()]
    return sha1(''.join(rows))


def java_strings(xs):
    return 'List.of(' + ', '.join(json.dumps(x, ensure_ascii=False) for x in xs) + ')'


def java_ints(xs):
    return 'new int[] {' + ', '.join(str(x) for x in xs) + '}'


def random_replay(corpus, batch_size, num_steps, seed):
    """The offset and shuffled starts the book's seq_data_iter_random draws after random.seed(seed), checked against
    the batches the book's own function yields for the same seed."""
    random.seed(seed)
    expected = list(d.seq_data_iter_random(corpus, batch_size, num_steps))
    random.seed(seed)
    offset = random.randint(0, num_steps - 1)
    starts = list(range(0, (len(corpus) - offset - 1) // num_steps * num_steps, num_steps))
    random.shuffle(starts)
    for k, (X, _) in enumerate(expected):
        for i, j in enumerate(starts[k * batch_size:(k + 1) * batch_size]):
            assert X[i].tolist() == corpus[offset + j: offset + j + num_steps]
    return offset, starts, batches_digest(expected)


print('// edge-cases.txt, d2l preprocessing')
lines = d.read_lines(FIXTURE)
print('lines =', java_strings(lines))
for token in ('char', 'word'):
    corpus, vocab = d.load_corpus(FIXTURE, -1, token)
    print(f'// token={token}')
    print('idxToToken =', java_strings(vocab.idx_to_token))
    print('ids =', java_ints(corpus))
corpus, _ = d.load_corpus(FIXTURE, -1, 'char')
for offset in (0, 2, 3):
    print(f'// sequential batch 2 x 3 steps, offset {offset}:', batches_digest(d.seq_data_iter_sequential(corpus, 2, 3, offset)))

with open(OUT, 'w') as out:
    out.write('# Made by src/test/python/text_golden.py from the book\'s functions; see that file for the format.\n')
    for token in ('char', 'word'):
        corpus, vocab = d.load_corpus(TIME_MACHINE, -1, token)
        out.write(f'{token}.corpus {len(corpus)} {sha1(" ".join(map(str, corpus)))}\n')
        out.write(f'{token}.vocab {len(vocab)} {sha1(chr(10).join(vocab.idx_to_token))}\n')
    corpus, _ = d.load_corpus(TIME_MACHINE, 10000, 'char')
    for offset in (0, 17, 35):
        out.write(f'sequential 32 35 {offset} {batches_digest(d.seq_data_iter_sequential(corpus, 32, 35, offset))}\n')
    for seed in (0, 1):
        offset, starts, digest = random_replay(corpus, 32, 35, seed)
        out.write(f'random 32 35 {offset} {digest} {",".join(map(str, starts))}\n')
print('wrote', OUT)
