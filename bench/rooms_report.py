"""Figures and tables of bench/rooms_fanout.py: a rate step's figures, its line, the summary.

The bench measures (servers, clients, CPU clocks); this module only adds up what the client
workers answered and prints it, so the judgement of a step (`TARGET_P99_MS`, every delivery)
is written once.
"""

import os
import statistics

TARGET_P99_MS = 250


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


def step_figures(
    rate: float, answers: list[dict], members: int, wall: float, server_cpu: float, redis_cpu: float
) -> dict:
    """One rate step's figures from the client workers' answers; `ok` if it held."""
    latencies = sorted(x for a in answers for x in a["latencies"])
    sent = sum(a["sent"] for a in answers)
    expected = sent * members
    errors, closed = {}, {}
    for a in answers:
        for code, n in a["errors"].items():
            errors[code] = errors.get(code, 0) + n
        for code, n in a["closed"].items():
            closed[code] = closed.get(code, 0) + n
    result = {
        "rate": rate,
        "sent": sent,
        "delivered": len(latencies),
        "expected": expected,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": percentile(latencies, 0.99),
        "max": latencies[-1] if latencies else float("nan"),
        "duplicates": sum(a["duplicates"] for a in answers),
        "errors": errors,
        "closed": closed,
        "server_cpu": server_cpu,
        "redis_cpu": redis_cpu,
        "client_cpu": sum(a["cpu"] for a in answers) / wall,
        "send_lag_p99": max(a["send_lag_p99"] for a in answers),
        # CPU the servers spend per message (all its deliveries included): on a loaded
        # machine it moves less than the rates do; 1000 / it = messages/s one free core holds.
        "cpu_ms_per_message": server_cpu * wall * 1000 / max(1, sent),
        "load": os.getloadavg()[0],
    }
    result["ok"] = result["delivered"] == expected and result["p99"] < TARGET_P99_MS
    return result


def step_line(name: str, result: dict) -> str:
    """The line printed after each rate step."""
    return (
        "    {name:<24} {rate:>6.1f}/s  delivered {delivered}/{expected}  p50 {p50:.0f} ms"
        "  p99 {p99:.0f} ms  max {max:.0f} ms  CPU server {server_cpu:.0%} redis "
        "{redis_cpu:.0%} clients {client_cpu:.0%} ({cpu_ms_per_message:.1f} ms/message)"
        "  send lag p99 {send_lag_p99:.0f} ms  load {load:.1f}"
        "{extra}  {verdict}".format(
            name=name,
            extra=(f"  errors {result['errors']}" if result["errors"] else "")
            + (f"  closed {result['closed']}" if result["closed"] else "")
            + (f"  duplicates {result['duplicates']}" if result["duplicates"] else ""),
            verdict="ok" if result["ok"] else "MISSED",
            **result,
        )
    )


def report(results, memory, seconds, args) -> None:
    """The summary table at the end of a run: each series' best step, idle memory."""
    print()
    print(f"{args.clients} clients, one room, steps of {args.seconds:.0f} s; CPU cores: "
          f"{os.cpu_count()}; target p99 < {TARGET_P99_MS} ms, 100 % delivered")  # fmt: skip
    print(
        f"{'series':<26} {'highest rate':>12} {'deliveries/s':>12} {'delivered':>17} "
        f"{'p50':>7} {'p99':>7} {'server CPU':>10} {'ms/message':>10} {'clients CPU':>11}"
        f" {'load':>5}"
    )
    for series in results:
        best = series["best"]
        if best is None:
            lowest = series["steps"][0] if series["steps"] else None
            detail = (
                f"(at {lowest['rate']:.0f}/s: {lowest['delivered']}/{lowest['expected']}, "
                f"p99 {lowest['p99']:.0f} ms, {lowest['cpu_ms_per_message']:.1f} ms/message)"
                if lowest
                else ""
            )
            print(f"{series['name']:<26} {'none held':>12} {detail}")
            continue
        print(
            f"{series['name']:<26} {best['rate']:>10.1f}/s "
            f"{best['rate'] * series['members']:>12.0f} "
            f"{best['delivered']:>8}/{best['expected']:<8} {best['p50']:>5.0f}ms "
            f"{best['p99']:>5.0f}ms {best['server_cpu']:>10.0%} "
            f"{best['cpu_ms_per_message']:>10.1f} {best['client_cpu']:>11.0%} {best['load']:>5.1f}"
        )
    for name, per, n in memory:
        print(f"idle connections, {name}: {per * 1000 / 1024:.1f} MB per 1,000 ({per:.1f} KB each, "
              f"{n} measured)")  # fmt: skip
    print(f"run: {seconds / 60:.1f} min")
