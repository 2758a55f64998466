#!/usr/bin/env python3
"""Generate the golden cases in src/test/resources/golden/ from the book's PyTorch code.

Each case trains d2l's RNN from scratch (chapter 8.5) in float64 for a few epochs with fixed seeds, using the
functions of the reference module d2l_rnn.py unchanged (load_corpus, Vocab, get_params, RNNModelScratch,
seq_data_iter_sequential, seq_data_iter_random, train_epoch, grad_clipping, sgd, predict), and stores everything a
Java test needs to replay it in one self-contained .npz: the corpus ids and vocabulary, the initial parameters, the
configuration, the sequential offsets or the exact random minibatches, the perplexity of every epoch, the final
parameters and a prediction.

Run from the repository root (needs PyTorch: see ../shared/reference/README.md):

    /usr/bin/python3 src/test/python/make_golden.py

Options: --reference DIR (where d2l_rnn.py is; default ../shared/reference), --corpus FILE (default
../shared/data/timemachine.txt), --out DIR (default src/test/resources/golden).
"""
import argparse
import hashlib
import io
import json
import math
import platform
import random
import sys
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
CORPUS_SHA1 = '090b5e7e70c295757f55df93cb0a180b9691891a'
NAMES = ['W_xh', 'W_hh', 'b_h', 'W_hq', 'b_q']
# A fixed entry time, so that regenerating unchanged cases gives byte-identical files.
ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
NUM_PREDS = 20

# name, token, max_tokens, batch_size, num_steps, num_hiddens, epochs, lr, theta (None: no clipping),
# use_random_iter, seed, vocab from the cut text only, compressed.
# char-sequential-clipped uses theta=0.2: with theta=1 the gradient norm (0.11 to 0.49 in these 4 epochs) never
# exceeds the threshold, so clipping would not be exercised; at 0.2 some minibatches are clipped and some are not.
CASES = [
    dict(name='char-sequential-small', token='char', max_tokens=2000, batch_size=4, num_steps=5, num_hiddens=16,
         epochs=3, lr=1.0, theta=1.0, random_iter=False, seed=1, cut_vocab=False, compressed=False),
    dict(name='char-sequential-clipped', token='char', max_tokens=3000, batch_size=8, num_steps=10, num_hiddens=32,
         epochs=4, lr=1.0, theta=0.2, random_iter=False, seed=2, cut_vocab=False, compressed=True),
    dict(name='word-sequential', token='word', max_tokens=250, batch_size=2, num_steps=4, num_hiddens=16,
         epochs=2, lr=1.0, theta=1.0, random_iter=False, seed=3, cut_vocab=True, compressed=True),
    dict(name='char-random-iter', token='char', max_tokens=2000, batch_size=4, num_steps=5, num_hiddens=16,
         epochs=3, lr=1.0, theta=1.0, random_iter=True, seed=4, cut_vocab=False, compressed=True),
    dict(name='char-sequential-noclip', token='char', max_tokens=1500, batch_size=4, num_steps=5, num_hiddens=16,
         epochs=2, lr=0.5, theta=None, random_iter=False, seed=5, cut_vocab=False, compressed=True),
]


class RecordingList(list):
    """A list that remembers every index read through [], to learn which ids predict() turned into text."""

    def __init__(self, items):
        super().__init__(items)
        self.reads = []

    def __getitem__(self, i):
        self.reads.append(i)
        return super().__getitem__(i)


def load_corpus_cut_vocab(ref, path, max_tokens, token):
    """Like ref.load_corpus, but the Vocab counts only the first max_tokens tokens (keeps word vocabularies small)."""
    tokens = ref.tokenize(ref.read_lines(path), token)
    flat = [t for line in tokens for t in line][:max_tokens]
    vocab = ref.Vocab([flat])
    return [vocab[t] for t in flat], vocab


