#include "fiscal/ffd/TlvType.h"

namespace sigma::fiscal::ffd {

std::string_view tlvTypeName(TlvType type)
{
    switch (type) {
    case TlvType::Vln:
        return "vln";
    case TlvType::Fvln:
        return "fvln";
    case TlvType::UnixTime:
        return "unixtime";
    case TlvType::Byte:
        return "byte";
    case TlvType::String:
        return "string";
    case TlvType::Bytes:
        return "bytes";
    case TlvType::Stlv:
        return "stlv";
    }
    return "bytes";
}

} // namespace sigma::fiscal::ffd
