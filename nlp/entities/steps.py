"""The entity steps: hospital areas, persons and organisations."""

from __future__ import annotations

from nlp.analysis import Analysis, step
from nlp.entities.areas import find_areas
from nlp.entities.mentions import find_all_organizations, find_persons


@step("areas", reads=["text", "title", "metadata", "furniture", "attendees"], sets=["sykehusomrader"])
def areas(a: Analysis) -> None:
    people = [*a.attendees.present, *a.attendees.absent]
    a.sykehusomrader = find_areas(
        a.text,
        strong=[a.title or "", a.metadata.get("Author", ""), *a.furniture],
        attendee_orgs=[p.org for p in people if p.org],
    )


@step("persons", reads=["text", "attendees"], sets=["persons"])
def persons(a: Analysis) -> None:
    a.persons = find_persons(a.text, a.attendees)


@step("organizations", reads=["text", "attendees"], sets=["organizations"])
def organizations(a: Analysis) -> None:
    a.organizations = find_all_organizations(a.text, a.attendees)