def train_case(ref, torch, corpus_path, case):
    random.seed(case['seed'])
    torch.manual_seed(case['seed'])
    if case['cut_vocab']:
        corpus, vocab = load_corpus_cut_vocab(ref, corpus_path, case['max_tokens'], case['token'])
    else:
        corpus, vocab = ref.load_corpus(corpus_path, case['max_tokens'], case['token'])
    dtype = torch.float64
    params = ref.get_params(len(vocab), case['num_hiddens'], dtype)
    init = [p.detach().clone().numpy() for p in params]
    net = ref.RNNModelScratch(len(vocab), case['num_hiddens'], params, dtype)
    loss = torch.nn.CrossEntropyLoss()

    clipped = []
    original_clipping = ref.grad_clipping

    def counting_clipping(ps, theta):
        before = [p.grad.clone() for p in ps]
        original_clipping(ps, theta)
        clipped[-1] += any(not torch.equal(b, p.grad) for b, p in zip(before, ps))

    ref.grad_clipping = counting_clipping
    perplexity, offsets, batches_x, batches_y, num_batches = [], [], [], [], []
    try:
        for _ in range(case['epochs']):
            if case['random_iter']:
                batches = list(ref.seq_data_iter_random(corpus, case['batch_size'], case['num_steps']))
                batches_x.append(np.stack([x.numpy() for x, _ in batches]))
                batches_y.append(np.stack([y.numpy() for _, y in batches]))
            else:
                offset = random.randint(0, case['num_steps'])  # as d2l_rnn.main draws it
                offsets.append(offset)
                batches = list(ref.seq_data_iter_sequential(corpus, case['batch_size'], case['num_steps'], offset))
            num_batches.append(len(batches))
            clipped.append(0)
            ppl, _ = ref.train_epoch(net, batches, loss, case['lr'], case['random_iter'], case['theta'])
            perplexity.append(ppl)
    finally:
        ref.grad_clipping = original_clipping

    prefix = 'time traveller'
    recording = RecordingList(vocab.idx_to_token)
    vocab.idx_to_token = recording
    try:
        prediction = ref.predict(prefix.split() if case['token'] == 'word' else prefix, NUM_PREDS, net, vocab)
    finally:
        vocab.idx_to_token = list(recording)
    prediction_ids = list(recording.reads)

    arrays = {'corpus': np.array(corpus, dtype=np.int64)}
    arrays.update({'init_' + n: a for n, a in zip(NAMES, init)})
    arrays.update({
        'batch_size': np.int64(case['batch_size']), 'num_steps': np.int64(case['num_steps']),
        'num_hiddens': np.int64(case['num_hiddens']), 'lr': np.float64(case['lr']),
        'theta': np.float64(math.nan if case['theta'] is None else case['theta']),
        'clip': np.int64(case['theta'] is not None), 'use_random_iter': np.int64(case['random_iter']),
        'epochs': np.int64(case['epochs']), 'seed': np.int64(case['seed']),
        'max_tokens': np.int64(case['max_tokens']),
    })
    if case['random_iter']:
        if len(set(num_batches)) != 1:
            sys.exit(f"{case['name']}: the epochs have {num_batches} minibatches; choose max_tokens a multiple "
                     "of num_steps so that batches_X is rectangular")
        arrays['batches_X'] = np.stack(batches_x).astype(np.int64)
        arrays['batches_Y'] = np.stack(batches_y).astype(np.int64)
    else:
        arrays['offsets'] = np.array(offsets, dtype=np.int64)
    arrays['num_batches'] = np.array(num_batches, dtype=np.int64)
    arrays['clipped_batches'] = np.array(clipped, dtype=np.int64)
    arrays['perplexity'] = np.array(perplexity, dtype=np.float64)
    arrays.update({'final_' + n: p.detach().numpy().astype(np.float64) for n, p in zip(NAMES, params)})
    arrays['prediction_ids'] = np.array(prediction_ids, dtype=np.int64)
    texts = {
        'vocab.txt': '\n'.join(vocab.idx_to_token) + '\n',
        'prefix.txt': prefix,
        'prediction.txt': prediction,
        'token.txt': case['token'],
        'note.txt': note(case, len(vocab)),
    }
    return arrays, texts


