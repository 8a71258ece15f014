#include "fiscal/FiscalParams.h"

#include "fiscal/AtolErrors.h"

namespace sigma::fiscal {
namespace {

core::Result<std::uint32_t> readNumber(const core::Json& params, const char* key, bool required)
{
    if (!params.contains(key)) {
        if (required) {
            return atolError(atol::kJsonMissingField, "fiscalParams has no number", std::string("fiscalParams.") + key);
        }
        return 0U;
    }
    const core::Json& value = params[key];
    // Numbers parsed from text are unsigned; numbers built in code may be signed: accept both.
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 0xFFFFFFFFLL) {
        return atolError(atol::kJsonInvalidValue, "expected a non-negative number", std::string("fiscalParams.") + key);
    }
    return static_cast<std::uint32_t>(value.get<std::uint64_t>());
}

core::Result<std::string> readString(const core::Json& params, const char* key, bool required)
{
    if (!params.contains(key)) {
        if (required) {
            return atolError(atol::kJsonMissingField, "fiscalParams has no value", std::string("fiscalParams.") + key);
        }
        return std::string();
    }
    if (!params[key].is_string()) {
        return atolError(atol::kJsonInvalidValue, "expected a string", std::string("fiscalParams.") + key);
    }
    return params[key].get<std::string>();
}

} // namespace

core::Result<FiscalParams> parseFiscalParams(const core::Json& result)
{
    if (!result.is_object() || !result.contains("fiscalParams") || !result["fiscalParams"].is_object()) {
        return atolError(atol::kJsonMissingField, "result has no fiscalParams", "fiscalParams");
    }
    const core::Json& params = result["fiscalParams"];
    FiscalParams out;
    SIGMA_ASSIGN_OR_RETURN(out.fiscalDocumentNumber, readNumber(params, "fiscalDocumentNumber", true));
    SIGMA_ASSIGN_OR_RETURN(out.fiscalDocumentSign, readString(params, "fiscalDocumentSign", true));
    SIGMA_ASSIGN_OR_RETURN(out.fiscalDocumentDateTime, readString(params, "fiscalDocumentDateTime", true));
    SIGMA_ASSIGN_OR_RETURN(out.fnNumber, readString(params, "fnNumber", true));
    SIGMA_ASSIGN_OR_RETURN(out.fiscalReceiptNumber, readNumber(params, "fiscalReceiptNumber", false));
    SIGMA_ASSIGN_OR_RETURN(out.shiftNumber, readNumber(params, "shiftNumber", false));
    SIGMA_ASSIGN_OR_RETURN(out.registrationNumber, readString(params, "registrationNumber", false));
    SIGMA_ASSIGN_OR_RETURN(out.fnsUrl, readString(params, "fnsUrl", false));
    if (params.contains("total")) {
        auto total = core::moneyFromJson(params["total"], "fiscalParams.total");
        if (!total) {
            return atolError(atol::kJsonInvalidValue, total.error().message, "fiscalParams.total");
        }
        out.total = *total;
    }
    return out;
}

core::Json toJson(const FiscalParams& params)
{
    return {
        {"fiscalDocumentNumber", params.fiscalDocumentNumber},
        {"fiscalDocumentSign", params.fiscalDocumentSign},
        {"fiscalDocumentDateTime", params.fiscalDocumentDateTime},
        {"fiscalReceiptNumber", params.fiscalReceiptNumber},
        {"shiftNumber", params.shiftNumber},
        {"fnNumber", params.fnNumber},
        {"registrationNumber", params.registrationNumber},
        {"total", params.total.toDouble()},
        {"fnsUrl", params.fnsUrl},
    };
}

} // namespace sigma::fiscal
