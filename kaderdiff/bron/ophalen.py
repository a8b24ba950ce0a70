"""Fetching one address over HTTP(S) with one deadline for all of it, never leaving the server (`wetten haal`).

urllib's timeout limits each socket operation, so a server that sends a byte every half second keeps a
request alive for ever. Here a request has one deadline for everything: looking up the name, connecting,
TLS, the headers, the body and any redirects. Only http and https are fetched, and a redirect is followed
only to the same scheme, host and port: a mirror cannot send kaderdiff to another server, to ftp or to a
local file. Every failure is a `KaderdiffFout` in Dutch naming the address; the English text of the
operating system or of http.client never reaches the user.

Imported only when fetching: urllib, http.client and ssl cost other commands nothing.
"""

from __future__ import annotations

import errno
import http.client
import io
import math
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import IO, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from kaderdiff.fouten import KaderdiffFout, os_reden

#: Longer than any sensible wait, and short enough for the socket layer (it refuses some huge values).
MAX_WACHTTIJD = 3600.0


class Oorsprong(NamedTuple):
    """Scheme, host and port: what a redirect may not change."""

    schema: str
    host: str
    poort: int

    def __str__(self) -> str:
        return f"{self.schema}://{self.host}:{self.poort}"


def controleer_wachttijd(seconden: float) -> float:
    """The --timeout of a fetch: a finite number of seconds above 0 (nan, inf and 0 are refused)."""
    if not math.isfinite(seconden) or not 0 < seconden <= MAX_WACHTTIJD:
        raise KaderdiffFout(f"--timeout moet een aantal seconden groter dan 0 en hoogstens {MAX_WACHTTIJD:g} zijn, "
                            f"niet {seconden:g}")
    return seconden


def oorsprong(adres: str, wat: str = "het adres") -> Oorsprong:
    """Scheme, host and port of an http(s) address; a Dutch error for anything kaderdiff does not fetch."""
    if any(teken.isspace() or ord(teken) < 32 or ord(teken) == 127 for teken in adres):
        raise KaderdiffFout(f"Ongeldig adres '{adres}' ({wat}): er staan spaties of stuurtekens in")
    try:
        delen = urlsplit(adres)
        poort = delen.port
    except ValueError:
        raise KaderdiffFout(f"Ongeldig adres '{adres}' ({wat}): geen geldig webadres (kijk naar de haken rond "
                            "een IPv6-adres en naar het poortnummer)") from None
    schema = delen.scheme.lower()
    if "://" not in adres:  # 'host:8080/bwb' would otherwise read as the scheme 'host'
        raise KaderdiffFout(f"Ongeldig adres '{adres}' ({wat}): het moet beginnen met https:// of http://")
    if schema not in ("http", "https"):
        raise KaderdiffFout(f"Ongeldig adres '{adres}' ({wat}): kaderdiff haalt alleen op via http:// of "
                            f"https://, niet via {schema}://")
    if not delen.hostname:
        raise KaderdiffFout(f"Ongeldig adres '{adres}' ({wat}): er staat geen server in")
    return Oorsprong(schema, delen.hostname.lower(), poort or (443 if schema == "https" else 80))


class _Termijn:
    """The deadline of one request."""

    def __init__(self, seconden: float) -> None:
        self.einde = time.monotonic() + seconden

    def rest(self) -> float:
        """Seconds left; TimeoutError when there are none."""
        rest = self.einde - time.monotonic()
        if rest <= 0:
            raise TimeoutError("termijn verstreken")
        return rest


def _verbind(termijn: _Termijn, adres: tuple[str, int], timeout: object = None,
             source_address: object = None) -> socket.socket:
    """socket.create_connection within the deadline, the name lookup included (getaddrinfo has no timeout of
    its own, so it runs in a thread that is left behind if it takes too long)."""
    uitkomst: list[Any] = []

    def zoek() -> None:
        try:
            uitkomst.append(socket.getaddrinfo(adres[0], adres[1], type=socket.SOCK_STREAM))
        except OSError as fout:
            uitkomst.append(fout)

    draad = threading.Thread(target=zoek, daemon=True)
    draad.start()
    draad.join(termijn.rest())
    if not uitkomst:
        raise TimeoutError("naam niet op tijd gevonden")
    if isinstance(uitkomst[0], OSError):
        raise uitkomst[0]
    laatste: OSError = OSError(errno.EHOSTUNREACH, "geen adres")
    for familie, soort, protocol, _, sockadres in uitkomst[0]:
        sock = socket.socket(familie, soort, protocol)
        try:
            sock.settimeout(termijn.rest())
            sock.connect(sockadres)
            sock.settimeout(termijn.rest())  # what is left, for the TLS handshake (which keeps one deadline)
            return sock
        except OSError as fout:
            sock.close()
            laatste = fout
    raise laatste


