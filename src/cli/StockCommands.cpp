#include "cli/StockCommands.h"

#include "cli/TerminalSession.h"
#include "core/ErrorCodes.h"
#include "till/StockService.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <memory>

namespace sigma::cli {
namespace {

struct Options {
    std::string pin;
    std::string kind;
    std::string id;
    std::string supplier;
    std::string reason;
    std::string note;
    std::string barcode;
    std::string sku;
    std::string quantity;
    std::string cost;
    std::string status;
    int limit = 100;
};

/// Logs in for a stock change: the PIN from --pin or $SIGMA_PIN. The permission is checked by the
/// service itself.
core::Result<till::Session> login(TerminalSession& session, const std::string& pin)
{
    std::string secret = pin;
    if (secret.empty()) {
        if (const char* env = std::getenv("SIGMA_PIN"); env != nullptr) {
            secret = env;
        }
    }
    if (secret.empty()) {
        return core::Error(core::errc::kInvalidArgument, "a PIN is needed: --pin or $SIGMA_PIN", "pin");
    }
    return session.auth().login(secret);
}

core::Result<core::Json> createCommand(const CliContext& context, const Options& options)
{
    till::NewStockDocument header;
    SIGMA_ASSIGN_OR_RETURN(header.kind, store::parseStockDocumentKind(options.kind));
    header.supplier = options.supplier;
    header.reason = options.reason;
    header.note = options.note;
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto employee, login(*session, options.pin));
    till::StockService stock(session->till(), session->lookup());
    SIGMA_ASSIGN_OR_RETURN(auto document, stock.create(employee, header));
    return till::StockService::toJson(document);
}

core::Result<core::Json> addCommand(const CliContext& context, const Options& options)
{
    if (options.barcode.empty() == options.sku.empty()) {
        return core::Error(core::errc::kInvalidArgument, "give either --barcode or --sku", "barcode");
    }
    till::StockLineInput input;
    if (!options.quantity.empty()) {
        SIGMA_ASSIGN_OR_RETURN(input.quantity, core::Quantity::parse(options.quantity));
    }
    if (!options.cost.empty()) {
        auto cost = core::Money::parse(options.cost);
        if (!cost) {
            return cost.error().inField("cost");
        }
        input.cost = *cost;
    }
    input.reason = options.reason;
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto employee, login(*session, options.pin));
    till::StockService stock(session->till(), session->lookup());
    SIGMA_ASSIGN_OR_RETURN(auto line, options.barcode.empty()
                                          ? stock.addBySku(employee, options.id, options.sku, input)
                                          : stock.addByScan(employee, options.id, options.barcode, input));
    (void)line;
    SIGMA_ASSIGN_OR_RETURN(auto document, stock.find(options.id));
    return till::StockService::toJson(document);
}

core::Result<core::Json> postCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto employee, login(*session, options.pin));
    till::StockService stock(session->till(), session->lookup());
    SIGMA_ASSIGN_OR_RETURN(auto document, stock.post(employee, options.id));
    return till::StockService::toJson(document);
}

core::Result<core::Json> listCommand(const CliContext& context, const Options& options)
{
    std::optional<store::StockDocumentKind> kind;
    if (!options.kind.empty()) {
        SIGMA_ASSIGN_OR_RETURN(kind, store::parseStockDocumentKind(options.kind));
    }
    std::optional<store::StockDocumentStatus> status;
    if (options.status == "draft") {
        status = store::StockDocumentStatus::Draft;
    } else if (options.status == "posted") {
        status = store::StockDocumentStatus::Posted;
    } else if (!options.status.empty()) {
        return core::Error(core::errc::kInvalidArgument, "status is draft or posted", "status");
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::StockService stock(session->till(), session->lookup());
    SIGMA_ASSIGN_OR_RETURN(auto documents, stock.list(kind, status, options.limit));
    core::Json list = core::Json::array();
    for (const auto& document : documents) {
        core::Json entry = till::StockService::toJson(document);
        entry.erase("lines");
        list.push_back(std::move(entry));
    }
    return core::Json{{"documents", std::move(list)}};
}

core::Result<core::Json> showCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::StockService stock(session->till(), session->lookup());
    SIGMA_ASSIGN_OR_RETURN(auto document, stock.find(options.id));
    return till::StockService::toJson(document);
}

template <typename F> void bind(CLI::App* command, CliContext& context, F&& action)
{
    command->callback([&context, action] { context.setAction([action] { return action(); }); });
}

} // namespace

void addStockCommands(CLI::App& app, CliContext& context)
{
    auto o = std::make_shared<Options>();
    auto* ctx = &context;

    auto* stock = app.add_subcommand("stock", "Stock documents: receiving, write-off, inventory");
    stock->require_subcommand(1);

    auto* create = stock->add_subcommand("create", "Start a draft document");
    create->add_option("kind", o->kind, "receiving, writeOff or inventory")->required();
    create->add_option("--supplier", o->supplier, "Supplier (receiving)");
    create->add_option("--reason", o->reason, "Why (write-off)");
    create->add_option("--note", o->note, "A note");
    create->add_option("--pin", o->pin, "PIN (or $SIGMA_PIN); needs the catalog permission");
    bind(create, context, [ctx, o] { return createCommand(*ctx, *o); });

    auto* add = stock->add_subcommand("add", "Add a product to a draft (again: adds to its quantity)");
    add->add_option("id", o->id, "Document id")->required();
    add->add_option("--barcode", o->barcode, "A scanned code (a weight label brings its weight)");
    add->add_option("--sku", o->sku, "The product's SKU");
    add->add_option("--quantity", o->quantity, "Quantity, up to 3 decimals (inventory: counted); default 1");
    add->add_option("--cost", o->cost, "Cost price per unit (receiving)");
    add->add_option("--reason", o->reason, "Why this line (write-off)");
    add->add_option("--pin", o->pin, "PIN (or $SIGMA_PIN)");
    bind(add, context, [ctx, o] { return addCommand(*ctx, *o); });

    auto* post = stock->add_subcommand("post", "Post a draft: final, journaled for the cloud");
    post->add_option("id", o->id, "Document id")->required();
    post->add_option("--pin", o->pin, "PIN (or $SIGMA_PIN)");
    bind(post, context, [ctx, o] { return postCommand(*ctx, *o); });

    auto* list = stock->add_subcommand("list", "Documents, newest first");
    list->add_option("--kind", o->kind, "receiving, writeOff or inventory");
    list->add_option("--status", o->status, "draft or posted");
    list->add_option("--limit", o->limit, "At most this many (1-1000)")->check(CLI::Range(1, 1000));
    bind(list, context, [ctx, o] { return listCommand(*ctx, *o); });

    auto* show = stock->add_subcommand("show", "One document with its lines");
    show->add_option("id", o->id, "Document id")->required();
    bind(show, context, [ctx, o] { return showCommand(*ctx, *o); });
}

} // namespace sigma::cli
