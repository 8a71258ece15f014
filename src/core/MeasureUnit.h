#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// Unit of a line's quantity, FFD 1.2 tag 2108.
enum class MeasureUnit {
    Piece = 1,
    Gram,
    Kilogram,
    Ton,
    Centimeter,
    Decimeter,
    Meter,
    SquareCentimeter,
    SquareDecimeter,
    SquareMeter,
    Milliliter,
    Liter,
    CubicMeter,
    KilowattHour,
    Gcal,
    Day,
    Hour,
    Minute,
    Second,
    Kilobyte,
    Megabyte,
    Gigabyte,
    Terabyte,
    Other,
};

inline constexpr EnumTable<MeasureUnit, 24> kMeasureUnits = {{
    {MeasureUnit::Piece, "piece", 0, "шт"},
    {MeasureUnit::Gram, "gram", 10, "г"},
    {MeasureUnit::Kilogram, "kilogram", 11, "кг"},
    {MeasureUnit::Ton, "ton", 12, "т"},
    {MeasureUnit::Centimeter, "centimeter", 20, "см"},
    {MeasureUnit::Decimeter, "decimeter", 21, "дм"},
    {MeasureUnit::Meter, "meter", 22, "м"},
    {MeasureUnit::SquareCentimeter, "squareCentimeter", 30, "кв. см"},
    {MeasureUnit::SquareDecimeter, "squareDecimeter", 31, "кв. дм"},
    {MeasureUnit::SquareMeter, "squareMeter", 32, "кв. м"},
    {MeasureUnit::Milliliter, "milliliter", 40, "мл"},
    {MeasureUnit::Liter, "liter", 41, "л"},
    {MeasureUnit::CubicMeter, "cubicMeter", 42, "куб. м"},
    {MeasureUnit::KilowattHour, "kilowattHour", 50, "кВт·ч"},
    {MeasureUnit::Gcal, "gkal", 51, "Гкал"},
    {MeasureUnit::Day, "day", 70, "сутки"},
    {MeasureUnit::Hour, "hour", 71, "час"},
    {MeasureUnit::Minute, "minute", 72, "мин"},
    {MeasureUnit::Second, "second", 73, "с"},
    {MeasureUnit::Kilobyte, "kilobyte", 80, "Кбайт"},
    {MeasureUnit::Megabyte, "megabyte", 81, "Мбайт"},
    {MeasureUnit::Gigabyte, "gigabyte", 82, "Гбайт"},
    {MeasureUnit::Terabyte, "terabyte", 83, "Тбайт"},
    {MeasureUnit::Other, "otherUnits", 255, "иные ед."},
}};

/// Accepts a name ("kilogram") or the tag 2108 code as a decimal string ("11").
Result<MeasureUnit> parseMeasureUnit(std::string_view nameOrCode);
Result<MeasureUnit> measureUnitFromCode(int code);
std::string_view measureUnitName(MeasureUnit unit);
int measureUnitCode(MeasureUnit unit);
/// Pieces must be whole; every other unit takes three decimals (weighed, measured goods).
bool measureUnitAllowsFractions(MeasureUnit unit);

} // namespace sigma::core
