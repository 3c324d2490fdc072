"""Orchestration: the Prefect flows (`ingest`: `samsok-ingest` and `samsok-nightly`) over
plain stage functions (`stages`: harvest, extract, index; `pipeline`: one locked run of
them), and the progress sink the stages report to (`progress`, with the checkpoints a
killed run must survive). Above the samsok library, below the app (`samsok_app/`).
"""
