"""The model's matrix products through NumPy's BLAS instead of thinc's bundled BLIS.

Thinc's ``NumpyOps.gemm`` calls BLIS by default. On these machines (x86_64 with AVX-512) BLIS
multiplies the model's float32 matrices (a few thousand tokens by 96-480 features) three times
slower than the OpenBLAS NumPy ships (measured: 20.1 ms against 6.8 ms for 5,000 x 288 by 288),
and those products are a third of the model's time. ``NumpyOps(use_blis=False)`` sends ``gemm``
to ``numpy.dot``: same weights and same layers, so the annotations are those of the stock model
(``tests/test_nlp.py`` compares them; on 512 corpus articles every tag, dependency, head,
entity and lemma was the same). The transition-based parser's per-step products are made in
Cython through thinc's own BLIS pointer and stay as they are.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import Model, NumpyOps


def use_numpy_blas(nlp: Language) -> int:
    """Give every layer of the pipeline's models NumPy-BLAS ops; returns the layers switched."""
    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):  # never a GPU model's ops
                layer.ops = ops
                switched += 1
    return switched
