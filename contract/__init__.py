"""The contract layer: what every stage agrees on, below all of them.

`contract.record` is the record (`samsok.record/1`) as dataclasses; `contract.saksnummer`
is the case-number grammar and its one normaliser (`Sak 01-21` -> `1/2021`), shared by
extraction and by search queries. Its data lives in `contract/data/`. This package imports
only the standard library.
"""
