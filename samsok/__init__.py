"""The samsok library: raw store (`store`), catalog (`catalog`, SQLite, the source of
truth), harvest (`harvest/`), one PDF to one record (`extraction`, joining `extractors`
and `nlp`), the search backends (`search/`), settings (`config`) and the home lock
(`lock`). It sits above `nlp/`, `extractors/` and `contract/`, and below `flows/`
(Prefect orchestration) and `samsok_app/` (CLI and web)."""
