"""The file channel: writes each format of a digest to its path, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from alerter.deliver import Outgoing
from alerter.errors import DeliveryError


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class FileChannel:
    """Delivery target is a path without suffix; each format gets its own suffix."""

    def send(self, message: Outgoing) -> None:
        base = Path(message.target)
        try:
            for fmt, body in message.bodies.items():
                write_atomic(base.with_name(f"{base.name}.{fmt}"), body)
        except OSError as exc:
            raise DeliveryError(f"cannot write {base}: {exc.strerror}") from None
