"""``models.record`` behaves as ``@dataclass(frozen=True)`` does, for every feature the package uses."""
from __future__ import annotations

import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace

import pytest

from auditor.models import record


def _post_init(self):
    object.__setattr__(self, "seen", [*self.seen, "post"])


def _class(name: str, decorate):
    """The same class body (each kind of field, a ``__post_init__``) under ``decorate``."""
    body = {"__annotations__": {"line": "int", "text": "str", "tags": "tuple[str, ...]", "notes": "tuple[str, ...]",
                                "memo": "dict", "seen": "list"},
            "tags": (), "notes": field(default=("a",)), "memo": field(default_factory=dict),
            "seen": field(default_factory=list), "__post_init__": _post_init, "__module__": __name__,
            "__qualname__": name, "__doc__": "A record of each kind of field."}
    return decorate(type(name, (), body))


Record, Frozen = _class("Record", record), _class("Frozen", dataclass(frozen=True))


def test_the_constructor_takes_the_same_arguments_and_fills_the_same_fields():
    def shape(cls):
        return [(p.name, p.kind, repr(p.default)) for p in inspect.signature(cls).parameters.values()]
    assert shape(Record) == shape(Frozen)
    for args, kwargs in (((1, "x"), {}), ((2, "y", ("t",)), {"memo": {"k": 1}}), ((), {"line": 3, "text": "z"})):
        a, b = Record(*args, **kwargs), Frozen(*args, **kwargs)
        assert [getattr(a, f.name) for f in fields(a)] == [getattr(b, f.name) for f in fields(b)]
    assert Record(1, "x").memo is not Record(1, "x").memo   # a fresh default each time
    with pytest.raises(TypeError):
        Record(1)


def test_equality_hash_repr_replace_and_pickling_are_those_of_a_frozen_dataclass():
    a, b = Record(1, "x", ("t",)), Record(1, "x", ("t",))
    assert a == b and a != Record(2, "x") and a != Frozen(1, "x", ("t",))
    assert repr(a).replace("Record", "") == repr(Frozen(1, "x", ("t",))).replace("Frozen", "")
    c = replace(a, line=5)
    assert (c.line, c.text, c.seen) == (5, "x", ["post", "post"])
    assert pickle.loads(pickle.dumps(a)) == a
    small = record(type("Small", (), {"__annotations__": {"n": "int"}, "__module__": __name__}))
    assert hash(small(1)) == hash(small(1)) and {small(1): 1}[small(1)] == 1


def test_fields_cannot_be_assigned_or_deleted():
    a = Record(1, "x")
    with pytest.raises(FrozenInstanceError):
        a.line = 2
    with pytest.raises(FrozenInstanceError):
        del a.text
    with pytest.raises(FrozenInstanceError):
        a.other = 1
