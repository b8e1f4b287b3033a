"""Frozen build (issue 7): its size, and the time from process start to the unlock window,
frozen next to running from source, in one run.

The window is detected on a real X server (Xvfb) with ``xdotool``, as a person would see it:
the clock stops when a visible window titled "fielddoc" exists. "Cold" runs drop the kernel's
page cache first (needs root; without it only warm figures are printed, and the output says
so). Needs ``make package`` first; without a build this benchmark says so and does nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_gui import build_vault
from bench.common import heading

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "fielddoc"
WARM_RUNS = 5
COLD_RUNS = 3


def _can_drop_caches() -> bool:
    return os.access("/proc/sys/vm/drop_caches", os.W_OK)


def _drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def _window_shown() -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "fielddoc"],
        capture_output=True,
        check=False,
    )
    return found.returncode == 0


def time_to_window(command: list[str], env: dict[str, str], *, cold: bool) -> float:
    if cold:
        _drop_caches()
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not _window_shown():
            if process.poll() is not None:
                error = (
                    process.stderr.read().decode(errors="replace")[:800] if process.stderr else ""
                )
                raise RuntimeError(f"{command[0]} exited before showing a window: {error}")
            if time.perf_counter() - began > 60:
                raise RuntimeError("no window after 60 s")
            time.sleep(0.01)
        return time.perf_counter() - began
    finally:
        process.terminate()
        process.wait(timeout=30)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def measure() -> None:
    heading("Frozen build: size and start-up")
    if not (FROZEN / "fielddoc-gui").is_file():
        print("  no frozen build: run `make package` first")
        return
    tarballs = sorted((ROOT / "dist").glob("fielddoc-*-linux-*.tar.gz"))
    print(f"  folder dist/fielddoc: {_size(FROZEN) / 2**20:.0f} MiB")
    for tarball in tarballs:
        print(f"  {tarball.name}: {tarball.stat().st_size / 2**20:.0f} MiB")
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-package-"))
    try:
        vault = work / "vault"
        build_vault(vault, 0)
        home = work / "home"
        home.mkdir()
        env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "xcb"}
        commands = {
            "source": [sys.executable, "-m", "fielddoc.gui.app", "--vault", str(vault)],
            "frozen": [str(FROZEN / "fielddoc-gui"), "--vault", str(vault)],
        }
        kinds = [("warm", False, WARM_RUNS)]
        if _can_drop_caches():
            kinds.append(("cold", True, COLD_RUNS))
        else:
            print("  (not root: cold start-up needs dropping the page cache; warm only)")
        for kind, cold, runs in kinds:
            figures: dict[str, list[float]] = {name: [] for name in commands}
            for command in commands.values():
                time_to_window(command, env, cold=False)  # a first run fills caches/settings
            for _ in range(runs):  # interleaved, so load on the machine hits both alike
                for name, command in commands.items():
                    figures[name].append(time_to_window(command, env, cold=cold))
            source, frozen = _median(figures["source"]), _median(figures["frozen"])
            print(
                f"  {kind} start to unlock window (median of {runs}): "
                f"source {source * 1000:5.0f} ms, frozen {frozen * 1000:5.0f} ms "
                f"(frozen/source {frozen / source:.2f})"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    if os.environ.get("DISPLAY") or os.environ.get("FIELDDOC_IN_XVFB") == "1":
        measure()
        return
    if not (shutil.which("xvfb-run") and shutil.which("xdotool")):
        heading("Frozen build: size and start-up")
        print("  needs xvfb-run and xdotool (Debian: xvfb, xdotool)")
        return
    env = {**os.environ, "FIELDDOC_IN_XVFB": "1"}
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            sys.executable,
            "-c",
            "from bench.bench_package import measure; measure()",
        ],
        env=env,
        cwd=ROOT,
        check=False,
    )
