"""The Voilà server with the app's guards: kernel caps and culling, password throttling, and
Indonesian error pages for every address (Voilà's file handlers answer in English otherwise).

The decisions live in :mod:`.limits` (pure); these classes only connect them to Voilà 0.5 and
Jupyter Server 2:

* :class:`GuardedKernelManager` is Voilà's ``multi_kernel_manager_class``: it asks the
  :class:`~.limits.KernelPool` before every kernel start and culls kernels no browser ever
  connected to.
* :class:`ThrottledIdentityProvider` and :class:`ThrottledLoginHandler` count wrong passwords
  (login form, ``?token=`` and the ``Authorization`` header).
* :class:`PanduanVoila` is Voilà with these handlers swapped in.

A browser is told apart by Jupyter Server's login cookie (a random id it sets on the first page,
with or without a password) together with its address. The address alone would not do: in a
training room many laptops often reach the server through one router (NAT) and share an address.
"""

from __future__ import annotations

import contextvars
from typing import Any

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.base.handlers import APIHandler, Template404
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from tornado.ioloop import PeriodicCallback
from tornado.log import app_log
from tornado.websocket import WebSocketHandler
from traitlets import Float, Integer
from voila.app import Voila
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.voila_identity_provider import VoilaLoginHandler

from ..guide import base_url as guide_base_url
from . import limits
from .limits import Activity, KernelLimits, KernelPool, LoginThrottle, Refusal

#: The tool page being rendered in this request (set by the prelaunch hook, read when its kernel
#: starts): each request runs in its own asyncio task, so requests never see each other's value.
CURRENT_PAGE: contextvars.ContextVar[Any] = contextvars.ContextVar("sa_halaman", default=None)
#: Query parameter added when the app sent a browser back to set its cookie first.
COOKIE_CHECK = "sa_kuki"

#: Shown when even the error page cannot be drawn.
FALLBACK_PAGE = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Terjadi kesalahan'
    "</title></head><body><h1>Terjadi kesalahan</h1><p>Halaman ini tidak dapat dibuka. "
    'Kembali ke <a href="/">daftar alat</a>; bila masih gagal, beri tahu pelatih.</p>'
    "<p>Kode galat: {status}</p></body></html>"
)


class Refused(web.HTTPError):
    """A request refused on purpose, with the Indonesian text of a :class:`~.limits.Refusal`."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.status, refusal.title)
        self.judul, self.pesan = refusal.title, refusal.message
        self.retry_after = refusal.retry_after


def browser_key(handler: Any) -> str:
    """The client address and the browser's login-cookie id (or the address alone)."""
    user = getattr(handler, "current_user", None)
    return f"{handler.request.remote_ip}|{getattr(user, 'username', '')}"


def has_browser_cookie(handler: Any) -> bool:
    """True when the request carried the login cookie (it did not just get a new one)."""
    provider = handler.settings.get("identity_provider")
    if provider is None:
        return True
    return handler.get_cookie(provider.get_cookie_name(handler)) is not None


def check_browser(handler: Any) -> None:
    """Before a kernel starts: remember the page, and make sure the browser keeps its cookie.

    A request without the cookie (a first visit straight to a tool, or a script) is sent back to
    the same address once with the new cookie; it starts no kernel. A browser that comes back
    without it refuses cookies and gets an Indonesian page saying so.
    """
    CURRENT_PAGE.set(handler)
    if has_browser_cookie(handler):
        return
    if handler.get_argument(COOKIE_CHECK, None) is not None:
        raise Refused(limits.cookie_refusal())
    uri = handler.request.uri
    handler.redirect(f"{uri}{'&' if '?' in uri else '?'}{COOKIE_CHECK}=1")
    raise web.Finish()


# ── Kernels ────────────────────────────────────────────────────────────────────────────────


class GuardedKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager with caps per browser and in total, and culling of
    kernels that no browser ever connected to."""

    max_kernels = Integer(limits.DEFAULT_MAX_KERNELS, config=True, help="Kernels at most.")
    kernels_per_browser = Integer(
        limits.DEFAULT_KERNELS_PER_BROWSER, config=True, help="Kernels per browser at most."
    )
    connect_timeout = Float(
        limits.DEFAULT_CONNECT_SECONDS,
        config=True,
        help="Seconds before a kernel that no browser ever connected to is stopped.",
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pool = KernelPool(
            KernelLimits(self.max_kernels, self.kernels_per_browser, self.connect_timeout)
        )
        self._unconnected_culler: PeriodicCallback | None = None

    def activity(self) -> dict[str, Activity]:
        """Last message time and busy state of every running kernel."""
        result = {}
        for kid, kernel in list(self._kernels.items()):
            # Jupyter Server sets these once the kernel has started; until then it is starting.
            started = kernel.trait_has_value("last_activity")
            last = kernel.last_activity.timestamp() if started else 0.0
            state = getattr(kernel, "execution_state", "starting") if started else "starting"
            result[kid] = Activity(last, state in {"busy", "starting"})
        return result

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel for the page being rendered, if its browser and the app have room."""
        page = CURRENT_PAGE.get()
        owner = browser_key(page) if page is not None else "?"
        admission = self.pool.admit(owner, self.activity())
        if admission.refusal is not None:
            self.log.warning("Kernel ditolak untuk %s: %s", owner, admission.refusal.title)
            raise Refused(admission.refusal)
        for kid in admission.stop:
            self.log.info("Menghentikan kernel %s yang ditinggalkan, untuk memberi tempat", kid)
            await self._stop(kid)
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self.pool.release(admission)
            raise
        self.pool.bind(admission, kernel_id)
        if page is not None:
            page.sa_kernel_id = kernel_id
        self._start_unconnected_culler()
        return kernel_id

    async def _stop(self, kernel_id: str) -> None:
        if kernel_id in self._kernels:
            try:
                await self.shutdown_kernel(kernel_id, now=True)
            except Exception:  # an already dead kernel: it is gone, which is what we wanted
                self.log.exception("Kernel %s tidak dapat dihentikan dengan rapi", kernel_id)
                self.remove_kernel(kernel_id)

    def _start_unconnected_culler(self) -> None:
        if self._unconnected_culler is None:
            interval = self.pool.limits.cull_interval
            self._unconnected_culler = PeriodicCallback(self.cull_unconnected, 1000 * interval)
            self._unconnected_culler.start()

    async def cull_unconnected(self) -> None:
        """Stop the kernels that no browser connected to within connect_timeout."""
        for kid in self.pool.to_cull(self.activity()):
            self.log.warning(
                "Menghentikan kernel %s: halamannya ditinggalkan, atau tidak tersambung ke "
                "peramban dalam %.0f detik",
                kid,
                self.connect_timeout,
            )
            self.pool.forget(kid)
            await self._stop(kid)

    def render_ended(self, kernel_id: str) -> None:
        """The tool page of this kernel has been sent (or failed)."""
        self.pool.render_ended(kernel_id)

    def browser_left(self, kernel_id: str) -> None:
        """The browser of this kernel's page left while the page loaded."""
        self.pool.browser_left(kernel_id)

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self.pool.connected(kernel_id)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        self.pool.disconnected(kernel_id)

    def remove_kernel(self, kernel_id: str) -> Any:
        self.pool.forget(kernel_id)
        return super().remove_kernel(kernel_id)


# ── Passwords ──────────────────────────────────────────────────────────────────────────────


class ThrottledLoginHandler(VoilaLoginHandler):
    """The password form, which refuses to check passwords while the client must wait."""

    def _throttled(self) -> Refusal | None:
        return self.identity_provider.throttle.wait(self.request.remote_ip)

    def _render_wait(self, refusal: Refusal, status: int) -> None:
        self.set_status(status)
        self.set_header("Retry-After", str(refusal.retry_after))
        self._render(message={"tunggu": refusal.message})

    @allow_unauthenticated
    def get(self) -> None:
        refusal = None if self.current_user else self._throttled()
        if refusal is None:
            super().get()
        else:
            self._render_wait(refusal, 200)

    @allow_unauthenticated
    def post(self) -> None:
        refusal = self._throttled()
        if refusal is None:
            super().post()
        else:
            self._render_wait(refusal, refusal.status)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        write_error_page(self, status_code, **kwargs)


class ThrottledIdentityProvider(PasswordIdentityProvider):
    """Jupyter Server's password/token check, with wrong passwords throttled per client address
    and for the whole app (see :class:`~.limits.LoginThrottle`)."""

    tries_per_client = Integer(limits.DEFAULT_TRIES_PER_CLIENT, config=True)
    tries_overall = Integer(limits.DEFAULT_TRIES_OVERALL, config=True)

    def __init__(self, **kwargs: Any) -> None:
        kwargs["login_handler_class"] = ThrottledLoginHandler
        super().__init__(**kwargs)
        self.throttle = LoginThrottle(self.tries_per_client, self.tries_overall)

    def process_login_form(self, handler: Any) -> Any:
        """Check the password of the form unless the client must wait; count a wrong one."""
        client = handler.request.remote_ip
        if self.throttle.wait(client) is not None:
            return None
        user = super().process_login_form(handler)
        if user is None and self.auth_enabled:
            self.throttle.failed(client)
        return user

    async def get_user_token(self, handler: Any) -> Any:
        """Check ``?token=`` or the Authorization header unless the client must wait."""
        if not handler.token or not self.get_token(handler):
            return None
        client = handler.request.remote_ip
        if self.throttle.wait(client) is not None:
            return None
        user = await super().get_user_token(handler)
        if user is None:
            self.throttle.failed(client)
        return user


