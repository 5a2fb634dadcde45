#!/usr/bin/env python3
"""Writes the bad-input set (testdata/bad/). Run from the repository root:
python3 testdata/bad/.make_bad.py. The output is committed; reruns give the
same bytes (fixed random seed, fixed zip timestamps). loop is a symlink to
its own directory, committed as a git symlink; the 50 MB single-line file is
made by extract/badinput_test.go in a temporary directory, not committed."""
import io
import os
import random
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def zip_entry(z, name, data, compress=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = compress
    z.writestr(info, data)


def main():
    # empty.txt: zero bytes.
    write("empty.txt", b"")

    # binary.bin: random bytes with NULs, like an image or a database page.
    rng = random.Random(20240101)
    blob = bytearray(rng.getrandbits(8) for _ in range(4096))
    for i in range(0, len(blob), 7):
        blob[i] = 0
    write("binary.bin", bytes(blob))

    # truncated-utf8.txt: a valid bulletin cut in the middle of the
    # three-byte UTF-8 sequence of its last character.
    text = "工作简报\n全县开展宣讲活动697场次，受教育群众55373人次。\n下一步将继续开展".encode("utf-8")
    write("truncated-utf8.txt", text + "活".encode("utf-8")[:2])

    # corrupt.docx: a zip local file header for word/document.xml, then garbage.
    header = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 16 + b"\x11\x00\x00\x00" + b"word/document.xml"
    write("corrupt.docx", header + bytes(rng.getrandbits(8) for _ in range(512)))

    # bomb.docx: a well-formed package whose word/document.xml inflates to
    # 80 MiB (more than the reader's 64 MiB limit per part) of spaces inside
    # a valid XML document.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        zip_entry(z, "[Content_Types].xml",
                  b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  b'<Default Extension="xml" ContentType="application/xml"/></Types>')
        head = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        tail = b"</w:t></w:r></w:p></w:body></w:document>"
        info = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as w:
            w.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(80):
                w.write(chunk)
            w.write(tail)
    write("bomb.docx", buf.getvalue())

    # good.txt: a small, ordinary bulletin.
    write("good.txt", "工作简报\n2024年第1期\n\n本月全镇开展政策宣讲活动12场次，受教育群众860人次，发放宣传资料1500余份。\n".encode("utf-8"))

    # loop -> . : a directory symlink loop.
    link = os.path.join(HERE, "loop")
    if not os.path.islink(link):
        os.symlink(".", link)


if __name__ == "__main__":
    main()
