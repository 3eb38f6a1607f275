"""What keeps the workshop server up under abuse: kernel caps, culling, and password throttling.

Pure bookkeeping with an injectable clock; the Voilà shell (:mod:`.guards`) reports what happens
(a kernel started, its page finished loading, a browser connected) and asks what to do.

* :class:`KernelPool` caps kernels per browser and in total. Before refusing, it frees room by
  stopping *abandoned* kernels: no browser is connected to them and their page either finished
  loading long ago or lost its browser while loading (the participant pressed F5). Kernels that no
  browser ever connected to are culled after :attr:`KernelLimits.connect_seconds`.
* :class:`LoginThrottle` counts wrong passwords per client address and for the whole app in a
  sliding window, so a lock always ends after at most one window.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: Kernels open at once in the whole app, per browser, and seconds before a kernel no browser
#: ever connected to is stopped.
DEFAULT_MAX_KERNELS = 40
DEFAULT_KERNELS_PER_BROWSER = 3
DEFAULT_CONNECT_SECONDS = 120
#: Shortest wait for a browser to connect that the app accepts (--tunggu-sambungan).
MIN_CONNECT_SECONDS = 5
#: Wrong passwords accepted per client address and from all addresses in one window.
DEFAULT_TRIES_PER_CLIENT = 10
DEFAULT_TRIES_OVERALL = 30
THROTTLE_WINDOW = 60.0


@dataclass(frozen=True)
class KernelLimits:
    """Caps on kernels and how long an unconnected kernel may live."""

    total: int = DEFAULT_MAX_KERNELS
    per_browser: int = DEFAULT_KERNELS_PER_BROWSER
    connect_seconds: float = DEFAULT_CONNECT_SECONDS
    #: A loaded page whose browser has not connected after this long is abandoned: a real
    #: browser connects about a second after the page has loaded.
    grace_seconds: float = 20.0

    #: Under the total cap, a kernel whose browser connected once but has been gone this long
    #: (a laptop that slept, a tab closed without saying goodbye) may be stopped too.
    reclaim_seconds: float = 600.0

    @property
    def grace(self) -> float:
        """Seconds before an unconnected loaded page is abandoned (at most connect_seconds / 2)."""
        return min(self.grace_seconds, self.connect_seconds / 2)

    @property
    def cull_interval(self) -> float:
        """Seconds between two culling rounds: a kernel lives at most 1.25 x connect_seconds."""
        return max(1.0, min(30.0, self.connect_seconds / 4))


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: HTTP status, an Indonesian title and message, seconds to wait."""

    status: int
    title: str
    message: str
    retry_after: int


@dataclass(frozen=True)
class Activity:
    """What the kernel manager knows about a kernel: last message (epoch seconds), busy or not."""

    last: float = 0.0
    busy: bool = False


@dataclass
class _Kernel:
    owner: str
    since: float
    rendering: bool = True
    gone: bool = False
    connections: int = 0
    ever_connected: bool = False


@dataclass
class Admission:
    """The answer to "may this browser start a kernel?": kernels to stop first, or a refusal."""

    owner: str
    stop: list[str] = field(default_factory=list)
    refusal: Refusal | None = None


