"""The results: suggested introductions with their cost and reason.

Example
-------
>>> item = Introduction("p1", "p2", 1.5, "cross-domain (education - care)")
>>> result = Introductions((item,), purpose="connect the islands", exact=True, cheapest=True)
>>> len(result), result.total_cost
(1, 1.5)
>>> print(result)
connect the islands: 1 introduction(s), total cost 1.5 (minimal count, cheapest)
  p1 - p2  cost 1.5  cross-domain (education - care)
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from samenwerking.tabular import Table, Tabular

__all__ = ["Introduction", "Introductions"]


@frozen(repr=False)
class Introduction(Tabular):
    """One suggested introduction between two professionals."""

    a: str
    """The first professional's id (for expertise within reach: the one near the schools)."""
    b: str
    """The second professional's id (for expertise within reach: the expert)."""
    cost: float
    """Its cost under the cost model (lower is better)."""
    reason: str
    """Why these two, in words."""
    joins: str = ""
    """What it joins or serves, e.g. ``"islands 1 and 7"`` or ``"care - education"``."""

    def _tables(self) -> tuple[Table, ...]:
        row = (self.a, self.b, self.cost, self.reason, self.joins)
        return (Table("introductions", ("a", "b", "cost", "reason", "joins"), [row], index=2),)


@frozen(repr=False)
class Introductions(Tabular):
    """A list of suggested introductions for one purpose, with how good the answer is."""

    items: tuple[Introduction, ...]
    """The introductions, in the order they were chosen."""
    purpose: str
    """What they are for, e.g. ``"connect the islands"``."""
    exact: bool = False
    """True when the *number* of introductions is proven minimal for the goal (under the
    cap). It says nothing about the cost: see :attr:`cheapest`."""
    complete: bool = True
    """True when the goal is reached; ``False`` when the cap or the region made it
    impossible (see :attr:`note`)."""
    lower_bound: int = 0
    """No solution has fewer introductions than this."""
    method: str = ""
    """How they were found (e.g. ``"island minimum spanning tree"``, ``"greedy"``)."""
    note: str = ""
    """Why the goal was not reached, or other remarks."""
    cheapest: bool = False
    """True when, on top of :attr:`exact`, no set of that many introductions reaching the
    goal within the cap has a lower total cost."""
    planned: int = 0
    """How many introductions were already planned (passed as ``planned=``): they count
    as ties and against the cap, and this result holds only what is needed on top."""

    @property
    def total_cost(self) -> float:
        """The sum of the costs."""
        return float(sum(item.cost for item in self.items))

    def per_person(self) -> dict[str, int]:
        """The number of introductions per professional id, sorted by id."""
        counts: dict[str, int] = {}
        for item in self.items:
            for person in (item.a, item.b):
                counts[person] = counts.get(person, 0) + 1
        return dict(sorted(counts.items()))

    def rows(self) -> list[tuple[str, str, float, str, str]]:
        """One row per introduction: ``(a, b, cost, reason, joins)``."""
        return [(i.a, i.b, i.cost, i.reason, i.joins) for i in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Introduction]:
        return iter(self.items)

    @property
    def quality(self) -> str:
        """How good the answer is, in words: ``"minimal count, cheapest"``,
        ``"minimal count; cost not proven cheapest"`` or ``"count not proven minimal"``."""
        if not self.exact:
            return "count not proven minimal"
        return (
            "minimal count, cheapest"
            if self.cheapest
            else ("minimal count; cost not proven cheapest")
        )

    def __str__(self) -> str:
        flag = self.quality
        head = f"{self.purpose}: {len(self.items)} introduction(s)"
        if self.planned:
            head += f" on top of {self.planned} planned"
        head += f", total cost {round(self.total_cost, 3)} ({flag})"
        if not self.complete:
            head += f"; goal not reached: {self.note}"
        lines = [head]
        lines += [f"  {i.a} - {i.b}  cost {round(i.cost, 3)}  {i.reason}" for i in self.items]
        return "\n".join(lines)

    def _tables(self) -> tuple[Table, ...]:
        columns = ("a", "b", "cost", "reason", "joins")
        people = Table("people", ("professional", "introductions"), list(self.per_person().items()))
        return Table("introductions", columns, self.rows(), index=2), people

    def _notes(self) -> tuple[str, ...]:
        notes = [
            f"{self.purpose}: total cost {round(self.total_cost, 3)} ({self.quality}); "
            f"at least {self.lower_bound} needed; method: {self.method or '-'}"
        ]
        if not self.complete:
            notes.append(f"goal not reached: {self.note}")
        return tuple(notes)

    def __repr__(self) -> str:
        return (
            f"<Introductions to {self.purpose}: {len(self.items)} introductions, total cost "
            f"{round(self.total_cost, 3)}, {'complete' if self.complete else 'incomplete'}>"
        )
