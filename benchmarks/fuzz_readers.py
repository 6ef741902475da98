"""Fuzz the readers: mutated and generated files of every format through `extract_file`.

    python benchmarks/fuzz_readers.py [--inputs 100000] [--start 0] [--workers 2] [--timeout 30]
                                      [--seed 0] [--save DIR]

The bases: the seed reports (`tests/seeds`), the real corpus (`tests/real_corpus`), each seed's
gold report written in every format gongkai writes (Markdown, HTML, Word, Excel, PDF), small
scanned images (PNG, multi-frame TIFF) and hostile files (long digit runs, numbers of thousands of
digits, compressed-stream chains, lying zip headers). Each input is one base mutated at random:
bytes flipped, inserted, deleted, repeated or spliced from another base; for text, lines
deleted, duplicated or swapped and noise or digit runs inserted; for Word and Excel, one XML part
mutated inside a well-formed zip so the parsers see it. Input i is fixed by `--seed` and i, so a
run may be split across processes (`--start`) and any input made again.

Each input is read in a worker process (`--workers`); one that takes more than `--timeout`
seconds of CPU (or ten times that of wall time) is killed and counted as a hang, so a hang is
counted, not fatal. Reported: crashes (any exception other than gongkai's own Chinese errors,
with the input saved under `--save`), hangs, inputs over 5 s of CPU (wall time is reported too,
but on a shared machine it measures the machine), the slowest input, the largest worker memory.
Target: 0 crashes, 0 hangs, 0 inputs over 5 s, memory under 1 GB. `tests/extract/test_fuzz_readers.py` runs the same
loop over 1,000 inputs.
"""

from __future__ import annotations

import argparse
import io
import logging
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLOW = 5.0  # seconds: an input slower than this counts against the target
MEMORY = 1 << 30  # bytes: a worker past this counts against the target

Base = tuple[str, bytes]  # (file name, content)


# --- the bases --------------------------------------------------------------------------------


def bases() -> list[Base]:
    """Every file the mutations start from."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import GOLD, SEEDS

    from gongkai.render import Format, render
    from gongkai.report import load

    out: list[Base] = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    corpus = ROOT / "tests" / "real_corpus"
    out += [(p.name, p.read_bytes()) for p in sorted(corpus.glob("*.*")) if p.stem != "README"]
    for gold in sorted(GOLD.glob("*.json"))[:2]:
        report = load(gold)
        for fmt in (Format.MD, Format.HTML, Format.DOCX, Format.XLSX, Format.PDF):
            out.append((f"{gold.stem[:3]}.{fmt.value}", render(report, fmt)))
    out += hostile()
    out += images()
    return out


def hostile() -> list[Base]:
    """Files made to cost: long digit runs, huge numbers, stream chains, lying zip headers."""
    seed = (ROOT / "tests" / "seeds" / "000_9718be5bdc3ad529.txt").read_text(encoding="utf-8")
    rng = random.Random(1)
    runs = "\n".join(
        f"| {label} | 0{''.join(rng.choice('0123456789') for _ in range(rng.randint(20, 900)))} |"
        for label in ("（一）予以公开", "（七）总计", "1.属于国家秘密", "其他")
    )
    out: list[Base] = [
        ("runs.md", (seed + "\n" + runs + "\n").encode()),
        ("huge-number.md", seed.replace("| 规章 | 0 |", f"| 规章 | {'7' * 5000} |").encode()),
        ("spaced-runs.txt", seed.replace(" | 0 | 0 |", " 0 1 22 333 4444 5 |").encode()),
    ]
    page = b"BT /F1 12 Tf 72 720 Td (2020) Tj ET\n" * 50
    twice = zlib.compress(zlib.compress(page))
    out.append(("chain.pdf", _pdf(b"/Filter [/FlateDecode /FlateDecode]", twice)))
    out.append(("hex.pdf", _pdf(b"/Filter /ASCIIHexDecode", page.hex().encode() + b">")))
    out.append(("cr.pdf", _pdf(b"/Filter /FlateDecode", zlib.compress(page), newline=b"\r")))
    return out


def _pdf(stream_dict: bytes, stream: bytes, *, newline: bytes = b"\n") -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< "
        + stream_dict
        + b" /Length %d >>\nstream" % len(stream)
        + newline
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def images() -> list[Base]:
    """Small scans: a PNG of a few lines and a TIFF of two frames (OCR takes about a second a
    page however small the page, so images are drawn rarely)."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (240, 80), 255)
    ImageDraw.Draw(page).text((8, 8), "2020 0 1 22\n333 4444", fill=0)
    png = io.BytesIO()
    page.save(png, "PNG")
    tiff = io.BytesIO()
    page.save(tiff, "TIFF", save_all=True, append_images=[page])
    return [("scan.png", png.getvalue()), ("scan.tiff", tiff.getvalue())]


