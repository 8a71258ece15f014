#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// Taxation system of the seller (СНО), tag 1055.
enum class TaxSystem {
    Osn = 1,
    UsnIncome,
    UsnIncomeOutcome,
    Esn,
    Patent,
};

inline constexpr EnumTable<TaxSystem, 5> kTaxSystems = {{
    {TaxSystem::Osn, "osn", 1, "ОСН"},
    {TaxSystem::UsnIncome, "usnIncome", 2, "УСН доход"},
    {TaxSystem::UsnIncomeOutcome, "usnIncomeOutcome", 4, "УСН доход минус расход"},
    {TaxSystem::Esn, "esn", 16, "ЕСХН"},
    {TaxSystem::Patent, "patent", 32, "Патент"},
}};

Result<TaxSystem> parseTaxSystem(std::string_view name);
std::string_view taxSystemName(TaxSystem system);
/// The tag 1055 bit of this system.
int taxSystemBit(TaxSystem system);

} // namespace sigma::core