class _Lezer(io.RawIOBase):
    """Reads from the socket with what is left of the deadline as the timeout of every read."""

    def __init__(self, sock: socket.socket, termijn: _Termijn) -> None:
        super().__init__()
        self._sock = sock
        self._ruw = sock.makefile("rb", buffering=0)  # keeps the socket open until this reader is closed
        self._termijn = termijn

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self._sock.settimeout(self._termijn.rest())
        return self._ruw.readinto(buffer)

    def close(self) -> None:
        self._ruw.close()
        super().close()


class _Socket:
    """The connected socket as http.client sees it: sending and every read of the answer within the deadline."""

    def __init__(self, sock: socket.socket, termijn: _Termijn) -> None:
        self._sock = sock
        self._termijn = termijn

    def makefile(self, *_: object, **__: object) -> IO[bytes]:
        return io.BufferedReader(_Lezer(self._sock, self._termijn))

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(self._termijn.rest())
        self._sock.sendall(data)

    def __getattr__(self, naam: str) -> Any:  # close, fileno, …: the socket's own
        return getattr(self._sock, naam)


class _MetTermijn(http.client.HTTPConnection):
    """Connects and reads within the request's deadline (mixed into the HTTP and HTTPS connections)."""

    def __init__(self, host: str, *, termijn: _Termijn, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._termijn = termijn
        # http.client connects through this attribute; replaced so that the name lookup counts too
        self._create_connection: Callable[..., socket.socket] = lambda *a, **k: _verbind(termijn, *a, **k)

    def connect(self) -> None:
        self.timeout = self._termijn.rest()
        super().connect()
        self.sock = _Socket(self.sock, self._termijn)


class _Http(_MetTermijn):
    pass


class _Https(_MetTermijn, http.client.HTTPSConnection):
    pass


class _HttpOpener(urllib.request.HTTPHandler):
    def __init__(self, termijn: _Termijn) -> None:
        super().__init__()
        self._termijn = termijn

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Http, req, termijn=self._termijn)  # type: ignore[arg-type]


class _HttpsOpener(urllib.request.HTTPSHandler):
    def __init__(self, termijn: _Termijn) -> None:
        super().__init__()
        self._termijn = termijn
        self._tls = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Https, req, context=self._tls, termijn=self._termijn)  # type: ignore[arg-type]


