"""Files that must not break a load, generated the way they arrive: bombs, deep nesting, bad encodings,
corrupt packages, truncations. Each maker writes one file and returns its path; BAD lists them with the
words the refusal must contain, GOOD the ones that must load (in every encoding we read) with their title."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLES
from tests.twins import to_docx, to_pdf

# A short plan, in simplified and in traditional characters (as a Taiwan or Hong Kong office saves it, in Big5).
PLAN = ("{title}\n一、总体要求\n（一）推广节水器具。到2025年，全市节水器具普及率达到90%以上。（市水利局负责）\n"
        "二、重点任务\n（一）建设节水型社会。完成节水型单位建设30个。（市住房城乡建设局牵头）\n")
TRADITIONAL = ("{title}\n一、總體要求\n（一）推廣節水器具。到2025年，全縣節水器具普及率達到90%以上。（縣水利局負責）\n"
               "二、重點任務\n（一）建設節水型社會。完成節水型單位建設30個。（縣住房城鄉建設局牽頭）\n")
SAMPLE = (SAMPLES / "001_7198047be529bd92.txt").read_text(encoding="utf-8")


def _zip(path: Path, parts: dict[str, bytes | int], level: int = 9) -> Path:
    """A zip of `parts`; an int is that many zero bytes, streamed (so a bomb costs no memory to make)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=content > 2**31) as part:
                chunk = bytes(16 << 20)
                for _ in range(content // len(chunk)):
                    part.write(chunk)
    return path


def _docx_parts(path: Path) -> dict[str, bytes]:
    source = to_docx("某某市方案\n一、任务\n（一）推广节水。（市水利局负责）\n", path.with_suffix(".seed.docx"))
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    source.unlink()
    return parts


def zip_bomb(path: Path, unpacked: int = 300 << 20) -> Path:
    parts = _docx_parts(path)
    parts["word/document.xml"] = unpacked
    return _zip(path, parts, level=1)


def compressed_part(path: Path) -> Path:
    parts = _docx_parts(path)
    parts["word/media/blank.bin"] = 64 << 20  # under the size limit, packed about 1000 to 1
    return _zip(path, parts, level=1)


def lying_zip(path: Path) -> Path:
    """A docx whose document.xml unpacks to 64 MB but whose directory says 1,000 bytes."""
    parts = _docx_parts(path)
    parts["word/document.xml"] = 64 << 20
    data = bytearray(_zip(path, parts, level=1).read_bytes())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 1000)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def _docx_with_document(path: Path, transform: Callable[[str], str]) -> Path:
    parts = _docx_parts(path)
    parts["word/document.xml"] = transform(parts["word/document.xml"].decode()).encode()
    return _zip(path, parts)


def malformed_docx(path: Path) -> Path:
    return _docx_with_document(path, lambda xml: xml[: len(xml) // 2])


def deep_docx(path: Path) -> Path:
    return _docx_with_document(path, lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:sdt>" * 300, 1)
                               .replace("</w:body>", "</w:sdt>" * 300 + "</w:body>"))


def not_a_word_zip(path: Path) -> Path:
    return _zip(path, {"[Content_Types].xml": b"<Types/>", "notes.txt": "一、总体要求".encode()})


def truncated(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def cut(path: Path) -> Path:
        data = make(path).read_bytes()
        path.write_bytes(data[: len(data) // 3])
        return path
    return cut


def pdf_bomb(path: Path, unpacked: int = 768 << 20) -> Path:
    """A one-page PDF whose content stream inflates to `unpacked` bytes of zeros."""
    compressor = zlib.compressobj(1)
    chunk = bytes(16 << 20)
    stream = b"".join([*(compressor.compress(chunk) for _ in range(unpacked // len(chunk))), compressor.flush()])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def deep_html(path: Path, depth: int = 10_000) -> Path:
    path.write_text("<html><body>" + "<div>" * depth + "一、总体要求" + "</div>" * depth + "</body></html>")
    return path


def long_line(path: Path, characters: int = 3_500_000) -> Path:
    path.write_text("一、总体要求\n" + "节" * characters + "\n", encoding="utf-8")  # about 10 MB on one line
    return path


def huge_file(path: Path, size: int = 60 << 20) -> Path:
    with path.open("wb") as file:
        file.truncate(size)  # sparse: the size is what counts
    return path


def write(data: bytes) -> Callable[[Path], Path]:
    def maker(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return maker


def html_page(body: str, declared: str, codec: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines())
    return (f"<html><head><meta charset='{declared}'><title>方案</title></head><body><div class='article'>"
            f"{paragraphs}</div></body></html>").encode(codec)


# name → (maker, words the refusal names)
BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "bomb.docx": (zip_bomb, "limit: decompressed size"),
    "packed.docx": (compressed_part, "limit: compression ratio"),
    "liar.docx": (lying_zip, "not a readable .docx"),
    "malformed.docx": (malformed_docx, "malformed XML"),
    "deep.docx": (deep_docx, "limit: nesting depth"),
    "letters.docx": (not_a_word_zip, "not a Word document"),
    "cut.docx": (truncated(lambda p: to_docx(SAMPLE, p)), "not a readable .docx"),
    "cut.pdf": (truncated(lambda p: to_pdf(SAMPLE[:3000], p)), "not a readable PDF"),
    "bomb.pdf": (pdf_bomb, "limit: memory per file"),
    "deep.html": (deep_html, "limit: nesting depth"),
    "bom-then-junk.txt": (write(b"\xef\xbb\xbf" + "一、总体要求\n".encode() + b"\xff\xfe\x80\x81"), "byte-order mark"),
    "big5-with-gbk.txt": (write(TRADITIONAL.format(title="某縣方案").encode("cp950") + "人民".encode("gb18030")),
                          "garbled"),
    "binary.txt": (write(bytes(range(256)) * 64), "binary"),
    "empty.txt": (write(b""), "empty"),
    "cut-utf8.txt": (write((SAMPLE + "节约用水").encode("utf-8")[:-1]), "truncated"),
    "long-line.txt": (long_line, "limit: line length"),
    "huge.txt": (huge_file, "limit: file size"),
}
# name → (maker, the title its Document must have: decoded right, not garbled)
GOOD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "gbk.txt": (write(PLAN.format(title="甲市节约用水行动方案").encode("gb18030")), "甲市节约用水行动方案"),
    "utf16.txt": (write(PLAN.format(title="乙市节约用水行动方案").encode("utf-16")), "乙市节约用水行动方案"),
    "utf16-be.txt": (write(b"\xfe\xff" + PLAN.format(title="丙市节约用水行动方案").encode("utf-16-be")),
                     "丙市节约用水行动方案"),
    "utf8-bom.txt": (write(PLAN.format(title="丁市节约用水行动方案").encode("utf-8-sig")), "丁市节约用水行动方案"),
    "big5.txt": (write(TRADITIONAL.format(title="戊縣節約用水行動方案").encode("cp950")), "戊縣節約用水行動方案"),
    "big5-page.html": (write(html_page(TRADITIONAL.format(title="己縣節約用水行動方案"), "big5", "cp950")),
                       "己縣節約用水行動方案"),
    "big5-labelled-gb2312.html": (write(html_page(TRADITIONAL.format(title="庚縣節約用水行動方案"), "gb2312", "cp950")),
                                  "庚縣節約用水行動方案"),
}
