"""Kernel caps, culling and password throttling of the workshop app (pure rules, fake clock)."""

from __future__ import annotations

import pytest

from selfassess.app.limits import Activity, KernelLimits, KernelPool, LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def pool(**kwargs) -> tuple[KernelPool, Clock]:
    clock = Clock()
    limits = KernelLimits(**{"total": 4, "per_browser": 2, "connect_seconds": 30, **kwargs})
    return KernelPool(limits, clock), clock


def start(p: KernelPool, owner: str, kid: str, *, loaded: bool = True) -> None:
    admission = p.admit(owner, {})
    assert admission.refusal is None and admission.stop == []
    p.bind(admission, kid)
    if loaded:
        p.render_ended(kid)


def test_a_browser_over_its_cap_is_refused_in_indonesian():
    p, _ = pool()
    start(p, "A", "a1")
    start(p, "A", "a2")
    p.connected("a1")
    p.connected("a2")
    refused = p.admit("A", {})
    assert refused.refusal is not None and refused.refusal.status == 429
    assert "2 alat" in refused.refusal.message and "Tutup tab" in refused.refusal.message
    assert p.count("A") == 2 and p.count() == 2  # a refusal reserves nothing
    assert p.admit("B", {}).refusal is None  # another browser still may


def test_the_app_over_its_total_cap_is_refused():
    p, _ = pool()
    for owner in "ABCD":
        start(p, owner, owner.lower())
        p.connected(owner.lower())
    refused = p.admit("E", {})
    assert refused.refusal is not None and refused.refusal.status == 503
    assert refused.refusal.title == "Server sedang penuh" and "4 alat" in refused.refusal.message
    p.forget("a")
    assert p.admit("E", {}).refusal is None


def test_reservations_count_while_kernels_start():
    p, _ = pool()
    first, second = p.admit("A", {}), p.admit("A", {})
    assert first.refusal is None and second.refusal is None
    assert p.admit("A", {}).refusal is not None  # two still starting fill the browser's cap
    p.release(first)  # that one failed to start
    third = p.admit("A", {})
    assert third.refusal is None
    p.bind(second, "k2")
    p.bind(third, "k3")
    assert p.count("A") == 2 and p.starting == {}


def test_pages_left_while_loading_make_room_for_the_same_browser():
    """F5 pressed while a tool loads: once that page is done, its kernel makes room at once."""
    p, _ = pool()
    start(p, "A", "a1", loaded=False)
    start(p, "A", "a2", loaded=False)
    p.browser_left("a1")
    assert p.admit("A", {}).refusal is not None  # its cells still run: never stopped mid-page
    p.render_ended("a1")
    admission = p.admit("A", {})
    assert admission.refusal is None and admission.stop == ["a1"]
    assert "a1" not in p.kernels


def test_kernels_still_loading_or_connected_are_never_stopped_to_make_room():
    p, clock = pool()
    start(p, "A", "a1", loaded=False)  # still loading
    start(p, "A", "a2")
    p.connected("a2")
    clock.now += 3600
    refused = p.admit("A", {})
    assert refused.refusal is not None and refused.stop == []
    assert set(p.kernels) == {"a1", "a2"}


def test_a_loaded_page_that_never_connects_is_abandoned_after_the_grace_time():
    p, clock = pool(grace_seconds=60, connect_seconds=300)
    start(p, "A", "a1")
    start(p, "A", "a2")
    clock.now += 59
    assert p.admit("A", {}).refusal is not None
    clock.now += 2
    assert p.admit("A", {}).stop == ["a1"]  # the oldest first


def test_busy_kernels_are_not_idle():
    p, clock = pool(grace_seconds=10)
    start(p, "A", "a1")
    start(p, "A", "a2")
    clock.now += 100
    busy = {"a1": Activity(0.0, busy=True), "a2": Activity(clock.now - 5)}
    assert p.admit("A", busy).refusal is not None  # a1 busy, a2 active 5 s ago
    assert p.to_cull(busy) == []


def test_total_cap_stops_only_abandoned_kernels_no_browser_ever_used():
    p, clock = pool(grace_seconds=10)
    start(p, "A", "a1")  # never connected: abandoned after 10 s
    start(p, "B", "b1")
    p.connected("b1")
    p.disconnected("b1")  # a laptop that went to sleep: it may come back
    start(p, "C", "c1")
    start(p, "D", "d1")
    p.connected("c1")
    p.connected("d1")
    clock.now += 20
    admission = p.admit("E", {})
    assert admission.refusal is None and admission.stop == ["a1"]
    refused = p.admit("F", {})
    assert refused.refusal is not None and refused.refusal.status == 503


