"""People and attendance: who was present or absent, in which role, for which party or
body, and the meeting's chair and secretary (the record's `attendees`)."""
