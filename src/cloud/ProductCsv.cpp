#include "cloud/ProductCsv.h"

#include "cloud/SearchKey.h"
#include "core/Barcode.h"
#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/VatRate.h"

#include <charconv>
#include <map>
#include <optional>

namespace sigma::cloud {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::int64_t kMaxPriceKopecks = 9'999'999'999;

enum class Column { Sku = 1, Name, Price, Vat, Unit, Category, Barcodes };

struct ColumnName {
    Column column;
    std::string_view russian; ///< what export writes
    std::string_view english; ///< also accepted on import
};

constexpr ColumnName kColumns[] = {
    {Column::Sku, "Артикул", "sku"},
    {Column::Name, "Наименование", "name"},
    {Column::Price, "Цена", "price"},
    {Column::Vat, "НДС", "vat"},
    {Column::Unit, "Ед. изм.", "unit"},
    {Column::Category, "Категория", "category"},
    {Column::Barcodes, "Штрихкоды", "barcodes"},
};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string quoted(std::string_view field)
{
    if (field.find_first_of(";\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string out = "\"";
    for (const char c : field) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string roubles(std::int64_t kopecks)
{
    std::string text = core::Money::fromKopecks(kopecks).toString();
    text[text.size() - 3] = ',';
    return text;
}

/// A record of the file: its fields and the line it starts on.
struct Record {
    std::int64_t line = 0;
    std::vector<std::string> fields;
};

/// RFC 4180 with ';': quoted fields may hold ';', '""' and line breaks; CRLF, LF or a lone CR end
/// a record. An unterminated quote is reported instead of swallowing the rest of the file.
std::vector<Record> splitRecords(std::string_view text, std::vector<CsvProblem>& problems, std::size_t maxRecords)
{
    std::vector<Record> records;
    std::int64_t line = 1;
    std::size_t i = 0;
    while (i < text.size() && records.size() <= maxRecords) {
        Record record{line, {}};
        std::string field;
        bool done = false;
        bool quotedField = false;
        while (!done) {
            if (i >= text.size()) {
                record.fields.push_back(std::move(field));
                break;
            }
            const char c = text[i];
            if (c == '"' && field.empty() && !quotedField) {
                quotedField = true;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
                        ++line;
                    }
                    field += text[i++];
                }
                if (!closed) {
                    problems.push_back(
                        {record.line, "", "unterminated_quote", "a quoted field is not closed (a \" is missing)"});
                    return records;
                }
                // Text after the closing quote up to the separator is kept, as Excel does.
                continue;
            }
            if (c == ';') {
                record.fields.push_back(std::move(field));
                field.clear();
                quotedField = false;
                ++i;
            } else if (c == '\r' || c == '\n') {
                record.fields.push_back(std::move(field));
                i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
                ++line;
                done = true;
            } else {
                field += c;
                ++i;
            }
        }
        const bool empty = record.fields.size() == 1 && trim(record.fields[0]).empty();
        if (!empty) {
            records.push_back(std::move(record));
        }
    }
    return records;
}

std::optional<std::int64_t> parseUnit(std::string_view text)
{
    const std::string key = searchKey(trim(text));
    if (key.empty()) {
        return 0;
    }
    int code = 0;
    if (auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), code);
        ec == std::errc() && ptr == key.data() + key.size()) {
        return core::measureUnitFromCode(code) ? std::optional<std::int64_t>(code) : std::nullopt;
    }
    for (const auto& entry : core::kMeasureUnits) {
        std::string label = searchKey(entry.label);
        if (key == label || key == label + "." || key == searchKey(entry.name)) {
            return entry.code;
        }
    }
    return std::nullopt;
}

std::string unitLabel(std::int64_t code)
{
    for (const auto& entry : core::kMeasureUnits) {
        if (entry.code == code) {
            return std::string(entry.label);
        }
    }
    return std::to_string(code);
}

/// The line of the first byte that is not UTF-8, or 0. Excel's plain "CSV" is Windows-1251: such a
/// file must be refused with a hint, not stored as garbage (PostgreSQL would refuse it anyway).
std::int64_t firstNonUtf8Line(std::string_view text)
{
    std::int64_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
        }
        std::size_t extra = 0;
        if (byte < 0x80) {
            extra = 0;
        } else if (byte >= 0xC2 && byte <= 0xDF) {
            extra = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            extra = 2;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            extra = 3;
        } else {
            return line;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return line;
            }
        }
        i += extra + 1;
    }
    return 0;
}

} // namespace

