// The lookups a check makes in a model: types, enums, operations and their properties. Reading
// and linking a model is in catalog_load.cpp.
#include "catalog.hpp"

#include <algorithm>
#include <cstring>

#include "text.hpp"

namespace gpb {

std::string short_type_name(std::string_view qualifiedName) {
    size_t dot = qualifiedName.rfind('.');
    return std::string(dot == std::string_view::npos ? qualifiedName : qualifiedName.substr(dot + 1));
}

// A stable counting sort by bucket: a name added twice is found as its first.
void TypeDef::index_names() {
    bucketStarts.clear();
    if (byName.empty()) return;
    size_t buckets = 1;
    while (buckets < byName.size()) buckets <<= 1;
    const size_t mask = buckets - 1;
    bucketStarts.assign(buckets + 1, 0);
    for (const auto& entry : byName) ++bucketStarts[name_hash(entry.first) & mask];
    for (size_t b = 1; b <= buckets; ++b) bucketStarts[b] += bucketStarts[b - 1];  // now each bucket's end
    // Grouped in a buffer kept between types, then copied back: no allocation a type.
    GPB_THREAD_LOCAL std::vector<std::pair<std::string_view, const PropertyDef*>> grouped;
    grouped.resize(byName.size());
    for (size_t i = byName.size(); i-- > 0;) grouped[--bucketStarts[name_hash(byName[i].first) & mask]] = byName[i];
    std::copy(grouped.begin(), grouped.end(), byName.begin());
}

std::vector<std::string_view> TypeDef::repeated_names() const {
    std::vector<std::string_view> repeated;
    for (size_t b = 0; b + 1 < bucketStarts.size(); ++b)
        for (uint32_t i = bucketStarts[b]; i < bucketStarts[b + 1]; ++i)
            for (uint32_t earlier = bucketStarts[b]; earlier < i; ++earlier)
                if (byName[earlier].first == byName[i].first) {
                    repeated.push_back(byName[i].first);
                    break;
                }
    std::sort(repeated.begin(), repeated.end());
    return repeated;
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

bool EnumDef::has(std::string_view member) const {
    return std::any_of(members.begin(), members.end(), [&](const std::string& m) { return same_text(m, member); });
}

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
