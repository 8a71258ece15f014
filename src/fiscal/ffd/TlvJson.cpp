#include "fiscal/ffd/TlvJson.h"

#include "fiscal/ffd/FiscalSign.h"
#include "fiscal/ffd/Tags.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace sigma::fiscal::ffd {
namespace {

std::string toHex(const std::vector<std::uint8_t>& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

std::string decimalText(const FvlnValue& fvln)
{
    std::string digits = std::to_string(fvln.value);
    if (fvln.decimals == 0) {
        return digits;
    }
    if (digits.size() <= fvln.decimals) {
        digits.insert(0, fvln.decimals + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - fvln.decimals, ".");
    return digits;
}

std::string isoTime(std::int64_t seconds)
{
    using namespace std::chrono;
    const sys_seconds time{std::chrono::seconds{seconds}};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return text;
}

template <typename T> bool putValue(core::Json& out, const core::Result<T>& value, const TlvNode& node)
{
    if (!value.ok()) {
        out["value"] = toHex(node.value());
        out["error"] = value.error().message;
        return false;
    }
    return true;
}

core::Json nodeToJson(const TlvNode& node, const TagSchema& schema)
{
    core::Json out = core::Json::object();
    out["tag"] = node.tag();
    if (const TagInfo* info = schema.find(node.tag())) {
        out["name"] = std::string(info->key);
    }
    switch (node.type()) {
    case TlvType::Stlv:
        out["items"] = toJson(node.children(), schema);
        break;
    case TlvType::Vln:
        if (auto value = node.asVln(); putValue(out, value, node)) {
            out["value"] = *value;
        }
        break;
    case TlvType::Byte:
        if (auto value = node.asByte(); putValue(out, value, node)) {
            out["value"] = *value;
        }
        break;
    case TlvType::Fvln:
        if (auto value = node.asFvln(); putValue(out, value, node)) {
            out["value"] = decimalText(*value);
        }
        break;
    case TlvType::UnixTime:
        if (auto value = node.asUnixTime(); putValue(out, value, node)) {
            out["value"] = *value;
            out["time"] = isoTime(*value);
        }
        break;
    case TlvType::String:
        out["value"] = node.asString().valueOr(std::string{});
        break;
    case TlvType::Bytes:
        out["value"] = toHex(node.value());
        if (node.tag() == tag::kFiscalSign) {
            if (auto sign = parseFiscalSign(node.value()); sign.ok()) {
                out["printed"] = *sign;
            }
        }
        break;
    }
    return out;
}

} // namespace

core::Json toJson(const std::vector<TlvNode>& nodes, const TagSchema& schema)
{
    core::Json out = core::Json::array();
    for (const auto& node : nodes) {
        out.push_back(nodeToJson(node, schema));
    }
    return out;
}

} // namespace sigma::fiscal::ffd
