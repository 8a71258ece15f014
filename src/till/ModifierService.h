#pragma once

#include "till/FoodTypes.h"
#include "till/TillContext.h"

#include <vector>

namespace sigma::till {

/// A waiter's choice: an option of a group, by the option's index or name.
struct ModifierChoice {
    std::string groupId;
    std::string option; ///< the option's name, or its index as digits
};

/// Modifier groups ("Молоко: обычное / овсяное +50 ₽") and the products they are attached to,
/// and the rule that checks a line's choices: every group of the product is answered within its
/// min/max (a required group at least once), and nothing is chosen outside the product's groups.
class ModifierService {
public:
    explicit ModifierService(TillContext& context);

    /// Creates or replaces a group (empty id: a new one).
    core::Result<ModifierGroup> save(ModifierGroup group);
    core::Result<ModifierGroup> find(const std::string& groupId);
    core::Result<std::vector<ModifierGroup>> list();
    /// Attaches the group to the product (again: no change); `attach = false` detaches it.
    core::Status attach(const std::string& productId, const std::string& groupId, bool attach = true);
    core::Result<std::vector<ModifierGroup>> groupsOf(const std::string& productId);

    /// The choices for a line of `productId`, checked against its groups; in the groups' order.
    core::Result<std::vector<ChosenModifier>> validate(const std::string& productId,
                                                       const std::vector<ModifierChoice>& choices);
    /// The same rule without the database: for the screen and tests.
    static core::Result<std::vector<ChosenModifier>> validate(const std::vector<ModifierGroup>& groups,
                                                              const std::vector<ModifierChoice>& choices);

    [[nodiscard]] static core::Json toJson(const ModifierGroup& group);
    static core::Result<ModifierGroup> fromJson(const core::Json& json);

    static constexpr int kMaxOptions = 50;

private:
    TillContext& m_context;
};

} // namespace sigma::till
