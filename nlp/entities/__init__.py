"""Entities: persons and organisations mentioned anywhere, the hospital areas
(sykehusområder) a document concerns, and the gazetteer and spaCy tools they use."""