def test_total_cap_stops_kernels_whose_browser_is_gone_for_ten_minutes():
    p, clock = pool(grace_seconds=10)
    for owner in "ABCD":
        start(p, owner, owner.lower())
        p.connected(owner.lower())
    p.disconnected("b")
    clock.now += 599
    assert p.admit("E", {}).refusal is not None
    clock.now += 2
    admission = p.admit("E", {})
    assert admission.refusal is None and admission.stop == ["b"]


def test_own_disconnected_kernels_make_room_for_the_same_browser():
    p, clock = pool(grace_seconds=10)
    start(p, "A", "a1")
    start(p, "A", "a2")
    for kid in ("a1", "a2"):
        p.connected(kid)
    p.disconnected("a1")
    clock.now += 11
    assert p.admit("A", {}).stop == ["a1"]


def test_never_connected_kernels_are_culled_after_connect_seconds():
    p, clock = pool(connect_seconds=30)
    start(p, "A", "loaded")
    start(p, "B", "loading", loaded=False)
    start(p, "C", "used")
    p.connected("used")
    clock.now += 29
    assert p.to_cull({}) == []
    clock.now += 2
    assert p.to_cull({}) == ["loaded"]
    p.browser_left("loading")  # the browser left while it loaded
    assert p.to_cull({}) == ["loaded"]  # still loading: Voilà runs its cells to the end
    p.render_ended("loading")
    assert p.to_cull({}) == ["loaded", "loading"]  # no browser can come for it: at once
    assert "used" not in p.to_cull({})  # connected kernels follow --menganggur instead


def test_activity_postpones_culling():
    p, clock = pool(connect_seconds=30)
    start(p, "A", "a1")
    clock.now += 40
    assert p.to_cull({"a1": Activity(clock.now - 10)}) == []
    assert p.to_cull({"a1": Activity(clock.now - 31)}) == ["a1"]


@pytest.mark.parametrize(("connect", "interval"), [(120, 30), (20, 5), (5, 1.25), (2, 1)])
def test_cull_interval_keeps_the_lifetime_within_a_quarter_more(connect, interval):
    assert KernelLimits(connect_seconds=connect).cull_interval == interval


def test_grace_is_at_most_half_the_wait_for_a_connection():
    assert KernelLimits().grace == 20
    assert KernelLimits(connect_seconds=20).grace == 10


# ── Passwords ──────────────────────────────────────────────────────────────────────────────


def test_wrong_passwords_are_throttled_per_client_and_the_lock_ends():
    clock = Clock()
    throttle = LoginThrottle(per_client=3, overall=100, window=60, clock=clock)
    for _ in range(3):
        assert throttle.wait("10.0.0.5") is None
        throttle.failed("10.0.0.5")
        clock.now += 1
    refusal = throttle.wait("10.0.0.5")
    assert refusal is not None and refusal.status == 429
    assert refusal.retry_after == 57 and "Tunggu 57 detik" in refusal.message
    assert "komputer atau jaringan Anda" in refusal.message
    assert throttle.wait("10.0.0.6") is None  # other clients are not locked
    clock.now += 56
    assert throttle.wait("10.0.0.5") is not None
    clock.now += 1
    assert throttle.wait("10.0.0.5") is None  # never locked for longer than the window


def test_wrong_passwords_from_everyone_throttle_everyone_for_at_most_a_window():
    clock = Clock()
    throttle = LoginThrottle(per_client=10, overall=5, window=60, clock=clock)
    for n in range(5):
        throttle.failed(f"10.0.0.{n}")
    refusal = throttle.wait("10.0.0.99")
    assert refusal is not None and "semua percobaan masuk ditunda" in refusal.message
    assert refusal.retry_after == 60
    clock.now += 60
    assert throttle.wait("10.0.0.99") is None


def test_many_addresses_do_not_grow_the_throttle_without_bound():
    clock = Clock()
    throttle = LoginThrottle(per_client=3, overall=30, window=60, clock=clock)
    for n in range(10_001):
        throttle.failed(f"h{n}")
    clock.now += 61
    throttle.failed("baru")
    assert len(throttle._clients) == 1
    assert len(throttle._all) <= 30
