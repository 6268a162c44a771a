// The lookups a check makes in a model: types, enums, operations and their properties. Reading
// and linking a model is in catalog_load.cpp.
#include "catalog.hpp"

#include <algorithm>

#include "text.hpp"

namespace gpb {

std::string short_type_name(std::string_view qualifiedName) {
    size_t dot = qualifiedName.rfind('.');
    return std::string(dot == std::string_view::npos ? qualifiedName : qualifiedName.substr(dot + 1));
}

const PropertyDef* TypeDef::property(std::string_view name) const {
    auto it = std::lower_bound(byName.begin(), byName.end(), name, [](const auto& entry, std::string_view n) { return entry.first < n; });
    return it != byName.end() && it->first == name ? it->second : nullptr;
}

void TypeDef::index_names() {
    std::stable_sort(byName.begin(), byName.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

bool TypeDef::is_or_derives_from(const TypeDef* other) const {
    for (const TypeDef* t = this; t; t = t->base)
        if (t == other) return true;
    return false;
}

void ActionDef::add_parameter(PropertyDef param) {
    if (!param.name.empty() && std::isupper(static_cast<unsigned char>(param.name[0]))) {
        param.camelName = param.name;
        param.camelName[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(param.name[0])));
    }
    if (!param.nullable && !param.optional) requiredParameters.push_back(param.camelName.empty() ? param.name : param.camelName);
    parameters.ownProperties.push_back(std::move(param));
}

void Catalog::add_action(std::unique_ptr<ActionDef> action) {
    actionsByName_.emplace(to_lower(action->name), action.get());
    actions_.push_back(std::move(action));
}

bool EnumDef::has(std::string_view member) const { return std::find(members.begin(), members.end(), member) != members.end(); }

bool OperationDef::may_send(std::string_view property) const {
    return !restrictsUpdates || std::find(updatable.begin(), updatable.end(), property) != updatable.end();
}

const TypeDef* Catalog::type(std::string_view qualifiedName) const {
    auto it = types_.find(qualifiedName);
    if (it != types_.end()) return &it->second;
    // An alias-qualified name ("lib.book" for "contoso.library.book") is the same type.
    size_t dot = qualifiedName.rfind('.');
    if (dot == std::string_view::npos || aliases_.empty()) return nullptr;
    auto alias = aliases_.find(qualifiedName.substr(0, dot));
    if (alias == aliases_.end()) return nullptr;
    it = types_.find(alias->second + std::string(qualifiedName.substr(dot)));
    return it == types_.end() ? nullptr : &it->second;
}

const EnumDef* Catalog::enumeration(std::string_view qualifiedName) const {
    auto it = enums_.find(qualifiedName);
    return it == enums_.end() ? nullptr : &it->second;
}

const OperationDef* Catalog::operation(std::string_view id) const {
    for (const auto& op : operations_)
        if (op->id == id) return op.get();
    return nullptr;
}

const TypeDef* Catalog::type_ignoring_case(std::string_view qualifiedName) const {
    for (const auto& [name, type] : types_)
        if (equal_ignoring_case(name, qualifiedName)) return &type;
    return nullptr;
}

}  // namespace gpb
