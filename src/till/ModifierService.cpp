#include "till/ModifierService.h"

#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "till/FoodErrors.h"

#include <algorithm>
#include <charconv>

namespace sigma::till {
namespace {

constexpr std::int64_t kMaxDeltaKopecks = 10'000'000;

core::Status checkGroup(const ModifierGroup& group)
{
    if (group.name.empty() || group.name.size() > 64) {
        return core::Error(food_errc::kBadModifierGroup, "a modifier group's name is 1-64 bytes", "name");
    }
    if (group.options.empty() || group.options.size() > static_cast<std::size_t>(ModifierService::kMaxOptions)) {
        return core::Error(food_errc::kBadModifierGroup, "a modifier group has 1-50 options", "options");
    }
    if (group.minChoices < 0 || group.maxChoices < 1 || group.minChoices > group.maxChoices ||
        group.maxChoices > static_cast<int>(group.options.size())) {
        return core::Error(food_errc::kBadModifierGroup,
                           "choices must satisfy 0 <= min <= max, 1 <= max <= the number of options", "maxChoices");
    }
    if (group.required && group.minChoices < 1) {
        return core::Error(food_errc::kBadModifierGroup, "a required group needs min >= 1", "minChoices");
    }
    for (std::size_t i = 0; i < group.options.size(); ++i) {
        const auto& option = group.options[i];
        const std::string field = "options[" + std::to_string(i) + "]";
        if (option.name.empty() || option.name.size() > 64) {
            return core::Error(food_errc::kBadModifierGroup, "an option's name is 1-64 bytes", field + ".name");
        }
        if (option.priceDelta.kopecks() < -kMaxDeltaKopecks ||
            option.priceDelta.kopecks() > kMaxDeltaKopecks) {
            return core::Error(food_errc::kBadModifierGroup, "a price delta is within ±100 000 ₽", field + ".priceDelta");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (group.options[j].name == option.name) {
                return core::Error(food_errc::kBadModifierGroup, "option \"" + option.name + "\" is listed twice",
                                   field + ".name");
            }
        }
    }
    return core::ok();
}

core::Json optionsJson(const ModifierGroup& group)
{
    core::Json options = core::Json::array();
    for (const auto& option : group.options) {
        options.push_back({{"name", option.name}, {"priceDelta", option.priceDelta.kopecks()}});
    }
    return options;
}

core::Result<ModifierGroup> groupOf(const db::Row& row)
{
    ModifierGroup group;
    group.id = row.text(0);
    group.name = row.text(1);
    group.required = row.int64(2) != 0;
    group.minChoices = static_cast<int>(row.int64(3));
    group.maxChoices = static_cast<int>(row.int64(4));
    SIGMA_ASSIGN_OR_RETURN(auto options, core::parseJsonExact(row.text(5)));
    for (const auto& option : options) {
        group.options.push_back({option.value("name", std::string()),
                                 core::Money::fromKopecks(option.value("priceDelta", std::int64_t{0}))});
    }
    return group;
}

constexpr const char* kColumns = "g.id, g.name, g.required, g.min_choices, g.max_choices, g.options";

} // namespace

ModifierService::ModifierService(TillContext& context) : m_context(context) {}

core::Result<ModifierGroup> ModifierService::save(ModifierGroup group)
{
    SIGMA_TRY(checkGroup(group));
    if (group.id.empty()) {
        group.id = m_context.newId();
    }
    SIGMA_TRY(m_context.database().connection().execute(
        "INSERT INTO food_modifier_groups (id, name, required, min_choices, max_choices, options, updated_at_us) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET name = excluded.name, required = "
        "excluded.required, min_choices = excluded.min_choices, max_choices = excluded.max_choices, options = "
        "excluded.options, updated_at_us = excluded.updated_at_us",
        {group.id, group.name, group.required, group.minChoices, group.maxChoices, optionsJson(group).dump(),
         m_context.nowUs()}));
    return group;
}

core::Result<ModifierGroup> ModifierService::find(const std::string& groupId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         std::string("SELECT ") + kColumns + " FROM food_modifier_groups g WHERE id = $1",
                                         {groupId}));
    if (!row) {
        return core::Error(food_errc::kModifierGroupNotFound, "no modifier group " + groupId, "groupId");
    }
    return groupOf(*row);
}

core::Result<std::vector<ModifierGroup>> ModifierService::list()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          std::string("SELECT ") + kColumns + " FROM food_modifier_groups g ORDER BY name"));
    std::vector<ModifierGroup> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto group, groupOf(row));
        out.push_back(std::move(group));
    }
    return out;
}

core::Status ModifierService::attach(const std::string& productId, const std::string& groupId, bool attach)
{
    SIGMA_ASSIGN_OR_RETURN(auto group, find(groupId));
    auto& db = m_context.database().connection();
    if (!attach) {
        return db.execute("DELETE FROM food_product_modifiers WHERE product_id = $1 AND group_id = $2",
                          {productId, group.id});
    }
    return db.execute("INSERT INTO food_product_modifiers (product_id, group_id, sort) VALUES ($1, $2, (SELECT "
                      "COUNT(*) FROM food_product_modifiers WHERE product_id = $1)) ON CONFLICT DO NOTHING",
                      {productId, group.id});
}

core::Result<std::vector<ModifierGroup>> ModifierService::groupsOf(const std::string& productId)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          std::string("SELECT ") + kColumns +
                                              " FROM food_modifier_groups g JOIN food_product_modifiers p ON "
                                              "p.group_id = g.id WHERE p.product_id = $1 ORDER BY p.sort, g.name",
                                          {productId}));
    std::vector<ModifierGroup> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto group, groupOf(row));
        out.push_back(std::move(group));
    }
    return out;
}