# --- the mutations ----------------------------------------------------------------------------

NOISE = list("0123456789 \t|—/-.、（）()一二三四五六七规章总计其他\n万元个<>&;\"'")
TEXT = (".txt", ".md", ".html")
ZIP = (".docx", ".xlsx")


def mutate(rng: random.Random, base: Base, every: list[Base]) -> Base:
    name, data = base
    suffix = Path(name).suffix
    if suffix in ZIP and rng.random() < 0.7:
        return name, _mutate_zip(rng, data, every)
    if suffix in TEXT and rng.random() < 0.7:
        text = data.decode("utf-8", "replace")
        return name, _mutate_text(rng, text).encode("utf-8")
    return name, _mutate_bytes(rng, data, every)


def _mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        action = rng.randrange(6)
        if action == 0:
            del lines[i]
        elif action == 1:
            lines.insert(i, lines[i])
        elif action == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == 3:
            lines.insert(i, "".join(rng.choice(NOISE) for _ in range(rng.randint(0, 20))))
        elif action == 4:
            at = rng.randint(0, len(lines[i]))
            digits = "".join(rng.choice("0123456789  ") for _ in range(rng.choice((5, 40, 300))))
            lines[i] = lines[i][:at] + digits + lines[i][at:]
        else:
            at = rng.randint(0, len(lines[i]))
            noise = "".join(rng.choice(NOISE) for _ in range(rng.randint(1, 12)))
            lines[i] = lines[i][:at] + noise + lines[i][at:]
    out = "\n".join(lines)
    if rng.random() < 0.2:
        out = out[: rng.randint(0, len(out))]
    return out


def _mutate_bytes(rng: random.Random, data: bytes, every: list[Base]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(out))
        action = rng.randrange(6)
        if action == 0 and out:
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif action == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif action == 2:
            del out[at : at + rng.randint(1, 4096)]
        elif action == 3:
            chunk = out[at : at + rng.randint(1, 256)]
            out[at:at] = chunk * rng.randint(1, 64)
        elif action == 4:
            _, other = rng.choice(every)
            start = rng.randint(0, len(other))
            out[at:at] = other[start : start + rng.randint(1, 4096)]
        else:
            del out[rng.randint(0, len(out)) :]
    return bytes(out)


