#!/usr/bin/env python3
"""Golden values for single functions, from the book's code: src/test/resources/golden/parts/*.npz.

The training cases of make_golden.py pin whole epochs; these pin the pieces one at a time, so that a student whose
code disagrees with the book learns which function does:

- vocab.npz: d2l_rnn.Vocab (order, min_freq, reserved tokens, token_freqs) and the ids it gives, on the edge-case
  fixture (char and word tokens) and on a small hand-made token list with ties, a literal '<unk>' and a reserved
  token that also occurs in the text;
- rnn-step.npz: one minibatch of d2l_rnn.RNNModelScratch from a non-zero state: F.one_hot(X.T), the outputs and the
  new state of rnn, nn.CrossEntropyLoss, the gradients of l.backward(), grad_clipping (theta = half the norm, so it
  clips), sgd, and predict (greedy) from the same parameters;
- sequence-model.npz: d2l 8.1 (sequence models), whose code is not in d2l_rnn.py and is written out below as the
  book has it (PyTorch edition): the noisy sine wave, the tau-features, get_net with init_weights, train with Adam
  and MSELoss(reduction='none') summed, evaluate_loss, one-step, multi-step and k-step predictions. Smaller than
  the book (T = 100, n_train = 60, 3 epochs, max_steps = 4) to keep the file a few KB; float64 throughout.

Run from the repository root with the interpreter that has torch (see ../shared/reference/README.md):

    /usr/bin/python3 src/test/python/parts_golden.py [--reference ../shared/reference] [--out DIR]

It sets torch.set_num_threads(1) and fixed zip entry times, so a rerun on the same machine gives identical files.
"""
import argparse
import math
import platform
import sys
from pathlib import Path

import numpy as np

import make_golden  # beside this file: write_npz and RecordingList, shared with the training cases
from make_golden import RecordingList

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / 'src/test/resources/rnnscratch/text/edge-cases.txt'


def write_npz(path, arrays, texts):
    """make_golden.write_npz, deflated, with fixed entry times."""
    make_golden.write_npz(path, arrays, texts, compressed=True)
    print(f'wrote {path} ({path.stat().st_size:,} bytes)')


def vocab_golden(d, out, versions):
    sources = {
        'edge-char': d.tokenize(d.read_lines(str(FIXTURE)), 'char'),
        'edge-word': d.tokenize(d.read_lines(str(FIXTURE)), 'word'),
        'ties': [['b', 'a', 'c', 'a', '<unk>', 'd'], ['c', 'b', 'e', 'a', 'the', '<pad>'], [], ['d', 'd', 'e', 'f']],
    }
    settings = [(0, []), (1, []), (2, []), (3, []), (2, ['<pad>', '<bos>', '<eos>']), (1, ['<pad>', 'the', 'a'])]
    arrays, texts, cases = {}, {}, []
    for source, tokens in sources.items():
        texts[f'{source}.tokens.txt'] = ''.join('\t'.join(line) + '\n' for line in tokens)
        freqs = d.Vocab(tokens).token_freqs
        texts[f'{source}.freqs.txt'] = ''.join(f'{t}\t{f}\n' for t, f in freqs)
        for k, (min_freq, reserved) in enumerate(settings):
            vocab = d.Vocab(tokens, min_freq, reserved)
            name = f'{source}.{k}'
            cases.append(f'{name}\t{min_freq}\t{",".join(reserved)}\n')
            texts[f'{name}.vocab.txt'] = ''.join(t + '\n' for t in vocab.idx_to_token)
            arrays[f'{name}.ids'] = np.array([vocab[t] for line in tokens for t in line], dtype=np.int64)
    texts['cases.txt'] = ''.join(cases)
    texts['versions.txt'] = versions
    write_npz(out / 'vocab.npz', arrays, texts)


def rnn_step_golden(d, torch, out, versions):
    F = torch.nn.functional
    dtype = torch.float64
    torch.manual_seed(17)  # a seed whose prediction varies (and predicts <unk>)
    V, H, B, T = 6, 4, 3, 5
    # Weights N(0, 1), not get_params' 0.01 * N(0, 1), and non-zero biases,
    # so that tanh is not linear and every term shows.
    params = [torch.randn(V, H, dtype=dtype), torch.randn(H, H, dtype=dtype),
              torch.randn(H, dtype=dtype) * 0.1, torch.randn(H, V, dtype=dtype),
              torch.randn(V, dtype=dtype) * 0.1]
    for p in params:
        p.requires_grad_(True)
    X = torch.randint(0, V, (B, T))
    Y = torch.randint(0, V, (B, T))
    H0 = torch.tanh(torch.randn(B, H, dtype=dtype))
    net = d.RNNModelScratch(V, H, params, dtype)
    arrays = {'X': X, 'Y': Y, 'H0': H0.numpy(), 'one_hot': F.one_hot(X.T, V)}
    for n, p in zip(d.NAMES, params):
        arrays['init_' + n] = p.detach().clone().numpy()

    vocab = d.Vocab([list('abcde')])  # all counts 1: <unk> a b c d e
    recording = RecordingList(vocab.idx_to_token)
    vocab.idx_to_token = recording
    prefix = 'abca'
    prediction = d.predict(prefix, 12, net, vocab)
    arrays['prediction_ids'] = np.array(recording.reads, dtype=np.int64)

    y_hat, (HT,) = net(X, (H0,))
    y = Y.T.reshape(-1)
    l = torch.nn.CrossEntropyLoss()(y_hat, y.long()).mean()
    l.backward()
    arrays.update(outputs=y_hat.detach().numpy(), state=HT.detach().numpy(), loss=np.float64(float(l)),
                  perplexity=np.float64(math.exp(float(l) * y.numel() / y.numel())))
    norm = float(torch.sqrt(sum(torch.sum(p.grad ** 2) for p in params)))
    theta = norm / 2
    for n, p in zip(d.NAMES, params):
        arrays['grad_' + n] = p.grad.clone().numpy()
    d.grad_clipping(params, theta)
    for n, p in zip(d.NAMES, params):
        arrays['clipped_' + n] = p.grad.clone().numpy()
    lr = 0.7
    d.sgd(params, lr, 1)
    for n, p in zip(d.NAMES, params):
        arrays['sgd_' + n] = p.detach().clone().numpy()
    arrays.update(norm=np.float64(norm), theta=np.float64(theta), lr=np.float64(lr))
    texts = {'vocab.txt': ''.join(t + '\n' for t in list(recording)), 'prefix.txt': prefix,
             'prediction.txt': prediction, 'versions.txt': versions}
    write_npz(out / 'rnn-step.npz', arrays, texts)


