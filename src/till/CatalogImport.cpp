#include "till/CatalogImport.h"

#include "core/Barcode.h"
#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "store/CatalogText.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace sigma::till {
namespace {

namespace errc = core::errc;

/// The columns the import understands, by canonical name.
constexpr std::array<std::string_view, 12> kColumns = {"id",  "sku",      "name",    "price", "barcodes",      "unit",
                                                       "vat", "category", "weighed", "plu",   "paymentObject", "image"};

/// Header spellings (normalised: lower case, no spaces or punctuation) -> canonical column.
/// Russian ones are what owners' spreadsheets and other POS exports call them.
const std::map<std::string, std::string_view, std::less<>>& columnAliases()
{
    static const std::map<std::string, std::string_view, std::less<>> kAliases = {
        {"id", "id"},
        {"uuid", "id"},
        {"sku", "sku"},
        {"article", "sku"},
        {"артикул", "sku"},
        {"код", "sku"},
        {"name", "name"},
        {"наименование", "name"},
        {"название", "name"},
        {"товар", "name"},
        {"price", "price"},
        {"цена", "price"},
        {"barcodes", "barcodes"},
        {"barcode", "barcodes"},
        {"ean", "barcodes"},
        {"штрихкод", "barcodes"},
        {"штрихкоды", "barcodes"},
        {"unit", "unit"},
        {"ед", "unit"},
        {"едизм", "unit"},
        {"единица", "unit"},
        {"единицаизмерения", "unit"},
        {"vat", "vat"},
        {"tax", "vat"},
        {"ндс", "vat"},
        {"ставкандс", "vat"},
        {"category", "category"},
        {"категория", "category"},
        {"группа", "category"},
        {"weighed", "weighed"},
        {"весовой", "weighed"},
        {"plu", "plu"},
        {"paymentobject", "paymentObject"},
        {"предметрасчета", "paymentObject"},
        {"image", "image"},
        {"изображение", "image"},
        {"картинка", "image"},
    };
    return kAliases;
}

std::optional<std::string_view> canonicalColumn(std::string_view header)
{
    std::string key = store::normalizeSearchText(header);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    const auto& aliases = columnAliases();
    if (auto it = aliases.find(key); it != aliases.end()) {
        return it->second;
    }
    return std::nullopt;
}

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

/// One product row as read from the file: canonical column -> text, only for the columns the
/// file has.
struct RawRow {
    std::int64_t position = 0;
    std::map<std::string, std::string, std::less<>> values;
    std::optional<core::Error> error; ///< the row could not even be read (CSV quoting, JSON type)
};

/// A row's values, checked and converted; `present` says which columns the row had.
struct Draft {
    std::int64_t position = 0;
    std::set<std::string, std::less<>> present;
    std::string id;
    std::string sku;
    std::string name;
    core::Money price;
    std::vector<std::string> barcodes; ///< index keys
    std::optional<core::MeasureUnit> unit;
    core::VatRate vat = core::VatRate::Vat22;
    core::PaymentObject paymentObject = core::PaymentObject::Commodity;
    bool weighed = false;
    std::optional<int> plu;
    std::string category;
    std::string image;

    [[nodiscard]] bool has(std::string_view column) const { return present.find(column) != present.end(); }
};

core::Error fieldError(int code, std::string message, std::string_view field)
{
    return core::Error(code, std::move(message), std::string(field));
}

core::Result<core::MeasureUnit> parseUnit(std::string_view text)
{
    if (auto unit = core::parseMeasureUnit(text); unit.ok()) {
        return unit;
    }
    // Spreadsheets say "кг", "шт", "Kilogram": compare in normal form with names and labels.
    const std::string wanted = store::normalizeSearchText(text);
    for (const auto& entry : core::kMeasureUnits) {
        if (wanted == store::normalizeSearchText(entry.name) || wanted == store::normalizeSearchText(entry.label)) {
            return entry.value;
        }
    }
    return core::parseMeasureUnit(text); // its error lists the names
}

core::Result<core::VatRate> parseVat(std::string_view text)
{
    const auto& table = core::VatTable::standard();
    if (auto rate = table.fromAtolName(lowerAscii(text)); rate.ok()) {
        return rate;
    }
    // The printed labels ("НДС 22%", "Без НДС") are what people copy from receipts.
    const std::string wanted = store::normalizeSearchText(text);
    for (const auto& row : table.rows()) {
        if (wanted == store::normalizeSearchText(row.label)) {
            return row.rate;
        }
    }
    return table.fromAtolName(text);
}

core::Result<bool> parseFlag(std::string_view text)
{
    const std::string value = store::normalizeSearchText(text);
    if (value.empty() || value == "0" || value == "no" || value == "false" || value == "нет") {
        return false;
    }
    if (value == "1" || value == "yes" || value == "true" || value == "да") {
        return true;
    }
    return core::Error(errc::kInvalidArgument, "'" + std::string(text.substr(0, 20)) +
                                                   "' is not a yes/no value (0/1, yes/no, true/false, да/нет)");
}

std::vector<std::string_view> splitBarcodes(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ';' || text[i] == ',' || text[i] == ' ' || text[i] == '\t') {
            if (i > start) {
                parts.push_back(text.substr(start, i - start));
            }
            start = i + 1;
        }
    }
    return parts;
}