def _mutate_zip(rng: random.Random, data: bytes, every: list[Base]) -> bytes:
    """One XML part mutated (text or bytes), the package re-zipped whole."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    i = rng.randrange(len(parts))
    name, part = parts[i]
    if rng.random() < 0.6:
        text = part.decode("utf-8", "replace")
        mutated = _mutate_xml(rng, text).encode("utf-8")
    else:
        mutated = _mutate_bytes(rng, part, every)
    parts[i] = (name, mutated)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part_name, content in parts:
            target.writestr(part_name, content)
    return out.getvalue()


def _mutate_xml(rng: random.Random, text: str) -> str:
    """Elements repeated, removed or given digits, so the parser meets odd but parsable XML."""
    for _ in range(rng.randint(1, 4)):
        start = text.find("<", rng.randint(0, max(len(text) - 1, 0)))
        if start < 0:
            continue
        end = text.find(">", start)
        if end < 0:
            continue
        action = rng.randrange(4)
        if action == 0:  # an element's tag repeated
            text = text[:start] + text[start : end + 1] * rng.randint(2, 50) + text[end + 1 :]
        elif action == 1:  # digits in an attribute or text
            digits = "".join(rng.choice("0123456789") for _ in range(rng.choice((1, 5, 5000))))
            text = text[: end + 1] + digits + text[end + 1 :]
        elif action == 2:
            text = text[:start] + text[end + 1 :]
        else:
            text = _mutate_text(rng, text)
    return text


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Result:
    index: int
    name: str
    outcome: str  # "read", "refused" (a GongkaiError), "crash", "hang"
    wall: float = 0.0
    cpu: float = 0.0
    rss: int = 0  # the worker's peak so far, bytes
    detail: str = ""


def make_input(seed: int, index: int, every: list[Base]) -> Base:
    rng = random.Random(seed * 1_000_003 + index)
    base = every[rng.randrange(len(every))] if rng.random() < 0.05 else _weighted(rng, every)
    if rng.random() < 0.03:
        return base  # the base itself
    name, data = mutate(rng, base, every)
    return f"{index}-{name}", data


def _weighted(rng: random.Random, every: list[Base]) -> Base:
    """Mostly cheap formats (text, web pages); Word, Excel, PDF and scans less often."""
    weights = [_WEIGHT.get(Path(name).suffix, 1.0) for name, _ in every]
    return rng.choices(every, weights)[0]


_WEIGHT = {".txt": 6.0, ".md": 6.0, ".html": 4.0, ".docx": 1.5, ".xlsx": 1.5, ".pdf": 0.15}
_WEIGHT |= {".png": 0.05, ".tiff": 0.05}


def read_one(path: Path) -> tuple[str, str]:
    """Read one file as `gongkai extract` does: ("read" | "refused" | "crash", detail)."""
    from gongkai.errors import GongkaiError
    from gongkai.extract import extract_file
    from gongkai.report.interchange import to_dict

    try:
        extraction = extract_file(path)
        to_dict(extraction.report)
        extraction.debug_text()
    except GongkaiError as exc:
        message = str(exc)
        if not any("\u4e00" <= ch <= "\u9fff" for ch in message):
            return "crash", f"a GongkaiError without Chinese: {message[:200]}"
        return "refused", message[:200]
    except Exception as exc:  # the point of the run: anything else is a crash
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]} at {where.filename}:{where.lineno}"
    return "read", ""


def _worker(conn: Connection, seed: int, every: list[Base]) -> None:
    logging.disable(logging.WARNING)  # pdfminer's complaints about each broken file
    warnings.simplefilter("ignore")  # Pillow's about each broken image
    directory = Path(tempfile.mkdtemp(prefix="fuzz-"))
    while True:
        index = conn.recv()
        if index is None:
            break
        name, data = make_input(seed, index, every)
        path = directory / f"input{Path(name).suffix}"
        path.write_bytes(data)
        started, cpu = time.monotonic(), _cpu()
        outcome, detail = read_one(path)
        wall, cpu = time.monotonic() - started, _cpu() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        conn.send(Result(index, name, outcome, wall, cpu, rss, detail))
        path.unlink(missing_ok=True)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Summary:
    notable: list[Result] = field(default_factory=list)  # crashes, hangs, slow inputs
    outcomes: Counter[str] = field(default_factory=Counter)
    peak_rss: int = 0
    slowest: Result | None = None
    over_wall: int = 0  # inputs over 5 s of wall time (on a busy machine, mostly waiting)

    def add(self, result: Result) -> None:
        self.outcomes[result.outcome] += 1
        self.over_wall += result.wall > SLOW
        self.peak_rss = max(self.peak_rss, result.rss)
        if result.outcome in ("crash", "hang") or result.cpu > SLOW:
            self.notable.append(result)
        if self.slowest is None or result.cpu > self.slowest.cpu:
            self.slowest = result


class _Slot:
    """One worker process and the input it is reading."""

    def __init__(self, seed: int, every: list[Base]) -> None:
        self.seed, self.every = seed, every
        self.conn: Connection
        self.process: multiprocessing.process.BaseProcess
        self.index: int | None = None
        self.started = self.cpu = 0.0
        self.start()

    def start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker, args=(child, self.seed, self.every), daemon=True
        )
        self.process.start()
        child.close()

    def give(self, index: int) -> None:
        self.index, self.started, self.cpu = index, time.monotonic(), self.cpu_now()
        self.conn.send(index)

    def cpu_now(self) -> float:
        """The worker's CPU seconds so far (Linux `/proc`); the machine may be busy, so a hang is
        judged by the CPU an input takes, with wall time only as a backstop."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def run(
    inputs: int,
    *,
    start: int = 0,
    workers: int = 2,
    timeout: float = 30.0,
    seed: int = 0,
    save: Path | None = None,
    progress: Callable[[int, Summary], None] | None = None,
) -> Summary:
    every = bases()
    summary = Summary()
    slots = [_Slot(seed, every) for _ in range(workers)]
    queue = iter(range(start, start + inputs))
    done = 0
    for slot in slots:
        index = next(queue, None)
        if index is not None:
            slot.give(index)
    while any(slot.index is not None for slot in slots):
        busy = [slot for slot in slots if slot.index is not None]
        ready = wait([slot.conn for slot in busy], timeout=1.0)
        now = time.monotonic()
        for slot in busy:
            assert slot.index is not None
            if slot.conn in ready:
                try:
                    result: Result = slot.conn.recv()
                except EOFError:  # the worker died (killed by the kernel, a C crash …)
                    code = slot.process.exitcode
                    name = make_input(seed, slot.index, every)[0]
                    result = Result(slot.index, name, "crash", now - slot.started, 0, 0, f"{code}")
                    slot.kill()
                    slot.start()
            elif slot.cpu_now() - slot.cpu > timeout or now - slot.started > 10 * timeout:
                name = make_input(seed, slot.index, every)[0]
                cpu = slot.cpu_now() - slot.cpu
                result = Result(slot.index, name, "hang", now - slot.started, cpu)
                slot.kill()
                slot.start()
            else:
                continue
            summary.add(result)
            if save is not None and summary.notable and summary.notable[-1] is result:
                save.mkdir(parents=True, exist_ok=True)
                name, data = make_input(seed, result.index, every)
                (save / name).write_bytes(data)
            if result.rss > MEMORY:  # start afresh, so the next input's peak is its own
                slot.kill()
                slot.start()
            done += 1
            if progress is not None:
                progress(done, summary)
            slot.index = None
            index = next(queue, None)
            if index is not None:
                slot.give(index)
    for slot in slots:
        slot.conn.send(None)
        slot.process.join(5)
        if slot.process.is_alive():
            slot.kill()
    return summary


