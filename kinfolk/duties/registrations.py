"""What the duties engine adds to the child's Summary page (kinfolk.people.summary) and to a
handover (kinfolk.workforce.handover)."""

from kinfolk.duties.at_a_glance import duties_at_a_glance
from kinfolk.duties.handover import upcoming_duties
from kinfolk.people.summary import register_summary_section
from kinfolk.workforce.handover import register_handover

register_summary_section(
    "duties",
    order=15,
    template="duties/summary/_duties.html",
    context=duties_at_a_glance,
)

# A handover lists the child's duties; they follow the allocation by themselves.
register_handover("duties", items=upcoming_duties, move=None)
