"""The care-history functions, against hand-worked cases (Children (Leaving Care) Act 2000;
Care Leavers (England) Regulations 2010; SSDA903 OC2 cohort)."""

import datetime as dt

from kinfolk.care.history import (
    QUALIFYING_DAYS,
    EpisodeSpan,
    Stay,
    birthday,
    care_leaver_status,
    continuously_looked_after_12_months,
    days_looked_after_since_14,
    left_care_as_care_leaver,
)

D = dt.date
#: Born 10 June 2008: 14 on 10 June 2022, 16 on 10 June 2024, 18 on 10 June 2026,
#: 21 on 10 June 2029.
DOB = D(2008, 6, 10)


def test_thirteen_weeks_is_91_days():
    assert QUALIFYING_DAYS == 13 * 7


def test_a_stay_from_1_march_to_31_may_counts_91_days():
    stays = [Stay(D(2025, 3, 1), D(2025, 5, 31))]
    assert days_looked_after_since_14(DOB, stays, until=D(2026, 1, 1)) == 91


def test_days_count_up_to_but_not_including_until():
    stays = [Stay(D(2025, 3, 1), None)]
    assert days_looked_after_since_14(DOB, stays, until=D(2025, 3, 1)) == 0
    assert days_looked_after_since_14(DOB, stays, until=D(2025, 3, 11)) == 10


def test_days_before_the_14th_birthday_are_not_counted():
    # Looked after from 1 January 2022; the 14th birthday is 10 June 2022.
    stays = [Stay(D(2022, 1, 1), D(2022, 7, 10))]
    assert days_looked_after_since_14(DOB, stays, until=D(2026, 1, 1)) == 30
    assert left_care_as_care_leaver(DOB, stays) is None


def test_exactly_91_days_makes_a_16_year_old_eligible():
    stays = [Stay(D(2024, 9, 1), None)]
    on = D(2024, 9, 1) + dt.timedelta(days=91)
    assert days_looked_after_since_14(DOB, stays, on) == 91
    assert care_leaver_status(DOB, stays, on) == "eligible"


def test_90_days_is_not_enough():
    stays = [Stay(D(2024, 9, 1), None)]
    on = D(2024, 9, 1) + dt.timedelta(days=90)
    assert care_leaver_status(DOB, stays, on) == ""


def test_a_15_year_old_in_care_for_years_is_not_yet_eligible():
    stays = [Stay(D(2020, 1, 1), None)]
    assert care_leaver_status(DOB, stays, D(2024, 6, 9)) == ""
    assert care_leaver_status(DOB, stays, D(2024, 6, 10)) == "eligible"


def test_care_ending_the_day_before_the_16th_birthday_does_not_make_a_relevant_child():
    stays = [Stay(D(2023, 1, 1), D(2024, 6, 9))]
    assert left_care_as_care_leaver(DOB, stays) is None
    assert care_leaver_status(DOB, stays, D(2024, 7, 1)) == ""
    assert care_leaver_status(DOB, stays, D(2026, 7, 1)) == ""


def test_care_ending_on_the_16th_birthday_makes_a_relevant_child():
    stays = [Stay(D(2023, 1, 1), D(2024, 6, 10))]
    assert left_care_as_care_leaver(DOB, stays) == D(2024, 6, 10)
    assert care_leaver_status(DOB, stays, D(2024, 6, 9)) == ""  # still 15
    assert care_leaver_status(DOB, stays, D(2024, 6, 10)) == "relevant"
    assert care_leaver_status(DOB, stays, D(2026, 6, 9)) == "relevant"
    assert care_leaver_status(DOB, stays, D(2026, 6, 10)) == "former_relevant"


def test_two_periods_adding_up_to_13_weeks_make_a_relevant_child():
    # 61 days at 15, then 30 days after the 16th birthday: 91 in all.
    first = Stay(D(2023, 9, 1), D(2023, 11, 1))
    second = Stay(D(2024, 7, 1), D(2024, 7, 31))
    assert days_looked_after_since_14(DOB, [first, second], D(2025, 1, 1)) == 91
    assert left_care_as_care_leaver(DOB, [first, second]) == D(2024, 7, 31)
    assert care_leaver_status(DOB, [first, second], D(2024, 8, 1)) == "relevant"
    # One day short of 13 weeks in total.
    short = Stay(D(2024, 7, 1), D(2024, 7, 30))
    assert left_care_as_care_leaver(DOB, [first, short]) is None
    assert care_leaver_status(DOB, [first, short], D(2024, 8, 1)) == ""