class KernelPool:
    """Which kernel belongs to which browser, and what to stop, refuse or cull."""

    def __init__(self, limits: KernelLimits, clock: Callable[[], float] = time.time) -> None:
        self.limits = limits
        self.clock = clock
        self.kernels: dict[str, _Kernel] = {}
        self.starting: Counter[str] = Counter()

    # ── counts ──────────────────────────────────────────────────────────────────────────────

    def count(self, owner: str | None = None) -> int:
        """Kernels running or starting, for one browser or for all."""
        if owner is None:
            return len(self.kernels) + sum(self.starting.values())
        return sum(k.owner == owner for k in self.kernels.values()) + self.starting[owner]

    def _idle(self, k: _Kernel, a: Activity) -> float:
        """Seconds the kernel has done nothing, or 0 while its page is loading or it is busy.

        A page whose browser has left still loads to the end: stopping its kernel half-way
        would leave Voilà waiting for cells that never come.
        """
        if a.busy or k.rendering:
            return 0.0
        return max(0.0, self.clock() - max(k.since, a.last))

    def _abandoned(self, k: _Kernel, a: Activity) -> bool:
        """No browser is connected, and none will: the page was left while it loaded, or it
        loaded long ago and no browser came."""
        if k.connections or k.rendering or a.busy:
            return False
        return k.gone or self._idle(k, a) >= self.limits.grace

    def _oldest(self, ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda kid: self.kernels[kid].since)

    # ── decisions ───────────────────────────────────────────────────────────────────────────

    def admit(self, owner: str, activity: Mapping[str, Activity]) -> Admission:
        """Reserve a kernel for ``owner``; say which abandoned kernels to stop to make room."""

        def act(kid: str) -> Activity:
            return activity.get(kid, Activity())

        limits, stop = self.limits, []
        mine = self.count(owner)
        if mine >= limits.per_browser:
            spare = self._oldest(
                [
                    kid
                    for kid, k in self.kernels.items()
                    if k.owner == owner and self._abandoned(k, act(kid))
                ]
            )
            need = mine - limits.per_browser + 1
            if len(spare) < need:
                return Admission(owner, refusal=browser_refusal(limits.per_browser))
            stop += spare[:need]
        total = self.count() - len(stop)
        if total >= limits.total:
            others = [(kid, k) for kid, k in self.kernels.items() if kid not in stop]
            never = [
                kid for kid, k in others if not k.ever_connected and self._abandoned(k, act(kid))
            ]
            lost = [
                kid
                for kid, k in others
                if k.ever_connected
                and not k.connections
                and self._idle(k, act(kid)) >= limits.reclaim_seconds
            ]
            spare = self._oldest(never) + self._oldest(lost)
            need = total - limits.total + 1
            if len(spare) < need:
                return Admission(owner, refusal=server_refusal(limits.total))
            stop += spare[:need]
        for kid in stop:
            del self.kernels[kid]
        self.starting[owner] += 1
        return Admission(owner, stop)

    def bind(self, admission: Admission, kernel_id: str) -> None:
        """The reserved kernel has started."""
        self.release(admission)
        self.kernels[kernel_id] = _Kernel(admission.owner, self.clock())

    def release(self, admission: Admission) -> None:
        """The reserved kernel will not start (or has started and is bound now)."""
        if self.starting[admission.owner] > 0:
            self.starting[admission.owner] -= 1
        if not self.starting[admission.owner]:
            del self.starting[admission.owner]

    def render_ended(self, kernel_id: str) -> None:
        """The page of this kernel has been sent (or failed); no more cells will run for it."""
        k = self.kernels.get(kernel_id)
        if k is not None and k.rendering:
            k.rendering = False
            k.since = self.clock()

    def browser_left(self, kernel_id: str) -> None:
        """The browser closed the connection before its page had loaded (F5, tab closed)."""
        k = self.kernels.get(kernel_id)
        if k is not None and not k.ever_connected:
            k.gone = True

    def connected(self, kernel_id: str) -> None:
        """A browser opened the kernel's websocket."""
        k = self.kernels.get(kernel_id)
        if k is not None:
            k.connections += 1
            k.ever_connected = True
            k.gone = False

    def disconnected(self, kernel_id: str) -> None:
        """A browser closed the kernel's websocket."""
        k = self.kernels.get(kernel_id)
        if k is not None and k.connections:
            k.connections -= 1
            k.since = self.clock()

    def forget(self, kernel_id: str) -> None:
        """The kernel has stopped."""
        self.kernels.pop(kernel_id, None)

    def to_cull(self, activity: Mapping[str, Activity]) -> list[str]:
        """Kernels no browser ever connected to that have been idle for connect_seconds, and
        kernels whose browser left while the page loaded, as soon as the page is done."""
        limit = self.limits.connect_seconds

        def done(k: _Kernel, a: Activity) -> bool:
            if k.gone:
                return not k.rendering and not a.busy
            return self._idle(k, a) >= limit

        return self._oldest(
            [
                kid
                for kid, k in self.kernels.items()
                if not k.ever_connected and done(k, activity.get(kid, Activity()))
            ]
        )