constexpr std::size_t kMaxSkuLength = 64;
constexpr int kMaxPlu = 999'999;

core::Status applyValue(std::string_view column, std::string_view value, Draft& draft)
{
    draft.present.insert(std::string(column));
    if (column == "id") {
        if (!value.empty()) {
            SIGMA_ASSIGN_OR_RETURN(auto uuid, core::Uuid::parse(value));
            draft.id = uuid.toString();
        }
    } else if (column == "sku") {
        if (value.size() > kMaxSkuLength) {
            return fieldError(errc::kBadProduct, "SKU is longer than 64 characters", column);
        }
        draft.sku = std::string(value);
    } else if (column == "name") {
        draft.name = std::string(value);
    } else if (column == "price") {
        if (value.empty()) {
            return fieldError(errc::kBadMoney, "price is empty", column);
        }
        SIGMA_ASSIGN_OR_RETURN(draft.price, core::Money::parse(value));
        if (draft.price.isNegative()) {
            return fieldError(errc::kBadProduct, "price is negative", column);
        }
    } else if (column == "barcodes") {
        for (std::string_view code : splitBarcodes(value)) {
            SIGMA_ASSIGN_OR_RETURN(auto parsed, core::parseBarcode(code));
            if (std::find(draft.barcodes.begin(), draft.barcodes.end(), parsed.lookupKey) == draft.barcodes.end()) {
                draft.barcodes.push_back(parsed.lookupKey);
            }
        }
    } else if (column == "unit") {
        if (!value.empty()) {
            SIGMA_ASSIGN_OR_RETURN(draft.unit, parseUnit(value));
        }
    } else if (column == "vat") {
        if (!value.empty()) {
            SIGMA_ASSIGN_OR_RETURN(draft.vat, parseVat(value));
        }
    } else if (column == "category") {
        draft.category = std::string(value);
    } else if (column == "weighed") {
        SIGMA_ASSIGN_OR_RETURN(draft.weighed, parseFlag(value));
    } else if (column == "plu") {
        if (!value.empty()) {
            int plu = 0;
            const bool digits = value.size() <= 6 &&
                                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits) {
                plu = std::stoi(std::string(value));
            }
            if (!digits || plu < 1 || plu > kMaxPlu) {
                return fieldError(errc::kBadProduct,
                                  "PLU '" + std::string(value.substr(0, 20)) + "' is not a number from 1 to 999999",
                                  column);
            }
            draft.plu = plu;
        }
    } else if (column == "paymentObject") {
        if (!value.empty()) {
            SIGMA_ASSIGN_OR_RETURN(draft.paymentObject, core::parsePaymentObject(value));
        }
    } else if (column == "image") {
        draft.image = std::string(value);
    }
    return core::ok();
}

core::Result<Draft> draftFromRow(const RawRow& row)
{
    if (row.error) {
        return *row.error;
    }
    Draft draft;
    draft.position = row.position;
    for (const auto& [column, value] : row.values) {
        if (auto status = applyValue(column, trim(value), draft); !status) {
            core::Error error = status.error();
            error.field = column; // the column, whatever the parser called its input
            return error;
        }
    }
    if (!draft.has("name") || trim(draft.name).empty()) {
        return fieldError(errc::kBadProduct, "name is missing", "name");
    }
    draft.name = std::string(trim(draft.name));
    if (!draft.has("price")) {
        return fieldError(errc::kBadMoney, "price is missing", "price");
    }
    return draft;
}