def report(summary: Summary, inputs: int, seconds: float) -> str:
    slow_cpu = sum(1 for r in summary.notable if r.cpu > SLOW)
    lines = [
        f"inputs: {inputs} in {seconds:.0f} s ({inputs / max(seconds, 1e-9):.1f} per second)",
        "outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.outcomes.items())),
        f"crashes: {summary.outcomes['crash']}, hangs: {summary.outcomes['hang']}, "
        f"over {SLOW:g} s: {slow_cpu} CPU ({summary.over_wall} wall)",
        f"peak worker memory: {summary.peak_rss / 1e6:.0f} MB",
    ]
    slowest = summary.slowest
    if slowest is not None:
        lines.append(f"slowest: {slowest.name} {slowest.wall:.2f} s wall, {slowest.cpu:.2f} s CPU")
    kinds = Counter(r.detail for r in summary.notable if r.outcome == "crash")
    lines += [f"  crash ×{n}: {detail}" for detail, n in kinds.most_common(20)]
    lines += [
        f"  {r.outcome} {r.name}: {r.wall:.1f} s wall, {r.cpu:.1f} s CPU"
        for r in summary.notable
        if r.outcome != "crash"
    ][:20]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="the first input's number")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args()
    started = time.monotonic()

    def progress(done: int, summary: Summary) -> None:
        if done % 1000 == 0:
            elapsed = time.monotonic() - started
            print(f"{done} inputs, {elapsed:.0f} s, {dict(summary.outcomes)}", flush=True)

    summary = run(
        args.inputs,
        start=args.start,
        workers=args.workers,
        timeout=args.timeout,
        seed=args.seed,
        save=args.save,
        progress=progress,
    )
    print(report(summary, args.inputs, time.monotonic() - started), flush=True)
    target = not summary.notable and summary.peak_rss <= MEMORY
    print("target met" if target else "target NOT met", flush=True)
    os._exit(0 if target else 1)


if __name__ == "__main__":
    main()
