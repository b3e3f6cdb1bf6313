"""Hybrid logical clock: wall time in milliseconds, a counter, the device (sortable text).

A value reads ``PPPPPPPPPPPPPPP-CCCCC-DEVICE``: fixed-width digits, so comparing the texts
compares the clocks, and the device id breaks ties. The clock never goes back on one device,
yet cannot run away: the laptop corrects its wall clock by the offset it learns from the
server at each synchronisation, and the server clamps a value from the future to its own time
(``clamp``), so a laptop whose clock is days ahead cannot win every conflict.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# How far ahead of the server's time a clock may be before it is clamped.
MAX_AHEAD_MS = 5 * 60 * 1000
_COUNTER_LIMIT = 99_999


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def format_hlc(physical_ms: int, counter: int, device: str) -> str:
    return f"{physical_ms:015d}-{counter:05d}-{device}"


def parse_hlc(value: str) -> tuple[int, int, str]:
    physical, counter, device = value.split("-", 2)
    return int(physical), int(counter), device


def device_of(value: str) -> str:
    return value.split("-", 2)[2] if value else ""


def physical_of(value: str) -> int:
    return int(value.split("-", 1)[0]) if value else 0


def clamp(value: str, now_ms: int) -> tuple[str, bool]:
    """The value, or the server's own time when it is too far in the future (and whether)."""
    physical, counter, device = parse_hlc(value)
    if physical <= now_ms + MAX_AHEAD_MS:
        return value, False
    return format_hlc(now_ms, counter, device), True


@dataclass
class Clock:
    """A device's clock: ``last`` issued value and ``offset_ms`` learnt from the server."""

    device: str
    last: str = ""
    offset_ms: int = 0
    # None: this module's ``wall_ms``, looked up at each call (tests move it).
    wall: Callable[[], int] | None = None

    def _wall(self) -> int:
        return self.wall() if self.wall is not None else wall_ms()

    def now_ms(self) -> int:
        return self._wall() + self.offset_ms

    def tick(self) -> str:
        """A new value, later than every value this clock issued or received."""
        physical = self.now_ms()
        if self.last:
            last_physical, last_counter, _ = parse_hlc(self.last)
            if last_physical >= physical:
                if last_counter >= _COUNTER_LIMIT:
                    physical, counter = last_physical + 1, 0
                else:
                    physical, counter = last_physical, last_counter + 1
                self.last = format_hlc(physical, counter, self.device)
                return self.last
        self.last = format_hlc(physical, 0, self.device)
        return self.last

    def observe_server(self, server_ms: int, server_hlc: str = "") -> None:
        """Learn the server's time: correct the wall clock, and forget a runaway past value.

        ``server_hlc`` is the highest clock the server holds: this clock moves past it, so the
        next local change is causally after everything just received.
        """
        self.offset_ms = server_ms - self._wall()
        if self.last and physical_of(self.last) > server_ms + MAX_AHEAD_MS:
            # The laptop's clock ran ahead (changed by hand, a dead battery…): restart from the
            # server's time rather than stay in the future for ever.
            self.last = ""
        if server_hlc and server_hlc > self.last:
            physical, counter, _ = parse_hlc(server_hlc)
            if physical <= server_ms + MAX_AHEAD_MS:
                self.last = format_hlc(physical, counter, self.device)
