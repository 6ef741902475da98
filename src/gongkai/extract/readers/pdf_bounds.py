"""Memory and time bounds for a PDF, checked on its raw bytes before pdfminer or pdfium read it.

pdfminer decodes a stream whole, filter after filter (`zlib.decompress`, its LZW, ASCII85,
ASCIIHex and RunLength decoders, then any predictor: no size limit) and keeps the result while
the document is open, so a stream of a few MB can claim many GB, or minutes. Every stream is
therefore decoded here first, through its whole filter chain, in steps that are counted and
dropped (the last filter's output is never kept):

- the streams pdfminer decodes (page contents, fonts, forms, object streams …) may decode to at
  most `Limits.max_unpacked_bytes` together;
- an image stream is not decoded by pdfminer; only the OCR of a scan renders it (pdfium), so its
  declared /Width × /Height must stay within `Limits.max_image_pixels` and it may decode to at
  most 4 bytes a pixel of that;
- what pdfminer decodes byte by byte in Python (LZW, RunLength, ASCII85, predictors) may come to
  at most `_SLOW_BYTES` in all, so no file buys minutes of it.

A stream is found however its keyword line ends ("stream" then CR LF, LF or a lone CR), and read
to its /Length or its "endstream", whichever is further. Filter names are read as pdfminer reads
them (abbreviations, `#xx` escapes, an indirect reference to the filter array). A predictor on
any filter but the last cannot be followed here and is refused. An encrypted PDF's streams are
decrypted first, as pdfminer decrypts them (with the empty password; pdfminer refuses any other).
Streams that use filters pdfminer does not decode (images' DCT, JPX, JBIG2) are decoded as far as
the chain allows: a filter that fails ends the chain, as it ends pdfminer's.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.readers import Limits

_STREAM = re.compile(rb"\bstream(?:\r\n|\r|\n)?")
_END = b"endstream"
_DICT_BEFORE = 4096  # bytes before "stream" searched for the stream's dictionary
_STEP = 1 << 20
_SLOW_BYTES = 8_000_000  # decoded by pdfminer in pure Python, in all
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d{1,9})\b")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,9})\b")
_LENGTH = re.compile(rb"/Length\s+(\d{1,12})\b(?!\s+\d+\s+R)")
_FILTER = re.compile(rb"/(?:Filter|F)\s*(\[[^\]]*\]|/[^\s/\[\]<>()%]+|\d+\s+\d+\s+R)")
_NAME = re.compile(rb"/([^\s/\[\]<>()%]+)")
_PREDICTOR = re.compile(rb"/Predictor\s+(\d{1,9})")
_PARAMS = re.compile(rb"/(?:DecodeParms|DP)\s*(\[|<<)")
_REFERENCE = re.compile(rb"(\d+)\s+(\d+)\s+R")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_OBJECT = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")

_FLATE = {"FlateDecode", "Fl"}
_LZW = {"LZWDecode", "LZW"}
_A85 = {"ASCII85Decode", "A85"}
_HEX = {"ASCIIHexDecode", "AHx"}
_RUNS = {"RunLengthDecode", "RL"}
_PASSED = {"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode"}  # pdfminer hands these on as they are
_SLOW = _LZW | _A85 | _RUNS


class _Budget:
    """What a document's streams may still decode to."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name, self.limits = name, limits
        self.unpacked = limits.max_unpacked_bytes
        self.slow = _SLOW_BYTES

    def too_large(self) -> InputError:
        return InputError(f"{self.name} 解压后过大，可能是恶意文件（压缩流展开超过上限）")

    def too_slow(self) -> InputError:
        return InputError(
            f"{self.name} 解压后过大，可能是恶意文件（需逐字节解码的压缩流超过 {_SLOW_BYTES} 字节）"
        )


def check_streams(data: bytes, name: str, limits: Limits) -> None:
    """`InputError` when a stream would decode past the bounds (see the module's doc)."""
    budget = _Budget(name, limits)
    _check(data, budget, None)
    decipher = _decipher(data)  # after the first pass: pdfminer decodes the xref streams here
    if decipher is not None:
        _check(data, _Budget(name, limits), decipher)