core::Result<std::vector<ChosenModifier>> ModifierService::validate(const std::string& productId,
                                                                    const std::vector<ModifierChoice>& choices)
{
    SIGMA_ASSIGN_OR_RETURN(auto groups, groupsOf(productId));
    return validate(groups, choices);
}

core::Result<std::vector<ChosenModifier>> ModifierService::validate(const std::vector<ModifierGroup>& groups,
                                                                    const std::vector<ModifierChoice>& choices)
{
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const bool known = std::any_of(groups.begin(), groups.end(),
                                       [&](const ModifierGroup& g) { return g.id == choices[i].groupId; });
        if (!known) {
            return core::Error(food_errc::kUnknownModifier,
                               "modifier group " + choices[i].groupId + " is not offered for this product",
                               "modifiers[" + std::to_string(i) + "].groupId");
        }
    }
    std::vector<ChosenModifier> out;
    for (const auto& group : groups) {
        std::vector<std::size_t> picked;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            if (choices[i].groupId != group.id) {
                continue;
            }
            const std::string& wanted = choices[i].option;
            std::optional<std::size_t> index;
            for (std::size_t k = 0; k < group.options.size(); ++k) {
                if (group.options[k].name == wanted) {
                    index = k;
                }
            }
            std::size_t number = 0;
            const auto [end, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), number);
            if (!index && ec == std::errc() && end == wanted.data() + wanted.size() && number < group.options.size()) {
                index = number;
            }
            if (!index) {
                return core::Error(food_errc::kUnknownModifier,
                                   "\"" + group.name + "\" has no option \"" + wanted + "\"",
                                   "modifiers[" + std::to_string(i) + "].option");
            }
            if (std::find(picked.begin(), picked.end(), *index) != picked.end()) {
                return core::Error(food_errc::kModifierTooMany,
                                   "\"" + group.options[*index].name + "\" is chosen twice in \"" + group.name + "\"",
                                   "modifiers[" + std::to_string(i) + "].option");
            }
            picked.push_back(*index);
        }
        const int count = static_cast<int>(picked.size());
        if (group.required && count == 0) {
            return core::Error(food_errc::kModifierRequired, "choose \"" + group.name + "\"", "modifiers");
        }
        if (count > 0 || group.required) {
            if (count < group.minChoices) {
                return core::Error(food_errc::kModifierTooFew,
                                   "\"" + group.name + "\" needs at least " + std::to_string(group.minChoices) +
                                       " choices, got " + std::to_string(count),
                                   "modifiers");
            }
        }
        if (count > group.maxChoices) {
            return core::Error(food_errc::kModifierTooMany,
                               "\"" + group.name + "\" allows at most " + std::to_string(group.maxChoices) +
                                   " choices, got " + std::to_string(count),
                               "modifiers");
        }
        for (const auto index : picked) {
            out.push_back({group.id, group.name, group.options[index].name, group.options[index].priceDelta});
        }
    }
    return out;
}

core::Json ModifierService::toJson(const ModifierGroup& group)
{
    core::Json options = core::Json::array();
    for (const auto& option : group.options) {
        options.push_back({{"name", option.name}, {"priceDelta", option.priceDelta.toDouble()}});
    }
    return {{"id", group.id},
            {"name", group.name},
            {"required", group.required},
            {"min", group.minChoices},
            {"max", group.maxChoices},
            {"options", std::move(options)}};
}

core::Result<ModifierGroup> ModifierService::fromJson(const core::Json& json)
{
    if (!json.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "a modifier group is a JSON object");
    }
    ModifierGroup group;
    group.id = json.value("id", std::string());
    SIGMA_ASSIGN_OR_RETURN(group.name, core::stringFromJson(json.value("name", core::Json()), "name"));
    group.required = json.value("required", false);
    const auto number = [&](const char* key, int fallback) -> core::Result<int> {
        if (!json.contains(key)) {
            return fallback;
        }
        if (!json[key].is_number_integer()) {
            return core::Error(core::errc::kInvalidArgument, std::string(key) + " must be an integer", key);
        }
        return json[key].get<int>();
    };
    SIGMA_ASSIGN_OR_RETURN(group.minChoices, number("min", group.required ? 1 : 0));
    SIGMA_ASSIGN_OR_RETURN(group.maxChoices, number("max", 1));
    if (!json.contains("options") || !json["options"].is_array()) {
        return core::Error(food_errc::kBadModifierGroup, "a modifier group needs \"options\"", "options");
    }
    for (std::size_t i = 0; i < json["options"].size(); ++i) {
        const auto& option = json["options"][i];
        const std::string field = "options[" + std::to_string(i) + "]";
        if (option.is_string()) {
            group.options.push_back({option.get<std::string>(), core::Money::zero()});
            continue;
        }
        if (!option.is_object()) {
            return core::Error(food_errc::kBadModifierGroup, "an option is a name or an object", field);
        }
        ModifierOption parsed;
        SIGMA_ASSIGN_OR_RETURN(parsed.name, core::stringFromJson(option.value("name", core::Json()), field + ".name"));
        if (option.contains("priceDelta")) {
            SIGMA_ASSIGN_OR_RETURN(parsed.priceDelta, core::moneyFromJson(option["priceDelta"], field + ".priceDelta"));
        }
        group.options.push_back(std::move(parsed));
    }
    return group;
}

} // namespace sigma::till
