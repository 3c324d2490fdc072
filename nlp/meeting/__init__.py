"""Meeting metadata: what a document is and of which meeting: language, title, document
type, organ, date and year (the record's top-level fields)."""