def _check(data: bytes, budget: _Budget, decipher: Any) -> None:
    """Each stream decoded within `budget`, decrypted first by `decipher` if given."""
    limits = budget.limits
    for found in _STREAM.finditer(data):
        start = found.end()
        before = data[max(0, found.start() - _DICT_BEFORE) : found.start()]
        head = before[before.rfind(b"obj") + 3 :] if b"obj" in before else before
        end = _stream_end(data, start, head)
        filters, predicted = _filters(data, head)
        if not filters:
            continue
        stream = data[start:end]
        if decipher is not None:
            numbers = list(_OBJECT.finditer(before))
            if not numbers:
                continue
            try:
                stream = decipher(int(numbers[-1].group(1)), int(numbers[-1].group(2)), stream)
            except Exception:  # pdfminer fails on it as well, or reads it as it is
                continue
        if _IMAGE.search(head):
            pixels = _pixels(head)
            if pixels > limits.max_image_pixels:
                raise InputError(
                    f"{budget.name} 中的图像过大（{pixels} 像素，上限 {limits.max_image_pixels} 像素）"
                )
            _decoded(stream, filters, predicted, 4 * limits.max_image_pixels, budget)
        else:
            budget.unpacked -= _decoded(stream, filters, predicted, budget.unpacked, budget)


def _decipher(data: bytes) -> Any:
    """pdfminer's decryption of the document's objects (empty password), or None when it is not
    encrypted or pdfminer cannot open it (then it refuses the file itself)."""
    if b"/Encrypt" not in data:
        return None
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except Exception:
        return None
    return document.decipher


def _stream_end(data: bytes, start: int, head: bytes) -> int:
    """Where the stream's data ends: at its /Length or its "endstream", whichever is further
    (pdfminer reads /Length bytes, and further when no "endstream" follows them)."""
    end = data.find(_END, start)
    end = len(data) if end < 0 else end
    length = _LENGTH.search(head)
    if length is not None:
        end = max(end, min(start + int(length.group(1)), len(data)))
    return end


def _filters(data: bytes, head: bytes) -> tuple[list[str], list[bool]]:
    """The stream's filter names in order, and for each whether a predictor follows it."""
    found = _FILTER.search(head)
    if found is None:
        return [], []
    value = found.group(1)
    reference = _REFERENCE.fullmatch(value)
    if reference is not None:  # "/Filter 7 0 R": the array or name is object 7
        target = re.search(rb"\b%s\s+%s\s+obj\s*(\[[^\]]*\]|/\S+)" % reference.groups(), data)
        value = target.group(1) if target else b"/FlateDecode"  # unknown: taken for Flate
    names = [_ESCAPE.sub(_unescaped, n).decode("latin-1") for n in _NAME.findall(value)]
    return names, _predicted(head, len(names))


def _unescaped(escape: re.Match[bytes]) -> bytes:
    return bytes.fromhex(escape.group(1).decode())


def _predicted(head: bytes, count: int) -> list[bool]:
    """For each filter, whether its decode parameters name a predictor (> 1)."""
    found = _PARAMS.search(head)
    if found is None:
        return [False] * count
    rest = head[found.start(1) :]
    if rest.startswith(b"<<"):  # one dictionary: pdfminer applies it after every filter
        return [_predictor(_dictionary(rest))] * count
    out: list[bool] = []
    pos = 1
    while len(out) < count and pos < len(rest):
        while pos < len(rest) and rest[pos : pos + 1].isspace():
            pos += 1
        if rest.startswith(b"<<", pos):
            item = _dictionary(rest[pos:])
            out.append(_predictor(item))
            pos += len(item)
        elif rest.startswith(b"]", pos):
            break
        else:  # null, or a reference (a predictor out of sight: its filter is taken as plain)
            word = re.match(rb"\d+\s+\d+\s+R|\S+", rest[pos:])
            out.append(False)
            pos += len(word.group(0)) if word else 1
    return out + [False] * (count - len(out))


