"""Cases and decisions: the cases a document treats (`saker`: case headings and case
tables, their kind) and the decision of each (`vedtak`)."""
