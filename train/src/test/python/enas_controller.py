"""The official ENAS controller (AutoDL-Projects xautodl/models/cell_searchs/search_model_enas_utils.py::Controller,
rebuilt here with torch's own nn.LSTM, nn.Embedding and nn.Linear) loaded with given weights. Reads JSON from stdin:
{"params": {state_dict name: [flat float32 values]}, "cells": [[six op indices], ...]}; prints JSON with, per cell,
the summed log-probability and entropy of the forced choices, and the probabilities of the first edge's ops and of
the second edge's ops after each first op."""
import json
import sys

import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical


class Controller(nn.Module):
    def __init__(self, num_edge=6, num_ops=5, lstm_size=32, lstm_num_layers=2, tanh_constant=2.5, temperature=5.0):
        super().__init__()
        self.num_edge = num_edge
        self.tanh_constant = tanh_constant
        self.temperature = temperature
        self.register_parameter("input_vars", nn.Parameter(torch.Tensor(1, 1, lstm_size)))
        self.w_lstm = nn.LSTM(input_size=lstm_size, hidden_size=lstm_size, num_layers=lstm_num_layers)
        self.w_embd = nn.Embedding(num_ops, lstm_size)
        self.w_pred = nn.Linear(lstm_size, num_ops)

    def distribution(self, inputs, h0):
        outputs, h0 = self.w_lstm(inputs, h0)
        logits = self.tanh_constant * torch.tanh(self.w_pred(outputs) / self.temperature)
        return Categorical(logits=logits), h0

    def forced(self, ops):
        inputs, h0 = self.input_vars, None
        log_probs, entropys = [], []
        for iedge in range(self.num_edge):
            dist, h0 = self.distribution(inputs, h0)
            op_index = torch.tensor([[ops[iedge]]])
            log_probs.append(dist.log_prob(op_index).view(-1))
            entropys.append(dist.entropy().view(-1))
            inputs = self.w_embd(op_index)
        return torch.sum(torch.cat(log_probs)).item(), torch.sum(torch.cat(entropys)).item()

    def prefix(self):
        dist, h0 = self.distribution(self.input_vars, None)
        first = dist.probs.view(-1)
        second = []
        for a in range(first.numel()):
            d2, _ = self.distribution(self.w_embd(torch.tensor([[a]])), h0)
            second.append(d2.probs.view(-1).tolist())
        return first.tolist(), second


request = json.load(sys.stdin)
c = Controller()
state = {k: v.clone() for k, v in c.state_dict().items()}
for name, values in request["params"].items():
    state[name] = torch.tensor(values, dtype=torch.float32).view(state[name].shape)
assert set(request["params"]) == set(state), sorted(set(state) ^ set(request["params"]))
c.load_state_dict(state)
with torch.no_grad():
    cells = [c.forced(ops) for ops in request["cells"]]
    first, second = c.prefix()
print(json.dumps({"log_prob": [x[0] for x in cells], "entropy": [x[1] for x in cells], "first": first,
                  "second": second}))