# ── Error pages ────────────────────────────────────────────────────────────────────────────


def error_page(settings: dict[str, Any], status: int, exception: Any = None) -> str:
    """The app's Indonesian error page (template ``error.html``) for any handler."""
    template = settings["voila_jinja2_env"].get_template("error.html")
    return template.render(
        status_code=status,
        base_url=settings.get("base_url", "/"),
        page_config={"panduanUrl": guide_base_url()},
        judul=getattr(exception, "judul", None),
        pesan=getattr(exception, "pesan", None),
    )


def write_error_page(handler: web.RequestHandler, status_code: int, **kwargs: Any) -> None:
    """Answer with the Indonesian error page, whatever went wrong (never a traceback)."""
    exception = (kwargs.get("exc_info") or (None, None, None))[1]
    if status_code == 400 and "Invalid unicode" in str(getattr(exception, "log_message", "")):
        exception = Refused(limits.address_refusal())  # Tornado could not decode the address
    if status_code == 403 and isinstance(handler, web.StaticFileHandler):
        status_code = 404  # a file outside the served folders is, for a person, not there
        handler.set_status(404)
    try:
        html = error_page(handler.settings, status_code, exception)
    except Exception:
        app_log.exception("Halaman galat %s tidak dapat dibuat", status_code)
        html = FALLBACK_PAGE.format(status=status_code)
    retry = getattr(exception, "retry_after", 0)
    if retry:
        handler.set_header("Retry-After", str(retry))
    handler.set_header("Content-Type", "text/html; charset=UTF-8")
    handler.set_header("Cache-Control", "no-store")
    handler.finish(html)


class _ErrorPages:
    """Mixin: the Indonesian error page instead of Tornado's or Jupyter's own."""

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        write_error_page(self, status_code, **kwargs)  # type: ignore[arg-type]


class RenderHandler(_ErrorPages, TornadoVoilaHandler):
    """A tool page: tells the kernel manager when the page has been sent or its browser left."""

    sa_kernel_id: str | None = None

    def redirect_to_file(self, path: str) -> None:
        """Voilà sends a render address that is not a notebook to /voila/files/; it is not a
        tool, so it is not found (this also stops odd bytes from reaching a header)."""
        raise web.HTTPError(404)

    def _manager(self) -> GuardedKernelManager | None:
        manager = self.settings.get("kernel_manager")
        return manager if self.sa_kernel_id and isinstance(manager, GuardedKernelManager) else None

    async def get(self, path: str | None = None) -> None:
        try:
            await super().get(path)
        finally:  # also when the browser has gone: Voilà runs every cell before it stops
            if manager := self._manager():
                manager.render_ended(self.sa_kernel_id)

    def on_connection_close(self) -> None:
        if manager := self._manager():
            manager.browser_left(self.sa_kernel_id)
        super().on_connection_close()


class TemplateFiles(_ErrorPages, TemplateStaticFileHandler):
    """The template's files (``/voila/templates/<name>/static/<file>``); other shapes are 404."""

    def parse_url_path(self, path: str) -> str:
        parts = path.split("/", 2)
        if len(parts) < 3 or parts[1] != "static" or not parts[2].strip("/"):
            raise web.HTTPError(404)
        return super().parse_url_path(path)

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        try:
            return super().get_absolute_path(root, path)
        except (ValueError, AssertionError):
            raise web.HTTPError(404) from None


_REPLACED: dict[type, type] = {
    TornadoVoilaHandler: RenderHandler,
    TemplateStaticFileHandler: TemplateFiles,
}
_WRAPPED: dict[type, type] = {}


def with_error_pages(cls: type) -> type:
    """The handler class to serve instead of ``cls``: same behaviour, Indonesian error pages.

    JSON APIs (what the page's scripts call) and websockets keep their own answers.
    """
    if cls in _REPLACED:
        return _REPLACED[cls]
    if not isinstance(cls, type) or issubclass(cls, (APIHandler, WebSocketHandler)):
        return cls
    if cls not in _WRAPPED:
        _WRAPPED[cls] = type(cls.__name__, (_ErrorPages, cls), {"__module__": __name__})
    return _WRAPPED[cls]


#: For addresses that match no handler.
NotFound = with_error_pages(Template404)


class PanduanVoila(Voila):
    """Voilà, serving every page through :func:`with_error_pages`."""

    def init_handlers(self) -> list:
        return [
            (spec[0], with_error_pages(spec[1]), *spec[2:]) if isinstance(spec, tuple) else spec
            for spec in super().init_handlers()
        ]