std::string ProductCsv::vatLabel(std::string_view atolName)
{
    if (atolName == "none") {
        return "без НДС";
    }
    for (const auto& row : core::VatTable::standard().rows()) {
        if (row.atolName == atolName) {
            return row.calculated ? std::to_string(row.percent) + "/" + std::to_string(100 + row.percent)
                                  : std::to_string(row.percent) + "%";
        }
    }
    return std::string(atolName);
}

std::string ProductCsv::vatFromLabel(std::string_view label)
{
    std::string key;
    for (const char c : searchKey(trim(label))) {
        if (c != ' ') {
            key += c;
        }
    }
    if (key.rfind("ндс", 0) == 0) {
        key.erase(0, std::string_view("ндс").size());
    }
    if (key == "безндс" || key == "без" || key == "none") {
        return "none";
    }
    if (core::VatTable::standard().fromAtolName(key)) {
        return key;
    }
    for (const auto& row : core::VatTable::standard().rows()) {
        if (row.atolName == "none") {
            continue;
        }
        const std::string plain = std::to_string(row.percent) + "%";
        const std::string calculated = std::to_string(row.percent) + "/" + std::to_string(100 + row.percent);
        if (row.calculated ? key == calculated : key == plain) {
            return std::string(row.atolName);
        }
    }
    return {};
}

std::string ProductCsv::header()
{
    std::string out(kBom);
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
        out += (i > 0 ? ";" : "") + std::string(kColumns[i].russian);
    }
    return out + "\r\n";
}

std::string ProductCsv::line(const ProductRecord& p)
{
    std::string barcodes;
    for (const auto& code : p.barcodes) {
        barcodes += (barcodes.empty() ? "" : ",") + code;
    }
    return quoted(p.sku.value_or("")) + ";" + quoted(p.name) + ";" + roubles(p.price) + ";" + vatLabel(p.vatRate) +
           ";" + quoted(unitLabel(p.unit)) + ";" + quoted(p.category.value_or("")) + ";" + quoted(barcodes) + "\r\n";
}