// --- CSV ---------------------------------------------------------------------------------

struct CsvRecord {
    std::int64_t line = 0;
    std::vector<std::string> fields;
    std::optional<core::Error> error;
};

/// Splits one line into fields. Quoted fields ("a;b", "say ""hi""") are unquoted; a quote left
/// open at the end of the line is an error rather than a licence to swallow the lines that follow,
/// so one broken row never takes the rest of the file with it.
core::Result<std::vector<std::string>> splitCsvLine(std::string_view line, char delimiter)
{
    std::vector<std::string> fields;
    std::size_t i = 0;
    for (;;) {
        std::string field;
        while (i < line.size() && line[i] == ' ') {
            ++i;
        }
        if (i < line.size() && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field += line[i++];
            }
            if (!closed) {
                return core::Error(errc::kBadCsvRow,
                                   "unterminated quoted field (field " + std::to_string(fields.size() + 1) + ")");
            }
            while (i < line.size() && line[i] == ' ') {
                ++i;
            }
            if (i < line.size() && line[i] != delimiter) {
                return core::Error(errc::kBadCsvRow, "text after the closing quote of field " +
                                                         std::to_string(fields.size() + 1) +
                                                         " (a quote inside a quoted field is written \"\")");
            }
        } else {
            const auto end = line.find(delimiter, i);
            const std::size_t stop = end == std::string_view::npos ? line.size() : end;
            field = std::string(line.substr(i, stop - i));
            i = stop;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) {
            return fields;
        }
        ++i; // the delimiter
        if (i == line.size()) {
            fields.emplace_back(); // "a;b;" has an empty last field
            return fields;
        }
    }
}

/// The delimiter the header uses: ';' (Russian Excel, where ',' is the decimal comma), ',' or tab,
/// whichever occurs most outside quotes.
char detectDelimiter(std::string_view header)
{
    std::size_t semicolons = 0;
    std::size_t commas = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (char c : header) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            semicolons += c == ';' ? 1 : 0;
            commas += c == ',' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
        }
    }
    if (tabs > semicolons && tabs > commas) {
        return '\t';
    }
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

bool blankLine(std::string_view line, char delimiter)
{
    return std::all_of(line.begin(), line.end(), [&](char c) { return c == ' ' || c == '\t' || c == delimiter; });
}

