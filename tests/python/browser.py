"""A headless Chromium driven over the DevTools protocol, for tests of framelens's HTML.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol messages (JSON, each
ended by a NUL byte) from file descriptor 3 and writes to descriptor 4, so no port, no
websocket library and no network are needed.

``find_or_install_chromium()`` finds Debian's ``chromium`` (or another Chromium or Chrome
on PATH, or $CHROMIUM), and as root on Debian installs it with apt-get once.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from typing import Any, Dict, List, Optional, Tuple

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_TIMEOUT = 1200  # seconds: the package is about 100 MB


def find_chromium() -> Optional[str]:
    env = os.environ.get("CHROMIUM")
    if env and os.path.exists(env):
        return env
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def find_or_install_chromium() -> Tuple[Optional[str], str]:
    """(path, "") when Chromium is there or could be installed; (None, why) otherwise."""
    path = find_chromium()
    if path:
        return path, ""
    if not shutil.which("apt-get"):
        return None, "no chromium on PATH and no apt-get to install Debian's chromium"
    if os.geteuid() != 0:
        return None, ("no chromium on PATH; install it (Debian: sudo apt-get install -y "
                      "chromium) or set CHROMIUM to its path")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=600", "chromium"]
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True,
                           timeout=INSTALL_TIMEOUT)
        if r.returncode != 0:  # perhaps a stale package list
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True,
                           timeout=INSTALL_TIMEOUT)
            r = subprocess.run(cmd, env=env, capture_output=True, text=True,
                               timeout=INSTALL_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"installing chromium failed: {exc}"
    path = find_chromium()
    if path:
        return path, ""
    return None, f"apt-get install chromium failed: {r.stderr.strip()[-500:]}"


class ProtocolError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page. Use as a context manager."""

    def __init__(self, exe: str, width: int = 1280, height: int = 1600):
        self.exe = exe
        self.width, self.height = width, height
        self.profile = tempfile.mkdtemp(prefix="framelens-chromium-")
        self.events: List[Dict[str, Any]] = []
        self._next = 0
        self._buffer = b""
        self.session: Optional[str] = None

    # -- process -------------------------------------------------------------------------
    def __enter__(self) -> "Browser":
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds():  # in the child: the pipe ends become descriptors 3 and 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [self.exe, "--headless=new", "--remote-debugging-pipe", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--hide-scrollbars", f"--user-data-dir={self.profile}",
                f"--window-size={self.width},{self.height}", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with a sandbox
        # Chromium must not inherit a sanitizer runtime preloaded into the tests (`make
        # sanitize`): it would hang at start-up under ASan's interceptors.
        env = {k: v for k, v in os.environ.items()
               if k not in ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS")}
        self.proc = subprocess.Popen(args, preexec_fn=fds, close_fds=False, env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        os.close(to_child_r)
        os.close(from_child_w)
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget",
                                     {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": self.width, "height": self.height, "deviceScaleFactor": 1,
                       "mobile": False})
        except BaseException:
            self.__exit__(None, None, None)  # no Chromium left running after a failed start
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.call("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.proc.stderr is not None:
            self.proc.stderr.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- protocol ------------------------------------------------------------------------
    def call(self, method: str, params: Optional[Dict[str, Any]] = None, session: bool = True,
             timeout: float = 60.0) -> Dict[str, Any]:
        self._next += 1
        msg: Dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        want = self._next
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == want:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def _receive(self, deadline: float) -> Dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr \
                    else ""
                raise ProtocolError(f"Chromium closed the pipe: {err[-2000:]}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method: str, timeout: float = 60.0) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for e in self.events:
                if e["method"] == method:
                    return e
            msg = self._receive(deadline)
            if "method" in msg:
                self.events.append(msg)

    # -- pages ---------------------------------------------------------------------------
    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => requestAnimationFrame(() => r(1)))")

    def evaluate(self, expression: str) -> Any:
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise ProtocolError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, full_page: bool = True) -> bytes:
        params: Dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            # the content's height, not the window's: a short page is not mostly blank
            h = self.evaluate("Math.ceil(document.body.getBoundingClientRect().bottom) + 8")
            params["clip"] = {"x": 0, "y": 0, "width": self.width,
                              "height": min(int(h), 16000), "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def console_errors(self) -> List[str]:
        """Console errors, uncaught exceptions and failed loads since the page opened."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error",
                                                                               "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", "")))
                                    for a in p.get("args", [])))
            elif e["method"] == "Runtime.exceptionThrown":
                out.append(str(p.get("exceptionDetails", {}).get("text")))
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
            elif e["method"] == "Network.loadingFailed":
                out.append(f"failed to load: {p.get('errorText')}")
        return out

    def requests(self) -> List[str]:
        """URLs the page asked for."""
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]