ProductCsv::Parsed ProductCsv::parse(std::string_view text)
{
    Parsed parsed;
    if (text.substr(0, kBom.size()) == kBom) {
        text.remove_prefix(kBom.size());
    }
    if (const auto line = firstNonUtf8Line(text); line > 0) {
        parsed.problems.push_back(
            {line, "", "not_utf8", "the file is not UTF-8 text: save it from Excel as \"CSV UTF-8\""});
        return parsed;
    }
    // One record more than allowed (plus the header) is enough to know the file is too long.
    auto records = splitRecords(text, parsed.problems, kMaxLines + 1);
    if (records.empty()) {
        if (parsed.problems.empty()) {
            parsed.problems.push_back({1, "", "empty_file", "the file has no header line"});
        }
        return parsed;
    }
    if (records.size() > kMaxLines + 1) {
        parsed.problems.push_back({records.back().line, "", "too_many_lines",
                                   "more than " + std::to_string(kMaxLines) + " lines: split the file"});
        return parsed;
    }

    // The header: every column by its name, in any order; unknown ones are an error (a typo would
    // otherwise drop a column silently).
    const Record& head = records.front();
    std::map<Column, std::size_t> at;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < head.fields.size(); ++i) {
        const std::string key = searchKey(trim(head.fields[i]));
        names.emplace_back(trim(head.fields[i]));
        const ColumnName* found = nullptr;
        for (const auto& c : kColumns) {
            if (key == searchKey(c.russian) || key == c.english) {
                found = &c;
            }
        }
        if (found == nullptr) {
            parsed.problems.push_back(
                {head.line, names.back(), "unknown_column", "unknown column '" + names.back() + "'"});
        } else if (!at.emplace(found->column, i).second) {
            parsed.problems.push_back({head.line, names.back(), "duplicate_column", "the column appears twice"});
        }
    }
    for (const auto& c : kColumns) {
        const bool required =
            c.column == Column::Sku || c.column == Column::Name || c.column == Column::Price || c.column == Column::Vat;
        if (required && !at.contains(c.column)) {
            parsed.problems.push_back({head.line, std::string(c.russian), "missing_column",
                                       "the header has no column '" + std::string(c.russian) + "'"});
        }
    }
    if (!parsed.problems.empty()) {
        return parsed;
    }
    parsed.hasUnit = at.contains(Column::Unit);
    parsed.hasCategory = at.contains(Column::Category);
    parsed.hasBarcodes = at.contains(Column::Barcodes);

    std::map<std::string, std::int64_t> skuLines;
    std::map<std::string, std::int64_t> barcodeLines;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& record = records[r];
        auto problem = [&](Column column, std::string code, std::string message) {
            parsed.problems.push_back({record.line, names[at.at(column)], std::move(code), std::move(message)});
        };
        if (record.fields.size() != head.fields.size()) {
            parsed.problems.push_back({record.line, "", "column_count",
                                       "expected " + std::to_string(head.fields.size()) +
                                           " fields separated by ';', found " + std::to_string(record.fields.size())});
            continue;
        }
        auto field = [&](Column column) -> std::string {
            const auto it = at.find(column);
            return it == at.end() ? std::string() : std::string(trim(record.fields[it->second]));
        };
        const std::size_t before = parsed.problems.size();
        ProductRecord p;
        if (const std::string sku = field(Column::Sku); sku.empty()) {
            problem(Column::Sku, "sku_required", "the SKU is empty: products are matched by it");
        } else if (sku.size() > 64) {
            problem(Column::Sku, "too_long", "the SKU is longer than 64 characters");
        } else if (const auto [it, fresh] = skuLines.emplace(searchKey(sku), record.line); !fresh) {
            problem(Column::Sku, "duplicate_sku", "the SKU is already on line " + std::to_string(it->second));
        } else {
            p.sku = sku;
        }
        p.name = field(Column::Name);
        if (p.name.empty()) {
            problem(Column::Name, "name_required", "the name is empty");
        } else if (p.name.size() > 256) {
            problem(Column::Name, "too_long", "the name is longer than 256 characters");
        }
        const std::string price = field(Column::Price);
        if (auto money = core::Money::parse(price);
            !money || money->isNegative() || money->kopecks() > kMaxPriceKopecks || price.empty()) {
            problem(Column::Price, "bad_price",
                    "the price '" + price.substr(0, 40) + "' is not roubles with at most two decimals (e.g. 89,90)");
        } else {
            p.price = money->kopecks();
        }
        p.vatRate = vatFromLabel(field(Column::Vat));
        if (p.vatRate.empty()) {
            problem(Column::Vat, "unknown_vat",
                    "unknown VAT rate '" + field(Column::Vat).substr(0, 40) +
                        "' (22%, 10%, 0%, без НДС, 5%, 7%, 22/122, 10/110, 5/105, 7/107)");
        }
        if (const auto unit = parseUnit(field(Column::Unit)); unit) {
            p.unit = *unit;
        } else {
            problem(Column::Unit, "unknown_unit",
                    "unknown unit '" + field(Column::Unit).substr(0, 40) + "' (шт, кг, л, м, ...)");
        }
        if (const std::string category = field(Column::Category); !category.empty()) {
            if (category.size() > 128) {
                problem(Column::Category, "too_long", "the category is longer than 128 characters");
            }
            p.category = category;
        }
        std::string_view codes = at.contains(Column::Barcodes)
                                     ? std::string_view(record.fields[at.at(Column::Barcodes)])
                                     : std::string_view();
        while (!codes.empty()) {
            const auto comma = codes.find_first_of(", ");
            const std::string_view piece = codes.substr(0, comma);
            codes = comma == std::string_view::npos ? std::string_view() : codes.substr(comma + 1);
            if (piece.empty()) {
                continue;
            }
            auto barcode = core::parseBarcode(piece);
            if (!barcode) {
                problem(Column::Barcodes, "bad_barcode",
                        "barcode " + std::string(piece.substr(0, 64)) + ": " + barcode.error().message);
                continue;
            }
            if (const auto [it, fresh] = barcodeLines.emplace(barcode->text, record.line); !fresh) {
                if (it->second == record.line) {
                    continue; // the same code twice on one line: kept once, as the JSON API does
                }
                problem(Column::Barcodes, "duplicate_barcode",
                        "barcode " + barcode->text + " is already on line " + std::to_string(it->second));
                continue;
            }
            p.barcodes.push_back(barcode->text);
        }
        if (parsed.problems.size() == before) {
            parsed.products.push_back({record.line, std::move(p)});
        }
    }
    return parsed;
}

} // namespace sigma::cloud