def _dictionary(text: bytes) -> bytes:
    """The balanced << … >> that `text` starts with (all of it when unbalanced)."""
    depth, pos = 0, 0
    while pos < len(text) - 1:
        pair = text[pos : pos + 2]
        if pair == b"<<":
            depth, pos = depth + 1, pos + 2
        elif pair == b">>":
            depth, pos = depth - 1, pos + 2
            if depth == 0:
                return text[:pos]
        else:
            pos += 1
    return text


def _predictor(params: bytes) -> bool:
    found = _PREDICTOR.search(params)
    return found is not None and int(found.group(1)) > 1


def _pixels(head: bytes) -> int:
    width, height = _WIDTH.search(head), _HEIGHT.search(head)
    if width is None or height is None:
        return 0
    return int(width.group(1)) * int(height.group(1))


def _decoded(
    stream: bytes, filters: list[str], predicted: list[bool], room: int, budget: _Budget
) -> int:
    """The size `stream` decodes to through `filters` (as far as they decode), at most `room`
    bytes at every step; `InputError` past it, or past the budget of slow decoding."""
    data = stream
    for i, name in enumerate(filters):
        last = i == len(filters) - 1
        if predicted[i] and not last:
            raise InputError(
                f"{budget.name} 的压缩流使用了无法检查的解码参数（预测器不在最后一步）"
            )
        if name in _PASSED:
            continue
        chunks = _decoder(name, data, budget)
        if chunks is None:  # pdfminer refuses this filter: nothing more is decoded
            return 0 if i == 0 else len(data)
        slow = name in _SLOW or (last and predicted[i])
        size, kept = 0, []
        try:
            for chunk in chunks:
                size += len(chunk)
                if size > room:
                    raise budget.too_large()
                if slow and size > budget.slow:
                    raise budget.too_slow()
                if not last:
                    kept.append(chunk)
        except InputError:
            raise
        except Exception:  # damaged: pdfminer keeps what decoded, or fails on its own
            pass
        if slow:
            budget.slow -= size
        if last:
            return size
        data = b"".join(kept)
    return len(data)


def _decoder(name: str, data: bytes, budget: _Budget) -> Iterator[bytes] | None:
    """The decoded data of one filter, in chunks; None for a filter pdfminer does not decode."""
    if name in _FLATE:
        return _inflate(data)
    if name in _LZW:
        from pdfminer.lzw import LZWDecoder

        return LZWDecoder(io.BytesIO(data)).run()
    if name in _A85:
        return _ascii85(data, budget)
    if name in _HEX:
        return _hex(data)
    if name in _RUNS:
        return _run_length(data)
    return None


def _inflate(data: bytes) -> Iterator[bytes]:
    """Flate, as pdfminer falls back on a damaged stream: what inflates before the damage."""
    inflater = zlib.decompressobj()
    pending = data
    while pending and not inflater.eof:
        yield inflater.decompress(pending, _STEP)
        pending = inflater.unconsumed_tail


def _ascii85(data: bytes, budget: _Budget) -> Iterator[bytes]:
    """ASCII85 decodes to at most 4 bytes a character ("z"): checked before decoding."""
    from pdfminer.ascii85 import ascii85decode

    if 4 * len(data) > budget.slow:
        raise budget.too_slow()
    yield ascii85decode(data)


def _hex(data: bytes) -> Iterator[bytes]:
    from pdfminer.ascii85 import asciihexdecode

    yield asciihexdecode(data)


def _run_length(data: bytes) -> Iterator[bytes]:
    """RunLength (PDF 1.7, 7.4.5), in chunks: each run is one byte of length and its data."""
    pos, out = 0, bytearray()
    while pos < len(data):
        length = data[pos]
        if length == 128:
            break
        if length < 128:
            out += data[pos + 1 : pos + length + 2]
            pos += length + 2
        else:
            out += data[pos + 1 : pos + 2] * (257 - length)
            pos += 2
        if len(out) >= _STEP:
            yield bytes(out)
            out.clear()
    yield bytes(out)


@contextlib.contextmanager
def closing(pdf: Any) -> Iterator[Any]:
    """The pdfplumber document, closed afterwards even when closing fails: its `close` walks the
    page tree again, which in a broken file raises anew while the first error is being told."""
    try:
        yield pdf
    finally:
        with contextlib.suppress(Exception):
            pdf.close()
