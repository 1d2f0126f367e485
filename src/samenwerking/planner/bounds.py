"""How good a seating plan can be: table sizes, an upper bound, and proven infeasibility.

Example
-------
>>> table_sizes(10, 3)
[4, 3, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["infeasible_reason", "table_sizes", "upper_bound"]


def table_sizes(n: int, tables: int) -> list[int]:
    return [n // tables + (1 if t < n % tables else 0) for t in range(tables)]


def upper_bound(
    domain_counts: Sequence[int],
    sizes: Sequence[int],
    rounds: int,
    eligible: int,
    partners: Sequence[int] | None = None,
) -> int:
    """An upper bound on the score of any plan.

    The smallest of three bounds, each valid on its own:

    1. *per round*: the pairs at the tables, less the same-domain pairs there can be at
       the least: ``rounds * (sum C(s, 2) - sum_d spread(N_d))``, where ``spread(N_d)``
       is the number of same-domain pairs when the ``N_d`` people of domain ``d`` are
       spread as evenly as possible over the tables (ties ignored);
    2. *pairs*: the number of eligible pairs (a pair counts once at most);
    3. *people*: each person meets at most ``rounds * (largest table - 1)`` people and at
       most their own number of eligible partners; half the sum over people.

    Example
    -------
    >>> upper_bound([2, 2], [2, 2], rounds=1, eligible=4)
    2
    """
    tables = len(sizes)
    table_pairs = sum(s * (s - 1) // 2 for s in sizes)
    same = 0
    for count in domain_counts:
        low, extra = divmod(count, tables)
        same += extra * (low + 1) * low // 2 + (tables - extra) * low * (low - 1) // 2
    bounds = [rounds * (table_pairs - same), eligible]
    if partners is not None and sizes:
        reach = rounds * (max(sizes) - 1)
        bounds.append(sum(min(p, reach) for p in partners) // 2)
    return max(0, min(bounds))


def infeasible_reason(n: int, sizes: list[int], rounds: int) -> str | None:
    """Why no plan without repeats can exist, if a simple count shows it."""
    if rounds < 2:
        return None
    tables, largest, smallest = len(sizes), max(sizes), min(sizes)
    if largest > tables:
        return (
            f"in round 2 a table of {largest} would hold two people who shared one of the "
            f"{tables} tables in round 1"
        )
    if rounds * (smallest - 1) > n - 1:
        return (
            f"everyone meets at least {smallest - 1} people a round, {rounds * (smallest - 1)} "
            f"in {rounds} rounds, but only {n - 1} others are invited"
        )
    per_round = sum(s * (s - 1) // 2 for s in sizes)
    if rounds * per_round > n * (n - 1) // 2:
        return (
            f"each round seats {per_round} pairs together, {rounds * per_round} in {rounds} "
            f"rounds, but there are only {n * (n - 1) // 2} pairs of people"
        )
    return None
