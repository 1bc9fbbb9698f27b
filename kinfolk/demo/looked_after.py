"""The records kept while a child is looked after, and a care leaver's, for the demo
authority: the statutory rhythm of a period of care (the care plan, looked-after reviews,
visits, health assessments and checks, personal education plans, missing episodes and their
return interviews), and from the 16th birthday a personal adviser, pathway plans and contacts.
``kinfolk.demo.care.CareHistory`` draws the periods of care these follow.
"""

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from kinfolk.core.working_days import add_months, add_working_days, age_on
from kinfolk.demo.episodes import at_time, weighted

if TYPE_CHECKING:
    from kinfolk.demo.care import CareTimeline, Stretch

LEAVER_ACCOMMODATION = [
    ("D1", 22),
    ("E1", 12),
    ("U1", 22),
    ("Z1", 10),
    ("B1", 10),
    ("K1", 6),
    ("T1", 5),
    ("D2", 3),
    ("U2", 3),
    ("S2", 2),
    ("V2", 2),
    ("X2", 1),
]
LEAVER_ACTIVITY_YOUNG = [("F2", 45), ("F4", 8), ("F5", 12), ("P5", 6), ("G5", 20), ("G6", 5)]
LEAVER_ACTIVITY_OLDER = [
    ("F1", 10),
    ("F2", 12),
    ("F4", 7),
    ("F5", 25),
    ("P5", 10),
    ("G4", 6),
    ("G5", 24),
    ("G6", 6),
]


