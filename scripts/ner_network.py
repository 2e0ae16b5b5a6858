"""Training of the name tagger's network (``ringkas.entities.network.TokenNetwork``) with torch,
used by ``scripts/train_ner.py``. Needs ``pip install torch==2.13.0`` (training only: the
shipped weights run in numpy)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from ringkas.entities.network import TokenNetwork


@dataclass(frozen=True)
class Example:
    vectors: np.ndarray  # [words, 512] sub-word vectors
    extras: np.ndarray  # [words, extra] token_extras (and whatever the caller appends)
    chars: np.ndarray  # [words, MAX_CHARS] char_ids
    labels: np.ndarray  # [words] label indices


def alphabet(sentences: list[tuple[str, ...]]) -> dict[str, int]:
    """Character ids (from 2: 0 pads, 1 is unseen) of the training words."""
    chars: dict[str, int] = {}
    for words in sentences:
        for word in words:
            for ch in word:
                chars.setdefault(ch, len(chars) + 2)
    return chars


def train_network(
    examples: list[Example],
    labels: list[str],
    chars: dict[str, int],
    seed: int = 0,
    epochs: int = 30,
    hidden: int = 128,
    char_dim: int = 30,
    filters: int = 50,
) -> TokenNetwork:
    """A BiLSTM over [vector, char CNN, extras], trained with token cross-entropy (Adam, cosine
    learning rate, dropout 0.5 on the vectors and the LSTM output)."""
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    size = len(labels)
    vector_dim, extra_dim = examples[0].vectors.shape[1], examples[0].extras.shape[1]

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.chars = nn.Embedding(len(chars) + 2, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, filters, 3, padding=1)
            self.drop = nn.Dropout(0.5)
            self.lstm = nn.LSTM(vector_dim + filters + extra_dim, hidden, bidirectional=True, batch_first=True)
            self.out = nn.Linear(2 * hidden, size)

        def forward(self, vectors, extras, char_ids, lengths):  # type: ignore[no-untyped-def]
            batch, steps, width = char_ids.shape
            flat = char_ids.view(batch * steps, width)
            conv = torch.relu(self.conv(self.chars(flat).transpose(1, 2))) * (flat > 0).unsqueeze(1)
            char_features = conv.max(dim=2).values.view(batch, steps, -1)
            x = torch.cat([self.drop(vectors), char_features, extras], dim=2)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            hidden_states, _ = self.lstm(packed)
            hidden_states, _ = nn.utils.rnn.pad_packed_sequence(hidden_states, batch_first=True, total_length=steps)
            return self.out(self.drop(hidden_states))

    def collate(items: list[Example]):  # type: ignore[no-untyped-def]
        steps, batch = max(len(e.labels) for e in items), len(items)
        vectors = torch.zeros(batch, steps, vector_dim)
        extras = torch.zeros(batch, steps, extra_dim)
        char_ids = torch.zeros(batch, steps, items[0].chars.shape[1], dtype=torch.long)
        target = torch.full((batch, steps), -100, dtype=torch.long)
        for b, e in enumerate(items):
            n = len(e.labels)
            vectors[b, :n] = torch.from_numpy(e.vectors)
            extras[b, :n] = torch.from_numpy(e.extras)
            char_ids[b, :n] = torch.from_numpy(e.chars)
            target[b, :n] = torch.from_numpy(e.labels)
        return vectors, extras, char_ids, target, torch.tensor([len(e.labels) for e in items])

    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=2e-3)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs)
    order = list(examples)
    for _epoch in range(epochs):
        net.train()
        rng.shuffle(order)
        for start in range(0, len(order), 16):
            vectors, extras, char_ids, target, lengths = collate(order[start : start + 16])
            logits = net(vectors, extras, char_ids, lengths)
            loss = nn.functional.cross_entropy(logits.reshape(-1, size), target.reshape(-1), ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
        schedule.step()
    params = {name: value.detach().numpy().copy() for name, value in net.state_dict().items()}
    return TokenNetwork(labels, chars, params)
