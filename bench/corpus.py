"""Generate a synthetic diplomatic-news corpus (JSONL), deterministic for a given seed.

The sentences are written for this benchmark from templates; no real article text is used.
    python bench/corpus.py OUT.jsonl --articles 2000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta

STATES = ["Russia", "Syria", "North Korea", "Nicaragua", "Venezuela", "Belarus", "Iran", "Cuba", "Serbia",
          "Paraguay", "Guatemala", "Eswatini", "Haiti", "Kenya", "Ghana", "Mali", "Vanuatu", "Tuvalu",
          "Nauru", "Palau", "Bolivia", "Ecuador", "Morocco", "Algeria", "Turkey", "Greece", "Cyprus"]
ENTITIES = ["the Donetsk People's Republic", "the Lugansk People's Republic", "Abkhazia", "South Ossetia",
            "Transnistria", "Kosovo", "the Sahrawi Arab Democratic Republic", "Somaliland", "Taiwan",
            "Northern Cyprus", "Palestine"]
OFFICIALS = ["Foreign Minister Anna Petrova", "Deputy Foreign Minister Luis Romero", "President Kofi Mensah",
             "spokeswoman Ilse Varga", "Ambassador Tomas Ruiz", "Prime Minister Sara Lind"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TEMPLATES = [
    "{state} has recognised the independence of {entity}, {official} said on {weekday}.",
    "{state} announced on {day} that it would establish diplomatic relations with {entity}.",
    "A day after the talks began, {state} decided to recognise {entity} as a sovereign state.",
    "\"We will not recognise {entity} under any circumstances,\" {official} told reporters in {city}.",
    "{state} withdrew its recognition of {entity} in {month}, according to a statement from the ministry.",
    "Officials from {state} and {other} met in {city} to discuss trade, energy and security.",
    "{state} accused {other} of violating the ceasefire agreement signed earlier this year.",
    "The government of {state} expressed support for the peace plan proposed by {other}.",
    "{official} said {state} could recognise {entity} in {month} unless negotiations resume.",
    "{state} severed diplomatic ties with {other} on {day}, citing interference in its internal affairs.",
    "Delegations from {state} and {entity} held talks on recognition in {city} last month.",
    "The ministry in {city} protested against the sanctions imposed by {other}.",
    "Analysts noted that {state} became the second country after {other} to take the step.",
    "{state} agreed to send humanitarian aid to {other} after the floods in {month}.",
]
CITIES = ["Moscow", "Damascus", "Pyongyang", "Managua", "Caracas", "Minsk", "Tehran", "Havana", "Belgrade",
          "Geneva", "Vienna", "Ankara", "Nairobi", "Accra"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, index: int, sentences: int) -> dict[str, str]:
    published = date(2022, 1, 1) + timedelta(days=rng.randrange(900))
    parts = []
    for _ in range(sentences):
        state, other = rng.sample(STATES, 2)
        parts.append(rng.choice(TEMPLATES).format(
            state=state, other=other, entity=rng.choice(ENTITIES), official=rng.choice(OFFICIALS),
            weekday=rng.choice(WEEKDAYS), city=rng.choice(CITIES), month=rng.choice(MONTHS),
            day=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {published.year}"))
    return {"id": f"bench-{index:07d}", "published": published.isoformat(), "outlet": "Bench Wire",
            "title": f"Bench article {index}", "text": " ".join(parts)}


def write_corpus(path: str, articles: int, seed: int = 7, sentences: tuple[int, int] = (8, 24)) -> int:
    """Write the corpus; returns its word count (whitespace-separated tokens of the texts)."""
    rng = random.Random(seed)
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(articles):
            rec = article(rng, i, rng.randint(*sentences))
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_corpus(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
