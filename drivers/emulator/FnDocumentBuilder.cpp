#include "drivers/emulator/FnDocumentBuilder.h"

#include "crypto/Hex.h"
#include "crypto/Hmac.h"
#include "fiscal/ffd/FiscalSign.h"
#include "fiscal/ffd/Tags.h"
#include "fiscal/ffd/TlvCodec.h"

#include <map>

namespace sigma::drivers::emulator {
namespace {

namespace tag = fiscal::ffd::tag;
using fiscal::ffd::TlvNode;

// The tag that carries a receipt's VAT total at each rate. FFD 1.2 has tags for 20, 10, 0, none,
// 20/120 and 10/110; the 22% rates reuse the 20% tags (the law replaced the rate, not the tag:
// *unconfirmed*), and 5% / 7% have no receipt-level tag (their lines carry 1199/1200).
std::optional<std::uint16_t> vatTotalTag(core::VatRate rate)
{
    switch (rate) {
    case core::VatRate::Vat20:
    case core::VatRate::Vat22: return tag::kVat20Total;
    case core::VatRate::Vat10: return tag::kVat10Total;
    case core::VatRate::Vat0: return tag::kVat0Total;
    case core::VatRate::None: return tag::kNoVatTotal;
    case core::VatRate::Vat120:
    case core::VatRate::Vat122: return tag::kVat120Total;
    case core::VatRate::Vat110: return tag::kVat110Total;
    default: return std::nullopt;
    }
}

template <typename T>
TlvNode must(core::Result<T> node)
{
    // Values reaching here were range-checked by the register already; a failure is a bug.
    return node.ok() ? std::move(node).value() : TlvNode::string(tag::kDocumentName, "encoding error");
}

core::Result<SignedDocument> sign(const KktState& state, std::uint16_t documentTag, std::vector<TlvNode> body)
{
    SIGMA_ASSIGN_OR_RETURN(auto unsignedBytes, fiscal::ffd::encode({TlvNode::stlv(documentTag, body)}));
    const auto mac = crypto::hmacSha256(std::span<const std::uint8_t>(state.signKey),
                                        std::span<const std::uint8_t>(unsignedBytes));
    std::array<std::uint8_t, 6> signBytes{};
    std::copy_n(mac.begin(), 6, signBytes.begin());
    SignedDocument doc;
    doc.fiscalSign = fiscal::ffd::fiscalSignFromBytes(signBytes);
    body.push_back(TlvNode::bytes(tag::kFiscalSign, signBytes));
    SIGMA_ASSIGN_OR_RETURN(doc.tlv, fiscal::ffd::encode({TlvNode::stlv(documentTag, std::move(body))}));
    return doc;
}

} // namespace

FnDocumentBuilder::FnDocumentBuilder(const KktState& state, std::uint32_t number, std::int64_t localUnixSeconds,
                                     const fiscal::Operator& op)
    : m_state(state), m_number(number), m_localSeconds(localUnixSeconds), m_operator(op)
{
}

namespace {

std::vector<TlvNode> commonHeader(const KktState& state, std::uint32_t number, std::int64_t localSeconds,
                                  const fiscal::Operator& op)
{
    std::vector<TlvNode> nodes;
    nodes.push_back(TlvNode::string(tag::kUserName, state.organizationName));
    nodes.push_back(TlvNode::string(tag::kUserInn, state.inn));
    nodes.push_back(must(TlvNode::unixTime(tag::kDateTime, localSeconds)));
    nodes.push_back(must(TlvNode::vlnFixed(tag::kFiscalDocumentNumber, number, 4)));
    nodes.push_back(TlvNode::string(tag::kFnNumber, state.fnNumber));
    nodes.push_back(TlvNode::string(tag::kRegistrationNumber, state.registrationNumber));
    if (!op.name.empty()) {
        nodes.push_back(TlvNode::string(tag::kCashier, op.name));
    }
    if (!op.vatin.empty()) {
        nodes.push_back(TlvNode::string(tag::kCashierInn, op.vatin));
    }
    return nodes;
}

} // namespace

core::Result<SignedDocument> FnDocumentBuilder::registration(bool reRegistration, int reasonCode)
{
    auto nodes = commonHeader(m_state, m_number, m_localSeconds, m_operator);
    nodes.push_back(TlvNode::string(tag::kSettlementAddress, m_state.organizationAddress));
    nodes.push_back(TlvNode::byte(tag::kTaxSystems, static_cast<std::uint8_t>(m_state.taxationTypes)));
    nodes.push_back(TlvNode::string(tag::kFnsSite, m_state.fnsUrl));
    nodes.push_back(TlvNode::string(tag::kOfdName, m_state.ofdName));
    nodes.push_back(TlvNode::string(tag::kOfdInn, m_state.ofdInn));
    nodes.push_back(TlvNode::string(tag::kKktSerialNumber, m_state.serialNumber));
    nodes.push_back(TlvNode::byte(tag::kFfdVersion, 4)); // FFD 1.2
    if (reRegistration) {
        nodes.push_back(TlvNode::vln(1205, static_cast<std::uint64_t>(reasonCode))); // reason for re-registration
    }
    return sign(m_state, reRegistration ? tag::kReRegistrationReport : tag::kRegistrationReport, std::move(nodes));
}

core::Result<SignedDocument> FnDocumentBuilder::openShift(std::uint32_t shiftNumber)
{
    auto nodes = commonHeader(m_state, m_number, m_localSeconds, m_operator);
    nodes.push_back(must(TlvNode::vlnFixed(tag::kShiftNumber, shiftNumber, 4)));
    return sign(m_state, tag::kOpenShiftReport, std::move(nodes));
}

core::Result<SignedDocument> FnDocumentBuilder::closeShift(std::uint32_t shiftNumber, std::uint32_t receipts,
                                                           const KktStore::OfdQueue& queue)
{
    auto nodes = commonHeader(m_state, m_number, m_localSeconds, m_operator);
    nodes.push_back(must(TlvNode::vlnFixed(tag::kShiftNumber, shiftNumber, 4)));
    nodes.push_back(must(TlvNode::vlnFixed(tag::kReceiptsInShift, receipts, 4)));
    nodes.push_back(must(TlvNode::vlnFixed(tag::kUnsentDocuments, static_cast<std::uint64_t>(queue.unsentCount), 4)));
    if (queue.unsentCount > 0) {
        nodes.push_back(must(TlvNode::vlnFixed(tag::kFirstUnsentNumber, queue.firstUnsentNumber, 4)));
    }
    return sign(m_state, tag::kCloseShiftReport, std::move(nodes));
}

core::Result<SignedDocument> FnDocumentBuilder::receipt(const FiscalReceipt& r, std::uint32_t shiftNumber,
                                                        std::uint32_t receiptNumber)
{
    auto nodes = commonHeader(m_state, m_number, m_localSeconds, m_operator);
    nodes.push_back(TlvNode::string(tag::kSettlementAddress, m_state.organizationAddress));
    nodes.push_back(must(TlvNode::vlnFixed(tag::kShiftNumber, shiftNumber, 4)));
    nodes.push_back(must(TlvNode::vlnFixed(tag::kReceiptNumber, receiptNumber, 4)));
    nodes.push_back(TlvNode::byte(tag::kOperation, static_cast<std::uint8_t>(r.operation)));
    nodes.push_back(TlvNode::byte(tag::kTaxSystem, static_cast<std::uint8_t>(r.taxationBit)));
    if (!r.clientContact.empty()) {
        nodes.push_back(TlvNode::string(tag::kBuyerContact, r.clientContact));
    }
    if (!r.additionalAttribute.empty()) {
        nodes.push_back(TlvNode::string(tag::kAdditionalReceiptAttribute, r.additionalAttribute));
    }
    if (r.correction) {
        nodes.push_back(TlvNode::byte(tag::kCorrectionType, r.correctionType == "instruction" ? 1 : 0));
        std::vector<TlvNode> basis;
        basis.push_back(TlvNode::string(tag::kCorrectionDate, r.correctionBaseDate));
        if (!r.correctionBaseNumber.empty()) {
            basis.push_back(TlvNode::string(tag::kCorrectionOrderNumber, r.correctionBaseNumber));
        }
        nodes.push_back(TlvNode::stlv(tag::kCorrectionBasis, std::move(basis)));
    }
    std::map<std::uint16_t, std::uint64_t> vatTotals;
    for (const FiscalLine& line : r.lines) {
        std::vector<TlvNode> item;
        item.push_back(TlvNode::string(tag::kItemName, line.name));
        item.push_back(must(TlvNode::money(tag::kPrice, line.price)));
        item.push_back(must(TlvNode::quantity(tag::kQuantity, line.quantity)));
        item.push_back(TlvNode::byte(tag::kMeasureUnit, static_cast<std::uint8_t>(line.measurementUnit)));
        item.push_back(must(TlvNode::money(tag::kItemTotal, line.amount)));
        item.push_back(TlvNode::byte(tag::kVatRate,
                                     static_cast<std::uint8_t>(core::VatTable::standard().info(line.vatRate).tag1199)));
        item.push_back(must(TlvNode::money(tag::kItemVat, line.vatSum)));
        item.push_back(TlvNode::byte(tag::kPaymentObject, static_cast<std::uint8_t>(line.paymentObject)));
        item.push_back(TlvNode::byte(tag::kPaymentMethod, static_cast<std::uint8_t>(line.paymentMethod)));
        if (!line.markingCode.empty()) {
            item.push_back(TlvNode::string(tag::kMarkingCode, line.markingCode));
        }
        nodes.push_back(TlvNode::stlv(tag::kItem, std::move(item)));
        if (auto totalTag = vatTotalTag(line.vatRate)) {
            vatTotals[*totalTag] += static_cast<std::uint64_t>(line.vatSum.kopecks());
        }
    }
    nodes.push_back(must(TlvNode::money(tag::kTotal, r.total)));
    nodes.push_back(must(TlvNode::money(tag::kCashTotal, r.cash - r.change)));
    nodes.push_back(must(TlvNode::money(tag::kElectronicTotal, r.electronically)));
    nodes.push_back(must(TlvNode::money(tag::kPrepaidTotal, r.prepaid)));
    nodes.push_back(must(TlvNode::money(tag::kCreditTotal, r.credit)));
    nodes.push_back(must(TlvNode::money(tag::kOtherTotal, r.other)));
    for (const auto& [totalTag, sum] : vatTotals) {
        nodes.push_back(TlvNode::vln(totalTag, sum));
    }
    return sign(m_state, r.correction ? tag::kCorrectionReceipt : tag::kReceipt, std::move(nodes));
}

core::Result<SignedDocument> FnDocumentBuilder::closeArchive()
{
    auto nodes = commonHeader(m_state, m_number, m_localSeconds, m_operator);
    return sign(m_state, tag::kCloseArchiveReport, std::move(nodes));
}

bool FnDocumentBuilder::verify(const KktState& state, const std::vector<std::uint8_t>& tlv, std::uint32_t fiscalSign)
{
    auto nodes = fiscal::ffd::decode(tlv);
    if (!nodes || nodes->size() != 1 || !(*nodes)[0].isStlv()) {
        return false;
    }
    const TlvNode& root = (*nodes)[0];
    std::vector<TlvNode> body;
    for (const TlvNode& child : root.children()) {
        if (child.tag() != tag::kFiscalSign) {
            body.push_back(child);
        }
    }
    auto unsignedBytes = fiscal::ffd::encode({TlvNode::stlv(root.tag(), body)});
    if (!unsignedBytes) {
        return false;
    }
    const auto mac = crypto::hmacSha256(std::span<const std::uint8_t>(state.signKey),
                                        std::span<const std::uint8_t>(*unsignedBytes));
    std::array<std::uint8_t, 6> signBytes{};
    std::copy_n(mac.begin(), 6, signBytes.begin());
    return fiscal::ffd::fiscalSignFromBytes(signBytes) == fiscalSign;
}

} // namespace sigma::drivers::emulator
