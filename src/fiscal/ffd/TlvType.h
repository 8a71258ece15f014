#pragma once

#include <string_view>

namespace sigma::fiscal::ffd {

/// How the value of an FFD TLV is encoded (the tag dictionary says which type a tag has).
enum class TlvType {
    Vln = 1,  ///< unsigned little-endian integer, 1-8 bytes (money in kopecks, counters)
    Fvln,     ///< one byte of decimal places, then an unsigned little-endian integer (quantities)
    UnixTime, ///< uint32 little-endian seconds since 1970 (the register's local time)
    Byte,     ///< a single byte (codes, flags, bit masks)
    String,   ///< text in CP866
    Bytes,    ///< raw bytes (fiscal sign, product codes, unknown tags)
    Stlv,     ///< a nested list of TLVs
};

/// "vln", "fvln", "unixtime", "byte", "string", "bytes", "stlv".
std::string_view tlvTypeName(TlvType type);

} // namespace sigma::fiscal::ffd