class LookedAfterRecords:
    """The part of ``CareHistory`` that draws the records of a period of care."""

    random: random.Random
    as_of: dt.date
    advisers: list[str]

    def _on_time(self, chance: float = 0.85) -> bool:
        """Whether a record is made on time: usually (``chance``), sometimes late."""
        return self.random.random() < chance

    def records(
        self,
        timeline: "CareTimeline",
        born: dt.date,
        entry: dt.date,
        until: dt.date,
        stretches: "list[Stretch]",
    ) -> None:
        """The statutory rhythm of a period of care, from ``entry`` up to ``until``."""
        rng = self.random

        def within(day: dt.date) -> bool:
            return entry <= day < until

        # Care plans and reviews.
        plan = add_working_days(
            entry, rng.randint(3, 10) if self._on_time() else rng.randint(11, 25)
        )
        if within(plan):
            timeline.add(plan, "care_plan")
        review = add_working_days(
            entry, rng.randint(12, 20) if self._on_time() else rng.randint(21, 32)
        )
        number = 0
        while within(review):
            number += 1
            age = age_on(born, review)
            if age < 4:
                participation = "PN0"
            elif age < 11:
                participation = weighted(rng, [("PN1", 40), ("PN3", 15), ("PN5", 25), ("PN6", 20)])
            else:
                participation = weighted(
                    rng,
                    [("PN1", 45), ("PN2", 10), ("PN4", 8), ("PN5", 15), ("PN6", 15), ("PN7", 7)],
                )
            timeline.add(review, "cla_review", participation=participation)
            replan = review + dt.timedelta(days=rng.randint(3, 20))
            if within(replan) and rng.random() < 0.7:
                timeline.add(replan, "care_plan")
            months = 3 if number == 1 else 6
            if self._on_time(0.88):
                review = add_months(review, months) - dt.timedelta(days=rng.randint(0, 20))
            else:
                review = add_months(review, months) + dt.timedelta(days=rng.randint(1, 35))
        # Visits: within a week of each placement, then about every five weeks.
        for index, stretch in enumerate(stretches):
            stop = stretches[index + 1].start if index + 1 < len(stretches) else until
            visit = stretch.start + dt.timedelta(
                days=rng.randint(1, 7) if self._on_time(0.88) else rng.randint(8, 15)
            )
            while visit < stop and within(visit):
                seen = rng.random() < 0.95
                fields: dict[str, Any] = {"kind": "cla", "seen": seen}
                if seen and (visit - born).days >= 8 * 365:
                    fields["seen_alone"] = rng.random() < 0.6
                timeline.add(visit, "visit", **fields)
                visit += dt.timedelta(
                    days=rng.randint(21, 42) if self._on_time(0.9) else rng.randint(43, 60)
                )
        # Health: the initial assessment, then every 6 or 12 months; yearly checks.
        health = add_working_days(
            entry, rng.randint(8, 20) if self._on_time(0.75) else rng.randint(21, 45)
        )
        kind = "initial"
        while within(health):
            timeline.add(health, "health_assessment", kind=kind)
            kind = "review"
            months = 6 if (health - born).days < 5 * 365 else 12
            health = add_months(health, months) + dt.timedelta(
                days=-rng.randint(0, 25) if self._on_time(0.85) else rng.randint(1, 40)
            )
        check = entry + dt.timedelta(days=rng.randint(30, 120))
        while within(check):
            age = age_on(born, check)
            if age >= 1:
                timeline.add(check, "dental_check")
            timeline.add(check, "immunisations", up_to_date=rng.random() < 0.9)
            if age < 5:
                timeline.add(check, "development_check")
            if age > 16:
                timeline.add(check, "sdq", reason="SDQ1")
            elif 4 <= age <= 16:
                if rng.random() < 0.85:
                    score = max(0, min(40, round(rng.gauss(15, 7))))
                    timeline.add(check, "sdq", score=score)
                else:
                    timeline.add(
                        check,
                        "sdq",
                        reason=weighted(rng, [("SDQ2", 40), ("SDQ5", 40), ("SDQ4", 20)]),
                    )
            if age >= 13 and rng.random() < 0.05:
                if rng.random() < 0.6:
                    timeline.add(check, "substance_misuse", intervention_received=True)
                else:
                    timeline.add(
                        check,
                        "substance_misuse",
                        intervention_received=False,
                        intervention_offered=rng.random() < 0.7,
                    )
            if age >= 12 and rng.random() < 0.03:
                timeline.add(check, "conviction")
            # Yearly, never more than 364 days apart: every collection year has one (OC2 and
            # SSDA903 rule 186 ask for the year's SDQ).
            check += dt.timedelta(days=rng.randint(330, 364))
        # The first SDQ soon after the 4th birthday (SSDA903 OC2 asks for 4-year-olds too),
        # before 31 March when the birthday is in March (rule 197B).
        fourth = add_months(born, 48)
        first_sdq = fourth + dt.timedelta(days=rng.randint(5, 40))
        year_end = dt.date(fourth.year, 3, 31)
        if fourth <= year_end < first_sdq:
            first_sdq = fourth + dt.timedelta(days=rng.randint(0, (year_end - fourth).days))
        if within(first_sdq):
            timeline.add(first_sdq, "sdq", score=max(0, min(40, round(rng.gauss(15, 7)))))
        # Personal education plans, for ages 3 to 17: within 20 working days, then termly.
        if 3 <= age_on(born, entry) <= 17:
            pep = add_working_days(
                entry, rng.randint(8, 20) if self._on_time(0.8) else rng.randint(21, 40)
            )
            while within(pep) and age_on(born, pep) <= 17:
                timeline.add(pep, "pep")
                pep += dt.timedelta(days=rng.randint(100, 135))
        # Missing episodes, for some teenagers.
        if (until - born).days >= 12 * 365 and rng.random() < 0.25:
            day = max(entry, born + dt.timedelta(days=12 * 365)) + dt.timedelta(
                days=rng.randint(5, 200)
            )
            while within(day):
                gone = at_time(day, rng, start=14, end=23)
                back = gone + dt.timedelta(hours=rng.randint(3, 40))
                if back.date() >= until:
                    break
                if gone.date() <= dt.date(gone.year, 3, 31) < back.date():
                    # The sector's SSDA903 validator reads a missing period still open at 31
                    # March as outliving its placement (its rules 575 and 577 fire), so the
                    # demo has none running over the end of a collection year.
                    day = back.date() + dt.timedelta(days=1)
                    continue
                timeline.add(
                    gone.date(),
                    "missing_start",
                    at=gone.strftime("%Y-%m-%dT%H:%M"),
                    kind=weighted(rng, [("missing", 80), ("away", 20)]),
                )
                timeline.add(back.date(), "missing_end", at=back.strftime("%Y-%m-%dT%H:%M"))
                offered = back + dt.timedelta(
                    hours=rng.randint(4, 70) if self._on_time(0.85) else rng.randint(80, 160)
                )
                if offered.date() < until:
                    timeline.add(
                        offered.date(),
                        "return_interview_offered",
                        at=offered.strftime("%Y-%m-%dT%H:%M"),
                    )
                    held = offered + dt.timedelta(days=rng.randint(0, 3))
                    if held.date() < until and held > back:
                        timeline.add(
                            held.date(),
                            "return_interview",
                            at=held.strftime("%Y-%m-%dT%H:%M"),
                            accepted=rng.random() < 0.7,
                        )
                # The next episode starts after this one's return interview.
                settled = max(back, offered) + dt.timedelta(days=4)
                day = settled.date() + dt.timedelta(days=int(rng.expovariate(2.5 / 365)))

    def leaving(
        self, timeline: "CareTimeline", born: dt.date, entry: dt.date, left: dt.date | None
    ) -> None:
        """A personal adviser, pathway plans and contacts for a young person who is, or will
        be, a care leaver: from the 16th birthday (or the start of care after it) to the 21st
        birthday or the as-of date."""
        rng = self.random
        sixteenth = add_months(born, 16 * 12)
        twenty_first = add_months(born, 21 * 12)
        stop = min(twenty_first, self.as_of)
        start = max(entry, sixteenth)
        plan = add_months(start, 3) - dt.timedelta(
            days=rng.randint(5, 60) if self._on_time(0.85) else -rng.randint(5, 60)
        )
        while plan < stop:
            timeline.add(plan, "pathway_plan")
            plan = add_months(plan, 6) - dt.timedelta(
                days=rng.randint(0, 30) if self._on_time(0.85) else -rng.randint(5, 60)
            )
        adviser_on = max(start, add_months(born, 17 * 12) + dt.timedelta(days=rng.randint(0, 120)))
        if left is not None:
            adviser_on = min(adviser_on, left)
        # A personal adviser is for a care leaver: 13 weeks looked after since the 14th
        # birthday.
        adviser_on = max(adviser_on, max(entry, add_months(born, 14 * 12)) + dt.timedelta(days=91))
        if adviser_on < stop:
            timeline.add(adviser_on, "personal_adviser", worker=rng.choice(self.advisers))
        if left is None:
            return
        # Contacts every month or two, and always one in the month before each birthday from
        # the 17th (what the SSDA903 OC3 table reports).
        days: list[dt.date] = []
        contact = left + dt.timedelta(days=rng.randint(3, 25))
        while contact < stop:
            days.append(contact)
            contact += dt.timedelta(
                days=rng.randint(25, 58) if self._on_time(0.88) else rng.randint(62, 100)
            )
        for age in range(17, 22):
            birthday = add_months(born, age * 12)
            window = birthday - dt.timedelta(days=30)
            if (
                left < window
                and birthday <= stop
                and not any(window <= d <= birthday for d in days)
            ):
                days.append(birthday - dt.timedelta(days=rng.randint(1, 29)))
        for contact in sorted(days):
            older = (contact - born).days >= 19 * 365
            in_touch = weighted(rng, [("YES", 88), ("NO", 6), ("REFU", 4), ("NREQ", 2)])
            fields: dict[str, Any] = {"in_touch": in_touch}
            if in_touch == "YES":
                adult = contact >= add_months(born, 18 * 12)
                # Foyers (T) are for those 18 or over at the start of the collection year
                # (SSDA903 rule 347): at 19 or over on the day, whatever the year.
                nineteen = contact >= add_months(born, 19 * 12)
                fields["accommodation"] = weighted(
                    rng,
                    [
                        (code, w)
                        for code, w in LEAVER_ACCOMMODATION
                        if (adult or code != "Z1") and (nineteen or not code.startswith("T"))
                    ],
                )
                fields["activity"] = weighted(
                    rng, LEAVER_ACTIVITY_OLDER if older else LEAVER_ACTIVITY_YOUNG
                )
            else:
                fields["accommodation"] = fields["activity"] = "0"  # not known
            timeline.add(contact, "care_leaver_contact", **fields)
