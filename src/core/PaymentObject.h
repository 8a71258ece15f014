#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// Subject of a line (признак предмета расчёта), tag 1212, FFD 1.2 codes.
enum class PaymentObject {
    Commodity = 1,
    Excise,
    Job,
    Service,
    GamblingBet,
    GamblingPrize,
    Lottery,
    LotteryPrize,
    IntellectualActivity,
    Payment,
    AgentCommission,
    Composite,
    Another,
    ProprietaryLaw,
    NonOperatingIncome,
    InsuranceContributions,
    MerchantTax,
    ResortFee,
    Deposit,
    Consumption,
    SoleProprietorCpiContributions,
    CpiContributions,
    SoleProprietorCmiContributions,
    CmiContributions,
    CsiContributions,
    CasinoPayment,
    FundsIssuance,
    ExciseWithoutMarking,
    ExciseWithMarking,
    CommodityWithoutMarking,
    CommodityWithMarking,
};

// Names as ATOL's JSON interface spells them; aliases are older or alternative spellings seen in
// public clients. Codes 28-29 are unassigned in FFD 1.2.
inline constexpr EnumTable<PaymentObject, 31> kPaymentObjects = {{
    {PaymentObject::Commodity, "commodity", 1, "Товар"},
    {PaymentObject::Excise, "excise", 2, "Подакцизный товар"},
    {PaymentObject::Job, "job", 3, "Работа"},
    {PaymentObject::Service, "service", 4, "Услуга"},
    {PaymentObject::GamblingBet, "gamblingBet", 5, "Ставка азартной игры"},
    {PaymentObject::GamblingPrize, "gamblingPrize", 6, "Выигрыш азартной игры"},
    {PaymentObject::Lottery, "lottery", 7, "Лотерейный билет"},
    {PaymentObject::LotteryPrize, "lotteryPrize", 8, "Выигрыш лотереи"},
    {PaymentObject::IntellectualActivity, "intellectualActivity", 9, "Результаты интеллектуальной деятельности"},
    {PaymentObject::Payment, "payment", 10, "Платёж"},
    {PaymentObject::AgentCommission, "agentCommission", 11, "Агентское вознаграждение"},
    {PaymentObject::Composite, "composite", 12, "Выплата", "pay"},
    {PaymentObject::Another, "another", 13, "Иной предмет расчёта"},
    {PaymentObject::ProprietaryLaw, "proprietaryLaw", 14, "Имущественное право"},
    {PaymentObject::NonOperatingIncome, "nonOperatingIncome", 15, "Внереализационный доход"},
    {PaymentObject::InsuranceContributions, "insuranceContributions", 16, "Иные платежи и взносы",
     "otherContributions"},
    {PaymentObject::MerchantTax, "merchantTax", 17, "Торговый сбор"},
    {PaymentObject::ResortFee, "resortFee", 18, "Туристический налог"},
    {PaymentObject::Deposit, "deposit", 19, "Залог"},
    {PaymentObject::Consumption, "consumption", 20, "Расход"},
    {PaymentObject::SoleProprietorCpiContributions, "soleProprietorCPIContributions", 21,
     "Взносы на ОПС ИП"},
    {PaymentObject::CpiContributions, "cpiContributions", 22, "Взносы на ОПС"},
    {PaymentObject::SoleProprietorCmiContributions, "soleProprietorCMIContributions", 23, "Взносы на ОМС ИП",
     "soleProprietorMIContributions"},
    {PaymentObject::CmiContributions, "cmiContributions", 24, "Взносы на ОМС", "miContributions"},
    {PaymentObject::CsiContributions, "csiContributions", 25, "Взносы на ОСС"},
    {PaymentObject::CasinoPayment, "casinoPayment", 26, "Платёж казино"},
    {PaymentObject::FundsIssuance, "fundsIssuance", 27, "Выдача денежных средств"},
    {PaymentObject::ExciseWithoutMarking, "exciseWithoutMarking", 30, "Подакцизный товар без кода маркировки"},
    {PaymentObject::ExciseWithMarking, "exciseWithMarking", 31, "Подакцизный товар с кодом маркировки"},
    {PaymentObject::CommodityWithoutMarking, "commodityWithoutMarking", 32, "Товар без кода маркировки"},
    {PaymentObject::CommodityWithMarking, "commodityWithMarking", 33, "Товар с кодом маркировки"},
}};

Result<PaymentObject> parsePaymentObject(std::string_view name);
std::string_view paymentObjectName(PaymentObject object);
int paymentObjectCode(PaymentObject object);

} // namespace sigma::core
