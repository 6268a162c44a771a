#include "catalog.hpp"

#include "catalog_data.hpp"

#include <algorithm>
#include <cctype>

#include "text.hpp"

namespace gpb {

using json = nlohmann::ordered_json;

std::string short_type_name(std::string_view qualifiedName) {
    size_t dot = qualifiedName.rfind('.');
    return std::string(dot == std::string_view::npos ? qualifiedName : qualifiedName.substr(dot + 1));
}

const PropertyDef* TypeDef::property(std::string_view name) const {
    auto it = byName.find(name);
    return it == byName.end() ? nullptr : it->second;
}

bool TypeDef::is_or_derives_from(const TypeDef* other) const {
    for (const TypeDef* t = this; t; t = t->base)
        if (t == other) return true;
    return false;
}

bool EnumDef::has(std::string_view member) const {
    return std::find(members.begin(), members.end(), member) != members.end();
}

bool OperationDef::may_send(std::string_view property) const {
    return !restrictsUpdates || std::find(updatable.begin(), updatable.end(), property) != updatable.end();
}

namespace {

std::string text_of(const json& object, const char* name, const std::string& fallback = {}) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get_ref<const std::string&>() : fallback;
}

bool flag_of(const json& object, const char* name, bool fallback = false) {
    auto it = object.find(name);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::vector<std::string> strings_of(const json& object, const char* name) {
    std::vector<std::string> out;
    auto it = object.find(name);
    if (it == object.end() || !it->is_array()) return out;
    for (const auto& item : *it)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}


Primitive primitive_of(std::string_view name) {
    if (name == "Edm.String") return Primitive::String;
    if (name == "Edm.Int32") return Primitive::Int32;
    if (name == "Edm.Int64") return Primitive::Int64;
    if (name == "Edm.Double") return Primitive::Double;
    if (name == "Edm.Boolean") return Primitive::Boolean;
    if (name == "Edm.DateTimeOffset") return Primitive::DateTimeOffset;
    if (name == "Edm.Guid") return Primitive::Guid;
    if (name == "Edm.Untyped") return Primitive::Untyped;
    return Primitive::None;
}

}  // namespace

namespace {

// The builtin documents are parsed once; a page's own model is then loaded beside them.
const std::vector<json>& builtin_documents() {
    static const std::vector<json> documents = [] {
        std::vector<json> parsed;
        for (std::string_view source : embedded_catalog_sources())
            parsed.push_back(json::parse(source.begin(), source.end(), nullptr, false));
        return parsed;
    }();
    return documents;
}

}  // namespace

const Catalog& Catalog::builtin() {
    static const Catalog catalog = [] {
        Catalog c;
        c.load_builtin_and({});
        return c;
    }();
    return catalog;
}

void Catalog::load(const std::vector<std::string_view>& sources) {
    for (size_t i = 0; i < sources.size(); ++i) load_source(sources[i], "catalog document " + std::to_string(i));
    resolve();
}

void Catalog::load_builtin_and(const std::vector<std::string_view>& sources) {
    const std::vector<json>& builtin = builtin_documents();
    for (size_t i = 0; i < builtin.size(); ++i) load_parsed(builtin[i], "catalog document " + std::to_string(i));
    for (size_t i = 0; i < sources.size(); ++i) load_source(sources[i], "catalog document " + std::to_string(builtin.size() + i));
    resolve();
}

void Catalog::load_source(std::string_view source, const std::string& origin) {
    load_parsed(json::parse(source.begin(), source.end(), nullptr, false), origin);
}

void Catalog::load_parsed(const json& doc, const std::string& origin) {
    if (doc.is_discarded() || !doc.is_object()) {
        problems_.push_back(origin + " is not a JSON object");
        return;
    }
    load_document(doc, origin);
}

void Catalog::load_document(const json& doc, const std::string& origin) {
    if (auto types = doc.find("types"); types != doc.end() && types->is_object()) {
        for (auto it = types->begin(); it != types->end(); ++it) {
            const json& spec = it.value();
            TypeDef& type = types_[it.key()];
            type.name = it.key();
            type.shortName = short_type_name(it.key());
            type.baseName = text_of(spec, "base");
            type.description = text_of(spec, "description");
            type.entity = text_of(spec, "kind") == "entity";
            type.abstract = flag_of(spec, "abstract");
            type.open = flag_of(spec, "open");
            type.partial = flag_of(spec, "partial");
            if (auto props = spec.find("properties"); props != spec.end() && props->is_object()) {
                for (auto p = props->begin(); p != props->end(); ++p) {
                    const json& ps = p.value();
                    PropertyDef prop;
                    prop.name = p.key();
                    prop.typeName = text_of(ps, "type");
                    prop.description = text_of(ps, "description");
                    prop.collection = flag_of(ps, "collection");
                    prop.nullable = flag_of(ps, "nullable", true);
                    prop.readOnly = flag_of(ps, "readOnly");
                    prop.serverAssigned = flag_of(ps, "serverAssigned");
                    prop.navigation = flag_of(ps, "navigation");
                    prop.key = flag_of(ps, "key");
                    if (auto range = ps.find("range"); range != ps.end() && range->is_array() && range->size() == 2 &&
                                                       (*range)[0].is_number_integer() && (*range)[1].is_number_integer()) {
                        prop.hasRange = true;
                        prop.rangeMin = (*range)[0].get<int64_t>();
                        prop.rangeMax = (*range)[1].get<int64_t>();
                    }
                    if (auto max = ps.find("maxLength"); max != ps.end() && max->is_number_integer())
                        prop.maxLength = max->get<int64_t>();
                    if (auto example = ps.find("example"); example != ps.end()) prop.example = *example;
                    type.ownProperties.push_back(std::move(prop));
                }
            }
        }
    }
    if (auto enums = doc.find("enums"); enums != doc.end() && enums->is_object()) {
        for (auto it = enums->begin(); it != enums->end(); ++it) {
            EnumDef& e = enums_[it.key()];
            e.name = it.key();
            e.shortName = short_type_name(it.key());
            e.members = strings_of(it.value(), "members");
            if (e.members.empty()) problems_.push_back(origin + ": enum " + e.name + " has no members");
        }
    }
    if (auto sets = doc.find("entitySets"); sets != doc.end() && sets->is_array()) {
        for (const auto& spec : *sets) {
            if (!spec.is_object()) continue;
            auto set = std::make_unique<EntitySet>();
            set->path = text_of(spec, "path");
            set->typeName = text_of(spec, "type");
            set->key = text_of(spec, "key");
            entitySets_.push_back(std::move(set));
        }
    }
    if (auto ops = doc.find("operations"); ops != doc.end() && ops->is_array()) {
        for (const auto& spec : *ops) {
            if (!spec.is_object()) continue;
            auto op = std::make_unique<OperationDef>();
            op->id = text_of(spec, "id");
            op->resource = text_of(spec, "resource");
            op->title = text_of(spec, "title");
            op->description = text_of(spec, "description");
            op->method = text_of(spec, "method");
            op->version = text_of(spec, "version", "v1.0");
            op->path = text_of(spec, "path");
            op->bodyTypeName = text_of(spec, "bodyType");
            op->required = strings_of(spec, "required");
            if (spec.contains("updatable")) {
                op->restrictsUpdates = true;
                op->updatable = strings_of(spec, "updatable");
            }
            if (auto headers = spec.find("headers"); headers != spec.end() && headers->is_array())
                for (const auto& h : *headers)
                    if (h.is_object()) op->headers.push_back({text_of(h, "name"), text_of(h, "value"), flag_of(h, "required")});
            if (auto response = spec.find("response"); response != spec.end() && response->is_object()) {
                if (auto status = response->find("status"); status != response->end() && status->is_number_integer())
                    op->responseStatus = status->get<int>();
                op->responseReason = text_of(*response, "reason", "OK");
                op->responseTypeName = text_of(*response, "type");
            }
            if (auto perms = spec.find("permissions"); perms != spec.end() && perms->is_object()) {
                op->permissionsDelegatedWork = strings_of(*perms, "delegatedWork");
                op->permissionsDelegatedPersonal = strings_of(*perms, "delegatedPersonal");
                op->permissionsApplication = strings_of(*perms, "application");
            }
            op->nationalClouds = strings_of(spec, "nationalClouds");
            op->caveats = strings_of(spec, "caveats");
            op->documented = flag_of(spec, "documented", true);
            op->minimal = strings_of(spec, "minimal");
            if (auto example = spec.find("docsExample"); example != spec.end()) op->docsExample = *example;
            if (auto findings = spec.find("docsExampleFindings"); findings != spec.end() && findings->is_array())
                for (const auto& f : *findings)
                    if (f.is_array() && f.size() == 3 && f[0].is_string() && f[1].is_string() && f[2].is_string())
                        op->docsExampleFindings.push_back({f[0].get<std::string>(), f[1].get<std::string>(), f[2].get<std::string>()});
            for (size_t open = op->path.find('{'); open != std::string::npos; open = op->path.find('{', open + 1)) {
                size_t close = op->path.find('}', open);
                if (close == std::string::npos) break;
                op->pathParameters.push_back(op->path.substr(open + 1, close - open - 1));
            }
            operations_.push_back(std::move(op));
        }
    }
}

void Catalog::resolve() {
    for (auto& [name, type] : types_) {
        if (!type.baseName.empty()) {
            auto base = types_.find(type.baseName);
            if (base == types_.end()) {
                problems_.push_back("type " + name + ": base type " + type.baseName + " is not in the catalog");
            } else {
                type.base = &base->second;
                base->second.derived.push_back(&type);
            }
        }
        for (auto& prop : type.ownProperties) {
            prop.primitive = primitive_of(prop.typeName);
            if (prop.primitive != Primitive::None) continue;
            if (auto t = types_.find(prop.typeName); t != types_.end()) prop.structured = &t->second;
            else if (auto e = enums_.find(prop.typeName); e != enums_.end()) prop.enumeration = &e->second;
            else problems_.push_back("type " + name + ": property " + prop.name + " has unknown type " + prop.typeName);
            if (prop.navigation && (!prop.structured || !prop.structured->entity))
                problems_.push_back("type " + name + ": navigation property " + prop.name + " must target an entity type");
        }
    }
    // Flatten properties base-first once every base is known.
    for (auto& [name, type] : types_) {
        std::vector<const TypeDef*> chain;
        for (const TypeDef* t = &type; t; t = t->base) {
            if (std::find(chain.begin(), chain.end(), t) != chain.end()) {
                problems_.push_back("type " + name + ": its base types form a cycle");
                break;
            }
            chain.push_back(t);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            for (const auto& prop : (*it)->ownProperties) {
                if (type.byName.count(prop.name)) {
                    problems_.push_back("type " + name + ": property " + prop.name + " is declared twice");
                    continue;
                }
                type.properties.push_back(&prop);
                type.byName.emplace(prop.name, &prop);
            }
    }
    for (auto& set : entitySets_) {
        set->type = type(set->typeName);
        if (!set->type || !set->type->entity)
            problems_.push_back("entity set " + set->path + ": type " + set->typeName + " is not an entity type in the catalog");
    }
    for (auto& op : operations_) {
        const std::string where = "operation " + op->id;
        if (op->id.empty() || op->id.find('.') == std::string::npos) problems_.push_back(where + ": the id must read <entityType>.<verb>");
        op->bodyType = type(op->bodyTypeName);
        op->responseType = type(op->responseTypeName);
        if (op->has_body() && !op->bodyType) problems_.push_back(where + ": body type " + op->bodyTypeName + " is not in the catalog");
        if (!op->responseTypeName.empty() && !op->responseType)
            problems_.push_back(where + ": response type " + op->responseTypeName + " is not in the catalog");
        ResolvedPath resolved = resolve_path(op->path);
        op->entitySet = resolved.entitySet;
        op->addressType = resolved.entitySet ? resolved.entitySet->type : nullptr;
        if (!op->addressType) problems_.push_back(where + ": path " + op->path + " matches no entity set");
        if (op->bodyType && op->addressType && !op->bodyType->is_or_derives_from(op->addressType))
            problems_.push_back(where + ": body type " + op->bodyTypeName + " is not the addressed type or one of its subtypes");
        auto check_names = [&](const std::vector<std::string>& names, const char* list) {
            for (const auto& n : names)
                if (!op->bodyType || !op->bodyType->property(n))
                    problems_.push_back(where + ": " + list + " names " + n + ", which is not a property of the body type");
        };
        check_names(op->required, "required");
        check_names(op->updatable, "updatable");
        check_names(op->minimal, "minimal");
        for (const auto& other : operations_)
            if (other.get() != op.get() && other->id == op->id) problems_.push_back(where + ": the id is used twice");
    }
}

const TypeDef* Catalog::type(std::string_view qualifiedName) const {
    auto it = types_.find(qualifiedName);
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

ResolvedPath Catalog::resolve_path(std::string_view path) const {
    ResolvedPath result;
    std::vector<std::string_view> segments = path_segments(path);
    for (const auto& set : entitySets_) {
        std::vector<std::string_view> setSegments = path_segments(set->path);
        if (segments.size() != setSegments.size() && segments.size() != setSegments.size() + 1) continue;
        bool match = true;
        for (size_t i = 0; i < setSegments.size() && match; ++i) match = equal_ignoring_case(segments[i], setSegments[i]);
        if (!match) continue;
        result.entitySet = set.get();
        result.singleEntity = segments.size() == setSegments.size() + 1;
        if (result.singleEntity) result.keyValue = std::string(segments.back());
        return result;
    }
    return result;
}

}  // namespace gpb