def sequence_model_golden(torch, out, versions):
    """d2l 8.1 (PyTorch edition), line for line, in float64 and smaller sizes; the shuffles are recorded."""
    from torch import nn
    from torch.utils import data
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(8)

    T = 100
    time = torch.arange(1, T + 1, dtype=torch.float64)
    noise = torch.normal(0, 0.2, (T,))
    x = torch.sin(0.01 * time) + noise

    tau = 4
    features = torch.zeros((T - tau, tau))
    for i in range(tau):
        features[:, i] = x[i: T - tau + i]
    labels = x[tau:].reshape((-1, 1))
    batch_size, n_train = 16, 60
    # d2l.load_array(..., is_train=True), with the row numbers carried along to record each epoch's shuffle.
    rows = torch.arange(n_train)
    train_iter = data.DataLoader(data.TensorDataset(features[:n_train], labels[:n_train], rows), batch_size,
                                 shuffle=True)

    def init_weights(m):
        if type(m) == nn.Linear:
            nn.init.xavier_uniform_(m.weight)

    def get_net():
        net = nn.Sequential(nn.Linear(4, 10), nn.ReLU(), nn.Linear(10, 1))
        net.apply(init_weights)
        return net

    loss = nn.MSELoss(reduction='none')

    def evaluate_loss(net, data_iter, loss):  # d2l.evaluate_loss
        s, n = 0.0, 0
        for X, y, _ in data_iter:
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            s += float(l.sum()); n += l.numel()
        return s / n

    net = get_net()
    names = ['W1', 'b1', 'W2', 'b2']
    init = {f'init_{n}': p.detach().clone().numpy() for n, p in zip(names, net.parameters())}
    epochs, lr = 3, 0.01
    orders, losses = [], []
    trainer = torch.optim.Adam(net.parameters(), lr)
    for epoch in range(epochs):
        order = []
        for X, y, idx in train_iter:
            trainer.zero_grad()
            l = loss(net(X), y)
            l.sum().backward()
            trainer.step()
            order += idx.tolist()
        orders.append(order)
        losses.append(evaluate_loss(net, train_iter, loss))

    with torch.no_grad():
        onestep_preds = net(features)
        multistep_preds = torch.zeros(T)
        multistep_preds[: n_train + tau] = x[: n_train + tau]
        for i in range(n_train + tau, T):
            multistep_preds[i] = net(multistep_preds[i - tau:i].reshape((1, -1)))
        max_steps = 4
        kfeatures = torch.zeros((T - tau - max_steps + 1, tau + max_steps))
        for i in range(tau):
            kfeatures[:, i] = x[i: i + T - tau - max_steps + 1]
        for i in range(tau, tau + max_steps):
            kfeatures[:, i] = net(kfeatures[:, i - tau:i]).reshape(-1)

    arrays = dict(T=np.int64(T), tau=np.int64(tau), batch_size=np.int64(batch_size), n_train=np.int64(n_train),
                  epochs=np.int64(epochs), lr=np.float64(lr), max_steps=np.int64(max_steps),
                  noise=noise.numpy(), x=x.numpy(), features=features.numpy(), labels=labels.numpy(),
                  orders=np.array(orders, dtype=np.int64), losses=np.array(losses), **init,
                  onestep_preds=onestep_preds.numpy().reshape(-1), multistep_preds=multistep_preds.numpy(),
                  kstep_features=kfeatures.numpy())
    arrays.update({f'final_{n}': p.detach().clone().numpy() for n, p in zip(names, net.parameters())})
    note = ('d2l 8.1 in float64 with T = 100, n_train = 60, 3 epochs, max_steps = 4 (the book: 1000, 600, 5, 64). '
            'Weights are stored as PyTorch keeps them, out x in; orders holds the row numbers of each epoch in the '
            'order the shuffled DataLoader gave them to training.\n')
    write_npz(out / 'sequence-model.npz', arrays, {'note.txt': note, 'versions.txt': versions})
    torch.set_default_dtype(torch.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--reference', default=str(REPO.parent / 'shared' / 'reference'))
    ap.add_argument('--out', default=str(REPO / 'src/test/resources/golden/parts'))
    a = ap.parse_args()
    sys.path.insert(0, a.reference)
    import torch
    import d2l_rnn as d
    import hashlib
    torch.set_num_threads(1)
    sha1 = hashlib.sha1(Path(a.reference, 'd2l_rnn.py').read_bytes()).hexdigest()
    versions = (f'python {platform.python_version()}, torch {torch.__version__}, numpy {np.__version__}, '
                f'd2l_rnn.py SHA-1 {sha1}\n')
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    vocab_golden(d, out, versions)
    rnn_step_golden(d, torch, out, versions)
    sequence_model_golden(torch, out, versions)


if __name__ == '__main__':
    main()