def note(case, vocab_size):
    lines = [
        f"{case['name']}: d2l ch. 8.5 RNN from scratch, float64, {case['token']} tokens, "
        f"{'random' if case['random_iter'] else 'sequential'} minibatches, "
        + (f"gradient clipping theta={case['theta']}" if case['theta'] is not None else 'no gradient clipping')
        + f", lr={case['lr']}, seed={case['seed']}.",
        f"corpus: the first {case['max_tokens']} tokens of The Time Machine; vocab size {vocab_size}.",
    ]
    if case['cut_vocab']:
        lines.append('vocab: built from the cut text only (the first max_tokens tokens), NOT from the whole text as '
                     "d2l's load_corpus does, so that W_xh and W_hq stay small; ids and order otherwise follow "
                     "d2l's Vocab (by frequency, ties in order of first appearance, <unk> = 0).")
    else:
        lines.append("vocab: d2l's Vocab of the whole text (load_corpus), <unk> = 0.")
    if case['token'] == 'word':
        lines.append("prediction.txt: d2l's predict() joins tokens with '' (no spaces), so words run together; "
                     'prediction_ids holds the ids. predict() got the prefix split into words.')
    return '\n'.join(lines) + '\n'


def write_npz(path, arrays, texts, compressed):
    """Like numpy.savez(_compressed) plus zipfile.writestr for the texts, but with fixed entry times."""
    method = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    tmp = path.with_name('.' + path.name + '.tmp')
    with zipfile.ZipFile(tmp, 'w') as z:
        for name, array in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asanyarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(name + '.npy', date_time=ENTRY_TIME)
            info.compress_type = method
            z.writestr(info, buf.getvalue())
        for name, text in texts.items():
            info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            info.compress_type = method
            z.writestr(info, text.encode('utf-8'))
    tmp.replace(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--reference', default=str(REPO.parent / 'shared' / 'reference'),
                    help='directory holding d2l_rnn.py')
    ap.add_argument('--corpus', default=str(REPO.parent / 'shared' / 'data' / 'timemachine.txt'))
    ap.add_argument('--out', default=str(REPO / 'src' / 'test' / 'resources' / 'golden'))
    ap.add_argument('--only', help='comma-separated case names to regenerate')
    a = ap.parse_args()

    sys.path.insert(0, a.reference)
    import torch
    import d2l_rnn as ref
    torch.set_num_threads(1)

    corpus_bytes = Path(a.corpus).read_bytes()
    if hashlib.sha1(corpus_bytes).hexdigest() != CORPUS_SHA1:
        sys.exit(f'{a.corpus} is not the book\'s timemachine.txt (SHA-1 {CORPUS_SHA1})')
    reference_sha1 = hashlib.sha1(Path(ref.__file__).read_bytes()).hexdigest()
    versions = (f'python {platform.python_version()}, torch {torch.__version__}, numpy {np.__version__}, '
                f'd2l_rnn.py SHA-1 {reference_sha1}')
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    only = set(a.only.split(',')) if a.only else None
    summary = {}
    for case in CASES:
        if only and case['name'] not in only:
            continue
        arrays, texts = train_case(ref, torch, a.corpus, case)
        texts['versions.txt'] = versions + '\n'
        path = out / (case['name'] + '.npz')
        write_npz(path, arrays, texts, case['compressed'])
        summary[case['name']] = dict(bytes=path.stat().st_size, vocab=len(texts['vocab.txt'].split('\n')) - 1,
                                     perplexity=[float(p) for p in arrays['perplexity']],
                                     clipped_batches=arrays['clipped_batches'].tolist(),
                                     num_batches=arrays['num_batches'].tolist(),
                                     prediction=texts['prediction.txt'])
        print(f"{path}: {path.stat().st_size} bytes", flush=True)
    print(versions)
    print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