core::Result<std::vector<RawRow>> readCsv(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    if (const auto bad = store::firstInvalidUtf8(text); bad != std::string_view::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        return core::Error(errc::kBadCatalogFile, "the file is not UTF-8 (line " + std::to_string(line) +
                                                      "); save it as \"CSV UTF-8\" (Windows-1251 is not read)");
    }
    std::vector<std::pair<std::int64_t, std::string_view>> lines;
    std::int64_t number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.emplace_back(++number, line);
        start = end + 1;
    }

    std::size_t headerAt = 0;
    while (headerAt < lines.size() && trim(lines[headerAt].second).empty()) {
        ++headerAt;
    }
    if (headerAt == lines.size()) {
        return core::Error(errc::kBadCatalogFile, "the file is empty: a header row (sku;name;price;...) is needed");
    }
    const std::string_view headerLine = lines[headerAt].second;
    const char delimiter = detectDelimiter(headerLine);
    auto headerFields = splitCsvLine(headerLine, delimiter);
    if (!headerFields) {
        return core::Error(errc::kBadCatalogFile, "header: " + headerFields.error().message);
    }
    std::vector<std::optional<std::string_view>> columns;
    std::set<std::string_view> seen;
    for (const auto& name : *headerFields) {
        auto column = canonicalColumn(trim(name));
        if (column && !seen.insert(*column).second) {
            return core::Error(errc::kBadCatalogFile,
                               "column '" + std::string(*column) + "' appears twice in the header");
        }
        columns.push_back(column);
    }
    for (std::string_view required : {"name", "price"}) {
        if (seen.find(required) == seen.end()) {
            return core::Error(errc::kBadCatalogFile, "the header has no '" + std::string(required) +
                                                          "' column (found: " + std::string(headerLine.substr(0, 200)) +
                                                          ")");
        }
    }

    std::vector<RawRow> rows;
    for (std::size_t k = headerAt + 1; k < lines.size(); ++k) {
        const auto [lineNumber, line] = lines[k];
        if (blankLine(line, delimiter)) {
            continue;
        }
        RawRow row;
        row.position = lineNumber;
        auto fields = splitCsvLine(line, delimiter);
        if (!fields) {
            row.error = fields.error();
            rows.push_back(std::move(row));
            continue;
        }
        for (std::size_t c = 0; c < fields->size(); ++c) {
            if (c >= columns.size()) {
                if (!trim((*fields)[c]).empty()) {
                    row.error = core::Error(
                        errc::kBadCsvRow, "the row has " + std::to_string(fields->size()) + " fields, the header " +
                                              std::to_string(columns.size()) + " (an unquoted delimiter in a value?)");
                    break;
                }
                continue;
            }
            if (columns[c]) {
                row.values.emplace(std::string(*columns[c]), std::move((*fields)[c]));
            }
        }
        // Cells missing at the end of a short row are empty, as spreadsheets leave them out.
        for (std::size_t c = fields->size(); c < columns.size(); ++c) {
            if (columns[c]) {
                row.values.emplace(std::string(*columns[c]), std::string());
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// --- JSON --------------------------------------------------------------------------------

core::Result<std::string> jsonValueText(const core::Json& value, std::string_view column)
{
    if (value.is_string()) {
        return value.get<std::string>(); // also exact decimals: parseJsonExact keeps them as text
    }
    if (value.is_number_integer() || value.is_number_unsigned()) {
        return value.dump();
    }
    if (value.is_boolean()) {
        return std::string(value.get<bool>() ? "true" : "false");
    }
    if (value.is_null()) {
        return std::string();
    }
    if (value.is_array() && column == "barcodes") {
        std::string joined;
        for (const auto& item : value) {
            if (!item.is_string() && !item.is_number_integer() && !item.is_number_unsigned()) {
                return core::Error(errc::kInvalidArgument, "barcodes must be strings", std::string(column));
            }
            joined += (joined.empty() ? "" : ";") + (item.is_string() ? item.get<std::string>() : item.dump());
        }
        return joined;
    }
    return core::Error(errc::kInvalidArgument, std::string(column) + " must be a string or a number",
                       std::string(column));
}

core::Result<std::vector<RawRow>> readJson(std::string_view text)
{
    SIGMA_ASSIGN_OR_RETURN(auto document, core::parseJsonExact(text));
    const core::Json* products = nullptr;
    if (document.is_object() && document.contains("products") && document["products"].is_array()) {
        products = &document["products"];
    } else if (document.is_array()) {
        products = &document;
    } else {
        return core::Error(errc::kBadCatalogFile, "expected {\"products\": [...]}", "products");
    }
    std::vector<RawRow> rows;
    rows.reserve(products->size());
    std::int64_t index = 0;
    for (const auto& item : *products) {
        RawRow row;
        row.position = index++;
        if (!item.is_object()) {
            row.error = core::Error(errc::kInvalidArgument, "a product must be a JSON object");
            rows.push_back(std::move(row));
            continue;
        }
        for (const auto& [key, value] : item.items()) {
            const auto column = canonicalColumn(key);
            if (!column) {
                continue; // fields of other systems: ignored, as in carts
            }
            auto valueText = jsonValueText(value, *column);
            if (!valueText) {
                row.error = valueText.error();
                break;
            }
            row.values.insert_or_assign(std::string(*column), std::move(*valueText));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string where(CatalogFileFormat format, std::int64_t position)
{
    return format == CatalogFileFormat::Csv ? "line " + std::to_string(position)
                                            : "products[" + std::to_string(position) + "]";
}

} // namespace

struct CatalogImport::Source {
    CatalogFileFormat format = CatalogFileFormat::Csv;
    std::vector<RawRow> rows;
};

core::Json CatalogImportReport::toJson() const
{
    const bool csv = format == CatalogFileFormat::Csv;
    core::Json list = core::Json::array();
    for (const auto& r : rejected) {
        // Reasons quote the file's text, which the JSON output must carry as valid UTF-8.
        core::Json item = {
            {csv ? "line" : "index", r.position}, {"reason", store::validUtf8(r.reason)}, {"code", r.code}};
        if (!r.field.empty()) {
            item["field"] = store::validUtf8(r.field);
        }
        list.push_back(std::move(item));
    }
    return {
        {"format", csv ? "csv" : "json"}, {"imported", imported}, {"updated", updated}, {"rejected", std::move(list)}};
}

CatalogImport::CatalogImport(store::CatalogRepository& repository, const core::Clock& clock, core::RandomSource& random)
    : m_repository(repository), m_clock(clock), m_random(random)
{
}

CatalogFileFormat CatalogImport::detectFormat(const std::filesystem::path& fileName, std::string_view content)
{
    const std::string extension = lowerAscii(fileName.extension().string());
    if (extension == ".csv" || extension == ".txt") {
        return CatalogFileFormat::Csv;
    }
    if (extension == ".json") {
        return CatalogFileFormat::Json;
    }
    const std::string_view body = trim(content.substr(0, 3) == "\xEF\xBB\xBF" ? content.substr(3) : content);
    return !body.empty() && (body.front() == '{' || body.front() == '[') ? CatalogFileFormat::Json
                                                                         : CatalogFileFormat::Csv;
}

core::Result<CatalogImportReport> CatalogImport::importCsv(std::string_view text)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, readCsv(text));
    Source source{CatalogFileFormat::Csv, std::move(rows)};
    return importRows(source);
}

core::Result<CatalogImportReport> CatalogImport::importJson(std::string_view text)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, readJson(text));
    Source source{CatalogFileFormat::Json, std::move(rows)};
    return importRows(source);
}

core::Result<CatalogImportReport> CatalogImport::importText(std::string_view text,
                                                            const std::filesystem::path& fileName)
{
    return detectFormat(fileName, text) == CatalogFileFormat::Json ? importJson(text) : importCsv(text);
}

core::Result<CatalogImportReport> CatalogImport::importRows(Source& source)
{
    CatalogImportReport report;
    report.format = source.format;
    const auto reject = [&](std::int64_t position, const core::Error& error) {
        report.rejected.push_back({position, error.message, error.field, error.code});
    };

    // Checks of each row alone, then of rows against each other: the first row to claim a
    // barcode, SKU or PLU keeps it.
    std::vector<Draft> drafts;
    drafts.reserve(source.rows.size());
    std::unordered_map<std::string, std::int64_t> barcodeOwners;
    std::unordered_map<std::string, std::int64_t> skuOwners;
    std::unordered_map<int, std::int64_t> pluOwners;
    for (const auto& row : source.rows) {
        auto draft = draftFromRow(row);
        if (!draft) {
            reject(row.position, draft.error());
            continue;
        }
        const std::string skuKey = lowerAscii(draft->sku);
        if (!skuKey.empty()) {
            if (auto it = skuOwners.find(skuKey); it != skuOwners.end()) {
                reject(row.position,
                       fieldError(errc::kDuplicateSku,
                                  "SKU " + draft->sku + " is already on " + where(source.format, it->second), "sku"));
                continue;
            }
        }
        bool clash = false;
        for (const auto& code : draft->barcodes) {
            if (auto it = barcodeOwners.find(code); it != barcodeOwners.end()) {
                reject(row.position,
                       fieldError(errc::kDuplicateBarcode,
                                  "barcode " + code + " is already used by " + where(source.format, it->second),
                                  "barcodes"));
                clash = true;
                break;
            }
        }
        if (clash) {
            continue;
        }
        if (draft->plu) {
            if (auto it = pluOwners.find(*draft->plu); it != pluOwners.end()) {
                reject(row.position, fieldError(errc::kDuplicatePlu,
                                                "PLU " + std::to_string(*draft->plu) + " is already used by " +
                                                    where(source.format, it->second),
                                                "plu"));
                continue;
            }
            pluOwners.emplace(*draft->plu, row.position);
        }
        if (!skuKey.empty()) {
            skuOwners.emplace(skuKey, row.position);
        }
        for (const auto& code : draft->barcodes) {
            barcodeOwners.emplace(code, row.position);
        }
        drafts.push_back(std::move(*draft));
    }

    const std::int64_t nowUs = core::toUnixMicros(m_clock.now());
    std::size_t written = 0;
    SIGMA_TRY(m_repository.transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto categories, m_repository.categories());
        std::unordered_map<std::string, std::string> categoryIds; // normal-form name -> id
        for (const auto& category : categories) {
            categoryIds.emplace(store::normalizeSearchText(category.name), category.id);
        }

        for (auto& draft : drafts) {
            // Which product the row is: by id, by SKU, by its first barcode; else a new one.
            std::optional<store::CatalogProduct> existing;
            if (!draft.id.empty()) {
                SIGMA_ASSIGN_OR_RETURN(existing, m_repository.findById(draft.id));
            }
            if (!existing && draft.id.empty() && !draft.sku.empty()) {
                SIGMA_ASSIGN_OR_RETURN(existing, m_repository.findBySku(draft.sku));
            }
            if (!existing && draft.id.empty() && draft.sku.empty() && !draft.barcodes.empty()) {
                SIGMA_ASSIGN_OR_RETURN(existing, m_repository.findByBarcode(draft.barcodes.front()));
            }
            store::CatalogProduct product;
            if (existing) {
                product = std::move(*existing);
            } else {
                product.id = draft.id.empty() ? core::Uuid::generateV7(m_clock, m_random).toString() : draft.id;
            }
            product.name = draft.name;
            product.price = draft.price;
            product.active = true; // in the file: on sale
            product.updatedAtUs = nowUs;
            if (draft.has("sku")) {
                product.sku = draft.sku;
            }
            if (draft.has("barcodes")) {
                product.barcodes = draft.barcodes;
            }
            if (draft.has("vat")) {
                product.vat = draft.vat;
            }
            if (draft.has("paymentObject")) {
                product.paymentObject = draft.paymentObject;
            }
            if (draft.has("weighed")) {
                product.weighed = draft.weighed;
            }
            if (draft.has("plu")) {
                product.plu = draft.plu;
            }
            if (draft.has("image")) {
                product.image = draft.image.empty() ? std::nullopt : std::optional<std::string>(draft.image);
            }
            if (draft.has("unit") || !existing) {
                product.unit =
                    draft.unit.value_or(product.weighed ? core::MeasureUnit::Kilogram : core::MeasureUnit::Piece);
            } else if (product.weighed && product.unit == core::MeasureUnit::Piece) {
                product.unit = core::MeasureUnit::Kilogram; // became weighed without saying the unit
            }
            if (draft.has("category")) {
                const std::string key = store::normalizeSearchText(draft.category);
                if (key.empty()) {
                    product.categoryId.clear();
                } else if (auto it = categoryIds.find(key); it != categoryIds.end()) {
                    product.categoryId = it->second;
                } else {
                    store::CatalogCategory category;
                    category.id = core::Uuid::generateV7(m_clock, m_random).toString();
                    category.name = std::string(trim(draft.category));
                    category.updatedAtUs = nowUs;
                    SIGMA_TRY(m_repository.upsertCategory(category));
                    categoryIds.emplace(key, category.id);
                    product.categoryId = category.id;
                }
            }
            if (auto valid = store::CatalogRepository::validate(product); !valid) {
                reject(draft.position, valid.error());
                continue;
            }
            auto inserted = m_repository.upsertProduct(product);
            if (!inserted) {
                // Rows were checked against each other above; what remains is the catalog already
                // in the database (an SKU held by a product the row did not match).
                if (inserted.error().code == errc::kDuplicateSku) {
                    reject(draft.position, inserted.error());
                    continue;
                }
                return core::Error(inserted.error().code,
                                   where(source.format, draft.position) + ": " + inserted.error().message,
                                   inserted.error().field);
            }
            ++(*inserted ? report.imported : report.updated);
            ++written;
        }
        return core::ok();
    }));
    if (written >= 1000) {
        SIGMA_TRY(m_repository.optimizeSearchIndex()); // many small index segments slow searches down
    }
    std::sort(report.rejected.begin(), report.rejected.end(),
              [](const CatalogImportRejection& a, const CatalogImportRejection& b) { return a.position < b.position; });
    return report;
}

} // namespace sigma::till
