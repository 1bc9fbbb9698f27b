"""What the duties engine adds to the child's Summary page (kinfolk.people.summary)."""

from kinfolk.duties.at_a_glance import duties_at_a_glance
from kinfolk.people.summary import register_summary_section

register_summary_section(
    "duties",
    order=15,
    template="duties/summary/_duties.html",
    context=duties_at_a_glance,
)