class _Doorverwijzing(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same scheme, host and port (urllib itself would go to ftp or elsewhere)."""

    def __init__(self, wie: str) -> None:
        super().__init__()
        self._wie = wie

    def _verwijs(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                 headers: http.client.HTTPMessage) -> http.client.HTTPResponse | None:
        nieuw = headers.get("location") or headers.get("uri")
        if nieuw:
            naar = urljoin(req.full_url, nieuw)
            van = oorsprong(req.full_url)
            try:
                zelfde = oorsprong(naar) == van
            except KaderdiffFout:
                zelfde = False
            if not zelfde:
                fp.close()
                raise KaderdiffFout(f"{_hoofdletter(self._wie)} verwijst {req.full_url} door naar {naar}; kaderdiff "
                                    f"volgt alleen doorverwijzingen naar dezelfde server met hetzelfde protocol "
                                    f"({van}). Geef het nieuwe adres zo nodig zelf op met --url.")
        antwoord: http.client.HTTPResponse | None = super().http_error_302(req, fp, code, msg, headers)
        return antwoord

    http_error_301 = http_error_302 = http_error_303 = http_error_307 = http_error_308 = _verwijs


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


#: HTTP status codes in Dutch; urllib gives the server's English reason phrase.
_HTTP_CODES = {400: "een ongeldig verzoek", 401: "geen toegang", 403: "geen toegang", 405: "methode niet toegestaan",
               408: "de server wachtte te lang", 410: "verwijderd", 429: "te veel verzoeken; probeer het later",
               500: "een storing bij de server", 502: "een storing bij de server of een tussenliggende server",
               503: "de server is tijdelijk niet beschikbaar", 504: "een tussenliggende server kreeg geen antwoord"}


def _http_uitleg(code: int) -> str:
    if code in _HTTP_CODES:
        return _HTTP_CODES[code]
    if 300 <= code < 400:
        return "een doorverwijzing die kaderdiff niet volgt (te vaak, of naar een adres zonder http of https)"
    return "een storing bij de server" if code >= 500 else "een fout in het verzoek"


def netwerkreden(fout: BaseException) -> str:
    """What a network failure means, in Dutch: connection refused, name not found, …"""
    if isinstance(fout, urllib.error.URLError) and isinstance(fout.reason, BaseException):
        return netwerkreden(fout.reason)
    if isinstance(fout, socket.gaierror):
        if fout.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", None)):
            return "de naam van de server kon niet worden opgezocht (is er een netwerkverbinding?)"
        return "de naam van de server is niet gevonden (is er een netwerkverbinding, en klopt de naam?)"
    if isinstance(fout, ssl.SSLCertVerificationError):
        return "het certificaat van de server kon niet worden gecontroleerd (beveiligde verbinding geweigerd)"
    if isinstance(fout, ssl.SSLError):
        return "de beveiligde verbinding (TLS) kwam niet tot stand"
    if isinstance(fout, http.client.RemoteDisconnected):
        return "de server verbrak de verbinding zonder te antwoorden"
    if isinstance(fout, ConnectionRefusedError):
        return "de verbinding werd geweigerd (op dat adres en die poort luistert geen server)"
    if isinstance(fout, ConnectionError):
        return "de server verbrak de verbinding"
    if isinstance(fout, OSError):
        bekend = {errno.ENETUNREACH: "het netwerk is niet bereikbaar (is er een netwerkverbinding?)",
                  errno.EHOSTUNREACH: "de server is niet bereikbaar",
                  errno.EADDRNOTAVAIL: "het adres is vanaf deze computer niet te gebruiken"}
        return bekend.get(fout.errno or 0) or (f"netwerkfout ({os_reden(fout)})" if fout.errno else "netwerkfout")
    return "netwerkfout"


def _geen_http(fout: http.client.HTTPException) -> str:
    if isinstance(fout, http.client.IncompleteRead):
        return "het antwoord brak af voordat het compleet was"
    if isinstance(fout, http.client.InvalidURL):
        return "het adres is ongeldig"
    return "het antwoord is geen geldig HTTP"


def haal_op(url: str, seconden: float, max_bytes: int, wie: str = "de server") -> bytes:
    """GET `url` within `seconden` for everything; the answer's bytes (at most `max_bytes`).

    `wie` names the server in messages ('de BWB-repository')."""
    controleer_wachttijd(seconden)
    oorsprong(url)
    termijn = _Termijn(seconden)
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), _HttpOpener(termijn), _HttpsOpener(termijn),
                    _Doorverwijzing(wie), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    Wie = _hoofdletter(wie)
    try:
        verzoek = urllib.request.Request(url, headers={"Accept": "application/xml", "User-Agent": "kaderdiff"})
        with opener.open(verzoek, timeout=seconden) as antwoord:
            data: bytes = antwoord.read(max_bytes + 1)
    except urllib.error.HTTPError as fout:
        fout.close()
        if fout.code == 404:
            raise KaderdiffFout(f"Niet gevonden in {wie} (HTTP 404): {url}") from None
        raise KaderdiffFout(f"{Wie} antwoordde met HTTP {fout.code} ({_http_uitleg(fout.code)}) op {url}") from None
    except (TimeoutError, urllib.error.URLError) as fout:
        if isinstance(fout, TimeoutError) or isinstance(getattr(fout, "reason", None), TimeoutError):
            raise KaderdiffFout(f"Geen antwoord binnen {seconden:g} seconde{'' if seconden == 1 else 'n'} van {url} "
                                "(die tijd geldt voor het "
                                "hele verzoek: verbinden, doorverwijzen en alles ontvangen)") from None
        raise KaderdiffFout(f"{Wie} is niet bereikbaar op {url}: {netwerkreden(fout)}") from None
    except http.client.RemoteDisconnected as fout:
        raise KaderdiffFout(f"{Wie} is niet bereikbaar op {url}: {netwerkreden(fout)}") from None
    except http.client.HTTPException as fout:
        raise KaderdiffFout(f"Het antwoord van {url} is geen antwoord van {wie}: {_geen_http(fout)}") from None
    except UnicodeError:
        raise KaderdiffFout(f"Ongeldig adres {url}: er staan tekens in die niet in een webadres mogen "
                            "(schrijf ze als %-code)") from None
    except OSError as fout:
        raise KaderdiffFout(f"Fout bij het ophalen van {url}: {netwerkreden(fout)}") from None
    if len(data) > max_bytes:
        raise KaderdiffFout(f"Het antwoord van {url} is groter dan {max_bytes // (1024 * 1024)} MB; "
                            f"dat is geen antwoord van {wie}")
    return data