def browser_refusal(limit: int) -> Refusal:
    """One browser already has ``limit`` tools open."""
    return Refusal(
        429,
        "Terlalu banyak alat terbuka",
        f"Peramban ini sudah membuka {limit} alat sekaligus, batas untuk satu peramban. Tutup "
        "tab alat yang tidak Anda pakai lagi (atau kembali ke daftar alat dari tab itu), lalu "
        "muat ulang halaman ini. Hasil yang sudah disimpan tetap aman.",
        30,
    )


def server_refusal(limit: int) -> Refusal:
    """The whole app already runs ``limit`` tools."""
    return Refusal(
        503,
        "Server sedang penuh",
        f"Server lokakarya sedang menjalankan {limit} alat, batas yang ditetapkan pelatih. "
        "Tunggu satu atau dua menit, lalu muat ulang halaman. Bila masih penuh, beri tahu "
        "pelatih. Hasil yang sudah disimpan tetap aman.",
        60,
    )


def cookie_refusal() -> Refusal:
    """The browser does not keep the cookie that tells browsers apart."""
    return Refusal(
        400,
        "Peramban menolak cookie",
        "Aplikasi lokakarya memerlukan cookie untuk mengenali peramban Anda. Izinkan cookie "
        "untuk alamat aplikasi ini pada pengaturan peramban, lalu buka alat ini lagi dari "
        "daftar alat.",
        0,
    )


def address_refusal() -> Refusal:
    """The address holds bytes that are not text (for example ``%ff``)."""
    return Refusal(
        400,
        "Alamat tidak dapat dibaca",
        "Alamat yang Anda buka berisi karakter yang tidak sah. Periksa kembali alamatnya, atau "
        "kembali ke daftar alat.",
        0,
    )


# ── Passwords ──────────────────────────────────────────────────────────────────────────────


class LoginThrottle:
    """Wrong passwords per client address and overall, in a sliding window of ``window`` s."""

    def __init__(
        self,
        per_client: int = DEFAULT_TRIES_PER_CLIENT,
        overall: int = DEFAULT_TRIES_OVERALL,
        window: float = THROTTLE_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_client, self.overall, self.window, self.clock = per_client, overall, window, clock
        self._clients: dict[str, deque[float]] = {}
        self._all: deque[float] = deque(maxlen=overall)

    def _prune(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def wait(self, client: str) -> Refusal | None:
        """A refusal while this client (or everyone) must wait; None when it may try."""
        now = self.clock()
        mine = self._clients.get(client)
        if mine is not None:
            self._prune(mine, now)
            if len(mine) >= self.per_client:
                return client_throttled(_seconds(mine[0] + self.window - now))
        self._prune(self._all, now)
        if len(self._all) >= self.overall:
            return everyone_throttled(_seconds(self._all[0] + self.window - now))
        return None

    def failed(self, client: str) -> None:
        """Count one wrong password from this client."""
        now = self.clock()
        if len(self._clients) > 10_000:  # many addresses: drop the ones with nothing recent
            for key in [c for c, t in self._clients.items() if not t or t[-1] <= now - self.window]:
                del self._clients[key]
        self._clients.setdefault(client, deque(maxlen=self.per_client)).append(now)
        self._all.append(now)


def _seconds(value: float) -> int:
    return max(1, int(value + 0.999))


def client_throttled(seconds: int) -> Refusal:
    """Too many wrong passwords from one address."""
    return Refusal(
        429,
        "Terlalu banyak percobaan kata sandi",
        "Terlalu banyak kata sandi salah dari komputer atau jaringan Anda dalam satu menit. "
        f"Tunggu {seconds} detik, lalu coba lagi dengan kata sandi dari pelatih. Peserta yang "
        "sudah masuk tidak terpengaruh.",
        seconds,
    )


def everyone_throttled(seconds: int) -> Refusal:
    """Too many wrong passwords from all addresses together."""
    return Refusal(
        429,
        "Terlalu banyak percobaan kata sandi",
        "Aplikasi menerima terlalu banyak kata sandi salah dalam satu menit, sehingga semua "
        f"percobaan masuk ditunda. Tunggu {seconds} detik, lalu coba lagi. Peserta yang sudah "
        "masuk tidak terpengaruh.",
        seconds,
    )
