#include "core/ExactJson.h"

#include "core/ErrorCodes.h"

#include <vector>

namespace sigma::core {
namespace {

// Builds the DOM like nlohmann's own SAX DOM parser, but keeps decimals as text.
class ExactSax final : public nlohmann::json_sax<Json> {
public:
    explicit ExactSax(std::size_t maxDepth) : m_maxDepth(maxDepth) {}

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool value) override { return put(Json(value)); }
    bool number_integer(number_integer_t value) override { return put(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return put(Json(value)); }
    bool number_float(number_float_t, const string_t& literal) override { return put(Json(literal)); }
    bool string(string_t& value) override { return put(Json(std::move(value))); }
    bool binary(binary_t& value) override { return put(Json::binary(std::move(value))); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool key(string_t& value) override
    {
        m_key = std::move(value);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_array() override { return close(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override
    {
        m_error = Error(errc::kMalformedJson, "malformed JSON at byte " + std::to_string(position) + ": " +
                                                  std::string(ex.what()).substr(0, 200));
        return false;
    }

    Json& root() { return m_root; }
    const Error& error() const { return m_error; }
    bool failed() const { return m_error.code != 0; }

private:
    Json* slotFor(Json&& value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        Json& parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        Json& slot = parent[m_key];
        slot = std::move(value);
        return &slot;
    }

    bool put(Json&& value)
    {
        slotFor(std::move(value));
        return true;
    }

    bool open(Json&& container)
    {
        if (m_stack.size() >= m_maxDepth) {
            m_error = Error(errc::kMalformedJson, "JSON nested deeper than " + std::to_string(m_maxDepth) + " levels");
            return false;
        }
        m_stack.push_back(slotFor(std::move(container)));
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    std::size_t m_maxDepth;
    Json m_root;
    std::vector<Json*> m_stack;
    std::string m_key;
    Error m_error;
};

} // namespace

Result<Json> parseJsonExact(std::string_view text, std::size_t maxDepth)
{
    ExactSax sax(maxDepth);
    const bool parsed = Json::sax_parse(text.begin(), text.end(), &sax, Json::input_format_t::json, true, false);
    if (!parsed || sax.failed()) {
        if (sax.failed()) {
            return sax.error();
        }
        return Error(errc::kMalformedJson, "malformed JSON");
    }
    return std::move(sax.root());
}

Result<Money> moneyFromJson(const Json& value, const std::string& field)
{
    Result<Money> parsed = Error(errc::kBadMoney, "");
    if (value.is_number_integer()) {
        const auto roubles = value.get<std::int64_t>();
        if (roubles > Money::kRegisterLimitKopecks / 100 || roubles < -Money::kRegisterLimitKopecks / 100) {
            return Error(errc::kMoneyOutOfRange, "amount " + std::to_string(roubles) + " is beyond the limit", field);
        }
        return Money::fromRoubles(roubles);
    }
    if (value.is_number_float()) {
        // Built in code, not parsed: its shortest text is the decimal it was meant to be.
        parsed = Money::parse(value.dump());
    } else if (value.is_string()) {
        parsed = Money::parse(value.get_ref<const std::string&>());
    } else {
        return Error(errc::kBadMoney, "expected an amount (number or string), got " + std::string(value.type_name()),
                     field);
    }
    if (!parsed) {
        return Error(parsed.error().code, parsed.error().message, field);
    }
    return parsed;
}

Result<Quantity> quantityFromJson(const Json& value, const std::string& field)
{
    Result<Quantity> parsed = Error(errc::kBadQuantity, "");
    if (value.is_number_unsigned() || value.is_number_integer()) {
        const auto count = value.get<std::int64_t>();
        if (count < 0) {
            return Error(errc::kNonPositiveQuantity, "quantity must be above zero, got " + std::to_string(count), field);
        }
        if (count > Quantity::kMaxThousandths / 1000) {
            return Error(errc::kQuantityOutOfRange, "quantity " + std::to_string(count) + " is beyond the limit", field);
        }
        return Quantity::pieces(count);
    }
    if (value.is_number_float()) {
        parsed = Quantity::parse(value.dump());
    } else if (value.is_string()) {
        parsed = Quantity::parse(value.get_ref<const std::string&>());
    } else {
        return Error(errc::kBadQuantity, "expected a quantity (number or string), got " + std::string(value.type_name()),
                     field);
    }
    if (!parsed) {
        return Error(parsed.error().code, parsed.error().message, field);
    }
    return parsed;
}

Result<std::string> stringFromJson(const Json& value, const std::string& field)
{
    if (!value.is_string()) {
        return Error(errc::kInvalidArgument, "expected a string, got " + std::string(value.type_name()), field);
    }
    return value.get<std::string>();
}

} // namespace sigma::core
