#!/usr/bin/env python3
"""Writes the seed corpus of the TLV decoder fuzz target (tests/fuzz/corpus/tlv/).

Independent of the C++ encoder on purpose: the bytes are built here from the wire format
(tag uint16 LE, length uint16 LE, value). Valid documents, truncations, nesting at and past the
depth limit, and values that do not fit their tag's type. Run from anywhere; it rewrites the files.
Files that libFuzzer found (crash-*, minimised inputs) are added next to these by hand and are not
touched by this script.
"""
import os
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tlv")


def tlv(tag, value):
    return struct.pack("<HH", tag, len(value)) + value


def vln(tag, number, length=None):
    if length is None:
        length = max(1, (number.bit_length() + 7) // 8)
    return tlv(tag, number.to_bytes(length, "little"))


def fvln(tag, decimals, number):
    return tlv(tag, bytes([decimals]) + number.to_bytes(max(1, (number.bit_length() + 7) // 8), "little"))


def text(tag, s):
    return tlv(tag, s.encode("cp866", errors="replace"))


def byte(tag, b):
    return tlv(tag, bytes([b]))


def unixtime(tag, seconds):
    return tlv(tag, struct.pack("<I", seconds))


def stlv(tag, *children):
    return tlv(tag, b"".join(children))


SIGN = bytes([0x00, 0x01, 0x59, 0x11, 0x99, 0x9C])  # printed as 1494325660

BREAD = stlv(1059, text(1030, "Хлеб"), vln(1079, 4590), fvln(1023, 0, 1), vln(1043, 4590),
             byte(1199, 11), byte(1214, 4), byte(1212, 1), byte(2108, 0))
CHEESE = stlv(1059, text(1030, "Сыр Российский, кг"), vln(1079, 89990), fvln(1023, 3, 125),
              vln(1043, 11249), byte(1199, 11), byte(1214, 4), byte(1212, 1), byte(2108, 11),
              vln(1200, 2028), stlv(1224, text(1225, "ООО Ромашка"), text(1226, "7707083893")))
RECEIPT = stlv(3, unixtime(1012, 1796398245), vln(1040, 71, 4), vln(1038, 12, 4), vln(1042, 1, 4),
               text(1041, "9999078900000961"), text(1037, "0000000001055823"),
               text(1018, "7707083893"), text(1048, "ООО \"Сигма\""), text(1009, "г. Москва, ул. Ленина, 1"),
               text(1021, "Кассир Иванов Ё ё №"), text(1203, "500100732259"), byte(1054, 1), byte(1055, 1),
               BREAD, CHEESE, vln(1020, 15839), vln(1031, 15839), vln(1081, 0), vln(1215, 0), vln(1216, 0),
               vln(1217, 0), vln(1102, 0), tlv(1077, SIGN), byte(1209, 4))


def nested(levels):
    node = vln(1079, 1)
    for _ in range(levels):
        node = stlv(1059, node)
    return node


FILES = {
    "empty.bin": b"",
    "total_vln.bin": vln(1020, 39075),
    "total_vln_3_bytes.bin": vln(1020, 39075, 3),
    "quantity_fvln.bin": fvln(1023, 3, 125) + fvln(1023, 9, 2**64 - 1),
    "strings_cp866.bin": text(1021, "Кассир Иванов Ё ё №") + text(1048, "ИП Петров") + tlv(1009, bytes(range(256))),
    "item_bread.bin": BREAD,
    "receipt_full.bin": RECEIPT,
    "open_shift.bin": stlv(2, unixtime(1012, 1796385600), vln(1038, 12, 4), text(1021, "Иванов"),
                           vln(1040, 70, 4), tlv(1077, SIGN), vln(1097, 0), unixtime(1098, 0)),
    "correction_receipt.bin": stlv(31, byte(1173, 0), stlv(1174, text(1177, "Ошибка"), unixtime(1178, 1796300000),
                                                            text(1179, "б/н")), vln(1020, 100), vln(1031, 100)),
    "unknown_tags.bin": tlv(60000, b"\xde\xad\xbe\xef") + tlv(0, b"") + tlv(0xFFFF, b"\x01"),
    "nested_depth8.bin": nested(8),
    "nested_depth9_too_deep.bin": nested(9),
    "truncated_header.bin": vln(1020, 39075)[:3],
    "truncated_value.bin": struct.pack("<HH", 1020, 5) + b"\xa3\x98",
    "truncated_receipt.bin": RECEIPT[: len(RECEIPT) // 2],
    "child_past_stlv.bin": struct.pack("<HH", 1059, 6) + struct.pack("<HH", 1030, 5) + b"ABCDE",
    "bad_vln_9_bytes.bin": tlv(1020, bytes(9)),
    "bad_fvln_decimals.bin": tlv(1023, b"\x0a\x01"),
    "bad_unixtime_3_bytes.bin": tlv(1012, b"\x01\x02\x03"),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in FILES.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(FILES)} files to {OUT}")


if __name__ == "__main__":
    main()
