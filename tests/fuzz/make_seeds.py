#!/usr/bin/env python3
"""Writes the hand-made seeds in tests/fuzz/corpus/<target>/seed-*: each is a meaningful case
(AdaGrad on x² with the notebook's settings, the spiral's 2-10-1 network, …) spelled in the byte
order FuzzedDataProvider reads it, so the fuzzers start from the lesson's own inputs. The
encoding mirrors the order in which each fuzz_*.cpp consumes its input: change one, change both
(and check with `build/fuzz/tests/fuzz/fuzz_NAME FILE` that a seed still runs).

FuzzedDataProvider takes integers, booleans and doubles from the END of the input, one byte per
256 values of the range (most significant first), and strings from the front."""
import struct
import sys
from pathlib import Path


class Enc:
    def __init__(self):
        self.tail = []   # in the order they are consumed
        self.front = b''

    def string(self, text):  # ConsumeRandomLengthString: a backslash doubled, then "\\" + any byte ends it
        self.front += text.encode().replace(b'\\', b'\\\\') + b'\\x'
        return self

    def int(self, value, lo, hi):
        span, nbytes = hi - lo, 0
        while nbytes < 8 and (span >> (8 * nbytes)) > 0:
            nbytes += 1
        v = value - lo
        self.tail += [(v >> (8 * (nbytes - 1 - i))) & 0xFF for i in range(nbytes)]
        return self

    def u64(self, value):
        return self.int(value, 0, 2**64 - 1)

    def bool(self, value):
        return self.int(1 if value else 0, 0, 255)

    def double(self, x):  # any_double's case 1: the raw bits
        self.int(1, 0, 3)
        return self.u64(struct.unpack('<Q', struct.pack('<d', x))[0])

    def count(self, n, small_max):  # any_count's ordinary case
        self.int(2, 0, 7)
        return self.int(n, -2, small_max)

    def bytes(self):
        return self.front + bytes(reversed(self.tail))


KINDS = ['sgd', 'adagrad', 'rmsprop', 'adam']
OPT_NAMES = ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'lr_decay', 'initial_accumulator_value', 'eps',
             'eps_placement', 'alpha', 'centered', 'beta1', 'beta2', 'amsgrad', 'betas', 'LR', '']
SPEC_NAMES_TRAJ = ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'lr_decay', 'initial_accumulator_value',
                   'eps', 'eps_placement', 'alpha', 'centered', 'beta1', 'beta2', 'amsgrad']
SPEC_NAMES_NET = ['lr', 'momentum', 'weight_decay', 'nesterov', 'eps', 'eps_placement', 'alpha', 'beta1', 'beta2',
                  'amsgrad', 'centered', 'lr_decay', 'initial_accumulator_value', 'dampening']
BOOLS = {'nesterov', 'centered', 'amsgrad'}


def spec(e, names, kind, options, max_options):
    e.int(KINDS.index(kind), 0, 3).int(len(options), 0, max_options)
    for name, value in options:
        e.int(names.index(name), 0, len(names) - 1)
        if name in BOOLS:
            e.bool(value)
        elif name == 'eps_placement':
            e.bool(value == 'inside')
        else:
            e.double(value)


def optimizer(kind, options, params, grads):
    e = Enc().int(1, 0, 15).int(KINDS.index(kind), 0, 3).int(len(options), 0, 8)
    for name, value in options:
        e.int(OPT_NAMES.index(name), 0, len(OPT_NAMES) - 1)
        if isinstance(value, bool):
            e.int(0, 0, 5).bool(value)
        elif isinstance(value, str):
            e.int(1, 0, 5).int(['inside', 'outside', 'Inside', ''].index(value), 0, 3)
        else:
            e.int(3, 0, 5).double(value)
    e.int(len(params), 0, 24)
    for p in params:
        e.double(p)
    e.int(len(grads), 1, 24)
    for g in grads:
        e.int(2, 0, 7).int(1, 0, 15).int(1, 0, 3)  # a step, the right size, not all zero
        for v in g:
            e.double(v)
    return e.bytes()


def step_table(x0, lr, eps, inside, steps, scale):
    e = Enc().double(x0).double(lr).double(eps).bool(inside).count(steps, 300).double(scale)
    return e.bytes()


def trajectory(scales, steps, kind, options, forgetful=False):
    e = Enc().int(0, 0, 2).int(len(scales), 0, 6)
    for s in scales:
        e.double(s)
    e.bool(False)                                          # the default start (5, 5, …)
    for v in (-2.5, 2.5, -2.5, 2.5):                       # the contour's grid
        e.double(v)
    e.count(20, 40).count(20, 40)
    e.bool(False).count(steps, 200)                        # from the objective's start
    spec(e, SPEC_NAMES_TRAJ, kind, options, 6)
    e.bool(forgetful)
    return e.bytes()