def test_a_second_period_counts_only_up_to_its_end():
    # Qualifying care ends at 16 and a half; a later stay does not change the date.
    stays = [Stay(D(2024, 1, 1), D(2024, 12, 1)), Stay(D(2025, 3, 1), D(2025, 4, 1))]
    assert left_care_as_care_leaver(DOB, stays) == D(2024, 12, 1)
    assert care_leaver_status(DOB, stays, D(2025, 3, 15)) == "eligible"
    assert care_leaver_status(DOB, stays, D(2025, 4, 1)) == "relevant"


def test_eligible_at_17_and_still_looked_after_at_18_becomes_former_relevant():
    stays = [Stay(D(2025, 8, 1), D(2026, 6, 10))]
    assert care_leaver_status(DOB, stays, D(2025, 12, 1)) == "eligible"
    assert care_leaver_status(DOB, stays, D(2026, 6, 9)) == "eligible"
    assert care_leaver_status(DOB, stays, D(2026, 6, 10)) == "former_relevant"


def test_looked_after_at_18_without_13_weeks_is_not_former_relevant():
    stays = [Stay(D(2026, 4, 1), D(2026, 6, 10))]
    assert care_leaver_status(DOB, stays, D(2026, 6, 9)) == ""
    assert care_leaver_status(DOB, stays, D(2026, 7, 1)) == ""


def test_former_relevant_ends_at_the_21st_birthday():
    stays = [Stay(D(2024, 1, 1), D(2025, 1, 1))]
    assert care_leaver_status(DOB, stays, D(2029, 6, 9)) == "former_relevant"
    assert care_leaver_status(DOB, stays, D(2029, 6, 10)) == ""


def test_nothing_before_birth_or_without_care():
    assert care_leaver_status(DOB, [], D(2025, 1, 1)) == ""
    assert care_leaver_status(DOB, [Stay(D(2024, 1, 1), None)], D(2000, 1, 1)) == ""


def test_someone_born_on_29_february_turns_16_on_1_march():
    born = D(2008, 2, 29)
    assert birthday(born, 16) == D(2024, 2, 29)
    assert birthday(born, 17) == D(2025, 3, 1)
    stays = [Stay(D(2024, 1, 1), D(2025, 2, 28))]
    assert care_leaver_status(born, stays, D(2025, 2, 28)) == "relevant"


# Continuously looked after for 12 months at 31 March (SSDA903 OC2) ---------------------------

AT = D(2026, 3, 31)


def episode(start, end=None, rne="S", rec="", ls="C2"):
    return EpisodeSpan(start, end, rne, rec if end else "", ls)


def test_care_starting_exactly_on_1_april_of_the_previous_year_is_12_months():
    assert continuously_looked_after_12_months([episode(D(2025, 4, 1))], AT)


def test_care_starting_on_2_april_is_not_12_months():
    assert not continuously_looked_after_12_months([episode(D(2025, 4, 2))], AT)


def test_a_break_in_care_during_the_year_is_not_continuous():
    episodes = [
        episode(D(2024, 1, 1), D(2025, 9, 1), rec="E13"),
        episode(D(2025, 9, 15)),
    ]
    assert not continuously_looked_after_12_months(episodes, AT)


def test_a_short_break_episode_in_the_year_is_not_continuous():
    episodes = [
        episode(D(2024, 1, 1), D(2025, 6, 1), rec="X1", ls="V3"),
        episode(D(2025, 6, 1), rne="L", ls="V2"),
    ]
    assert not continuously_looked_after_12_months(episodes, AT)


def test_a_change_of_placement_ending_with_x1_is_continuous():
    episodes = [
        episode(D(2024, 1, 1), D(2025, 10, 1), rec="X1"),
        episode(D(2025, 10, 1), rne="P"),
    ]
    assert continuously_looked_after_12_months(episodes, AT)


def test_care_ending_on_31_march_is_not_looked_after_at_31_march():
    assert not continuously_looked_after_12_months(
        [episode(D(2024, 1, 1), D(2026, 3, 31), rec="E13")], AT
    )


def test_episodes_before_the_year_do_not_matter():
    episodes = [
        episode(D(2023, 1, 1), D(2023, 5, 1), rec="E13", ls="V3"),
        episode(D(2025, 3, 31)),
    ]
    assert continuously_looked_after_12_months(episodes, AT)