def network(layers, activation, init, data_kind, n, noise, kind, options, batch, epochs):
    e = Enc().int(len(layers), 0, 5)
    for w in layers:
        e.int(1, 0, 15).int(w, 0, 12)
    e.int(0, 0, 7)                                         # keep the last size as given
    e.int(['relu', 'tanh', 'sigmoid', 'linear'].index(activation), 0, 3)
    e.int(['auto', 'he', 'glorot', 'notebook'].index(init), 0, 3).u64(42)
    e.int(1, 0, 3)                                         # the initial weights
    e.bool(True).count(n, 64).double(noise).u64(42)
    e.int(['spiral', 'notebook_spiral', 'circle', 'xor', 'gaussians', 'moons'].index(data_kind), 0, 5)
    e.count(batch, 32).u64(0)
    spec(e, SPEC_NAMES_NET, kind, options, 4)
    e.int(1, 1, 4).int(2, 0, 5).count(epochs, 6)           # one call of `epochs` epochs
    e.bool(False).count(12, 24).count(12, 24)              # the boundary on a 12 × 12 grid
    return e.bytes()


def text(reviews):
    e = Enc().int(len(reviews), 0, 8).int(1, 0, 15)  # labels for every text, no more
    for _, label in reviews:
        e.int(1, 0, 15).bool(label)
    for sentence, _ in reviews:
        e.string(sentence)
    return e.bytes()


SEEDS = {
    'optimizer': {
        'adagrad-notebook': optimizer('adagrad', [('lr', 0.1), ('eps', 1e-8), ('eps_placement', 'inside')],
                                      [4.0, -1.0], [[8.0, -2.0], [4.0, -1.0], [0.0, 0.5]]),
        'sgd-nesterov': optimizer('sgd', [('lr', 0.01), ('momentum', 0.9), ('nesterov', True)], [1.0], [[2.0], [1.5]]),
        'rmsprop-centered': optimizer('rmsprop', [('lr', 0.01), ('centered', True), ('momentum', 0.5)], [1.0, 2.0],
                                      [[1e-3, 1e3], [1e-3, 1e3]]),
        'adam-amsgrad': optimizer('adam', [('lr', 0.001), ('beta2', 0.99), ('amsgrad', True), ('weight_decay', 0.01)],
                                  [0.5, 0.5, 0.5], [[1.0, -1.0, 0.0], [1.0, 1.0, 1.0]]),
        'adagrad-eps-zero': optimizer('adagrad', [('eps', 0.0)], [1.0], [[1.0]]),
        'adagrad-lr-decay': optimizer('adagrad', [('lr', 1.0), ('lr_decay', 0.5), ('initial_accumulator_value', 0.1)],
                                      [3.0], [[6.0], [3.0]]),
    },
    'step_table': {
        'page-default': step_table(4.0, 1.0, 1e-8, False, 10, 1.0),
        'notebook-inside': step_table(4.0, 0.1, 1e-8, True, 50, 1.0),
        'x0-zero-huge-lr': step_table(0.0, 1e300, 1e-10, False, 3, 1.0),
        'x0-huge': step_table(1e154, 1.0, 1e-8, False, 5, 1.0),
        'subnormal-eps': step_table(1.0, 1.0, 5e-324, True, 5, 0.5),
    },
    'trajectory': {
        'x2-adagrad': trajectory([1.0], 50, 'adagrad', [('lr', 1.0)]),
        'valley-race-adam': trajectory([1.0, 10.0], 100, 'adam', [('lr', 0.1)]),
        'valley-forgetful': trajectory([1.0, 10.0], 30, 'adagrad', [('lr', 0.5), ('eps_placement', 'inside')], True),
        'valley-momentum': trajectory([1.0, 10.0], 100, 'sgd', [('lr', 0.01), ('momentum', 0.9)]),
    },
    'network': {
        'spiral-notebook': network([2, 10, 1], 'relu', 'notebook', 'notebook_spiral', 60, 0.1, 'adagrad',
                                   [('lr', 0.1), ('eps_placement', 'inside')], 0, 3),
        'circle-tanh-minibatch': network([2, 8, 8, 1], 'tanh', 'glorot', 'circle', 40, 0.05, 'adam', [('lr', 0.01)], 8, 2),
        'xor-sgd-huge-lr': network([2, 4, 1], 'sigmoid', 'he', 'xor', 20, 0.0, 'sgd', [('lr', 1e300)], 0, 4),
    },
    'text': {
        'reviews': text([('A masterpiece, and the acting is superb.', 1), ('The story was great and the cast was great too.', 1),
                         ('A dreadful film; the acting was wooden.', 0), ("Don't bother: dull, dull, DULL.", 0)]),
        'utf8-and-controls': text([('Café naïve — 東京 \\ back\tslash', 1), ('\x00\x01 word\x7f', 0)]),
    },
}

if __name__ == '__main__':
    root = Path(__file__).resolve().parent / 'corpus'
    for target, seeds in SEEDS.items():
        (root / target).mkdir(parents=True, exist_ok=True)
        for name, data in seeds.items():
            (root / target / f'seed-{name}').write_bytes(data)
    print(f'wrote {sum(len(s) for s in SEEDS.values())} seeds under {root}', file=sys.stderr)
