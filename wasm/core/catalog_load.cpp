// Reading a model: the overlay's curated documents, a Graph version's pack beneath them, a
// service's own metadata; then linking names to types. Run once per model, as one long task on the
// page, so the site compiles it for speed with the pack reader (wasm/bindings/site.cmake); the
// lookups a check makes are in catalog.cpp.
#include <algorithm>
#include <cctype>

#include "catalog.hpp"
#include "catalog_data.hpp"
#include "csdl_xml.hpp"
#include "json_value.hpp"
#include "model_pack.hpp"
#include "text.hpp"

namespace gpb {

using json = nlohmann::ordered_json;

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

}  // namespace

namespace {

// The builtin documents are parsed once; a page's own model is then loaded beside them.
const std::vector<json>& builtin_documents() {
    static const std::vector<json> documents = [] {
        std::vector<json> parsed;
        for (std::string_view source : embedded_catalog_sources()) parsed.push_back(read_json_value(source));
        return parsed;
    }();
    return documents;
}

}  // namespace

namespace {

std::map<std::string, std::unique_ptr<Catalog>, std::less<>>& models() {
    static std::map<std::string, std::unique_ptr<Catalog>, std::less<>> all;
    return all;
}

// How many models replace_model has replaced (Catalog::generation).
uint64_t& replaced_models() {
    static uint64_t count = 0;
    return count;
}

// The small model the page starts with stays alive when a whole version replaces it (a caller may
// hold a reference to it); a whole model replaced by another is freed, so that loading a pack again
// costs no memory.
void replace_model(const std::string& name, std::unique_ptr<Catalog> model) {
    static std::vector<std::unique_ptr<Catalog>> retired;
    ++replaced_models();
    auto& slot = models()[name];
    if (slot && !slot->complete()) retired.push_back(std::move(slot));
    slot = std::move(model);
}

std::string first_problem(const std::vector<std::string>& problems) {
    if (problems.empty()) return {};
    return problems.front() + (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more problems)" : "");
}

}  // namespace

// A Graph version: its metadata pack, then the overlay's facts and operations for that version.
std::unique_ptr<Catalog> Catalog::graph_model(const std::string& version, std::string_view pack, bool complete) {
    auto c = std::make_unique<Catalog>();
    c->name_ = c->urlVersion_ = version;
    c->complete_ = complete;
    std::string problem = ModelPackReader::read(*c, pack);
    if (!problem.empty()) c->problems_.push_back("the " + version + " model pack: " + problem);
    const std::vector<json>& overlay = builtin_documents();
    for (size_t i = 0; i < overlay.size(); ++i) c->load_parsed(overlay[i], "overlay document " + std::to_string(i));
    c->usesGraphPermissions_ = true;
    c->resolve();
    return c;
}

const Catalog* Catalog::named(std::string_view name) {
    auto& all = models();
    if (auto it = all.find(name); it != all.end()) return it->second.get();
    if (name != "beta" && name != "v1.0") return nullptr;
    std::string version(name);
    std::string_view pack = embedded_pack(version);
    bool complete = !pack.empty();
    if (!complete && version == "beta") pack = embedded_pack("seed");
    if (pack.empty()) return nullptr;
    auto inserted = all.emplace(version, graph_model(version, pack, complete));
    return inserted.first->second.get();
}

const Catalog& Catalog::builtin() { return *named("beta"); }

uint64_t Catalog::generation() { return replaced_models(); }

std::string Catalog::load_pack(const std::string& version, std::string_view csdlJson) {
    if (version != "beta" && version != "v1.0") return "no Graph version is called " + version;
    std::unique_ptr<Catalog> c = graph_model(version, csdlJson, true);
    if (!c->hasMetadata_) return first_problem(c->problems_);
    replace_model(version, std::move(c));
    return {};
}

std::string Catalog::read_metadata_only(Catalog& into, std::string_view metadata) {
    CsdlText csdl = read_csdl(metadata);
    if (!csdl.ok) return csdl.problem;
    into.add_csdl(csdl.csdl);
    return first_problem(into.problems_);
}

namespace {

// A service root is an http(s) URL with a host and no query; its trailing slash is dropped.
std::string service_root_problem(std::string_view root) {
    size_t scheme = root.find("://");
    std::string_view name = scheme == std::string_view::npos ? std::string_view() : root.substr(0, scheme);
    if (name != "https" && name != "http") return "the service root must start with https:// or http://";
    if (root.size() == scheme + 3 || root[scheme + 3] == '/') return "the service root has no host name";
    if (root.find_first_of("?# \t\r\n") != std::string_view::npos) return "the service root must not have a query, a fragment or spaces";
    return {};
}

}  // namespace

// The root always has a scheme and a host, and never a query (service_root_problem).
std::string_view Catalog::rootPath() const {
    std::string_view path = url_path(host_);
    return path.empty() ? path : path.substr(1);
}

std::string Catalog::load_named(const std::string& name, std::string_view metadata, std::string_view serviceRoot) {
    if (name.empty()) return "a model needs a name";
    if (!serviceRoot.empty()) {
        std::string problem = service_root_problem(serviceRoot);
        if (!problem.empty()) return problem;
        while (serviceRoot.size() > 1 && serviceRoot.back() == '/') serviceRoot.remove_suffix(1);
    }
    if (name == "beta" || name == "v1.0") return "\"" + name + "\" is the name of a Graph version; choose another";
    CsdlText csdl = read_csdl(metadata);
    if (!csdl.ok) return csdl.problem;
    auto c = std::make_unique<Catalog>();
    c->name_ = name;
    c->urlVersion_.clear();
    c->host_ = serviceRoot.empty() ? "https://{host}" : std::string(serviceRoot);
    c->complete_ = true;
    c->add_csdl(csdl.csdl);
    c->resolve();
    if (!c->problems_.empty()) return first_problem(c->problems_);
    if (c->entitySets_.empty() && c->actions_.empty()) return "the metadata has no entity container and no actions: nothing to address";
    replace_model(name, std::move(c));
    return {};
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

void Catalog::load_source(std::string_view source, const std::string& origin) { load_parsed(read_json_value(source), origin); }

void Catalog::load_parsed(const json& doc, const std::string& origin) {
    if (doc.is_discarded() || !doc.is_object()) {
        problems_.push_back(origin + " is not a JSON object");
        return;
    }
    load_document(doc, origin);
}

PropertyDef Catalog::overlay_property(const std::string& name, const json& ps) {
    PropertyDef prop;
    prop.name = name;
    prop.typeName = text_of(ps, "type");
    prop.description = text_of(ps, "description");
    prop.collection = flag_of(ps, "collection");
    prop.nullable = flag_of(ps, "nullable", true);
    prop.readOnly = flag_of(ps, "readOnly");
    prop.serverAssigned = flag_of(ps, "serverAssigned");
    prop.navigation = flag_of(ps, "navigation");
    prop.key = flag_of(ps, "key");
    apply_overlay_facts(prop, ps);
    return prop;
}

// The facts metadata does not carry: ranges, lengths, examples, server-assigned values.
void Catalog::apply_overlay_facts(PropertyDef& prop, const json& ps) {
    if (auto range = ps.find("range"); range != ps.end() && range->is_array() && range->size() == 2 && (*range)[0].is_number_integer() &&
                                       (*range)[1].is_number_integer()) {
        prop.hasRange = true;
        prop.rangeMin = (*range)[0].get<int64_t>();
        prop.rangeMax = (*range)[1].get<int64_t>();
    }
    if (auto max = ps.find("maxLength"); max != ps.end() && max->is_number_integer()) prop.maxLength = max->get<int64_t>();
    if (auto example = ps.find("example"); example != ps.end()) prop.example = *example;
}

// An overlay entry for a type the metadata has: its facts go onto the metadata's properties. Where
// the two disagree on what the metadata states (type, collection, nullability), the metadata wins
// and the disagreement is listed in overlay_notes().
void Catalog::merge_overlay_type(TypeDef& type, const json& spec, const std::string& origin) {
    if (type.description.empty()) type.description = text_of(spec, "description");
    auto props = spec.find("properties");
    if (props == spec.end() || !props->is_object()) return;
    for (auto p = props->begin(); p != props->end(); ++p) {
        const json& ps = p.value();
        PropertyDef* prop = nullptr;
        for (auto& own : type.ownProperties)
            if (own.name == p.key()) prop = &own;
        if (!prop) {
            overlayNotes_.push_back(origin + ": " + type.name + "/" + p.key() +
                                    " is not in the metadata (an inherited property or a stale fact); the overlay entry is ignored");
            continue;
        }
        std::string where = type.name + "/" + p.key();
        if (ps.contains("type") && text_of(ps, "type") != prop->typeName)
            overlayNotes_.push_back(origin + ": " + where + " is " + prop->typeName + " in the metadata, " + text_of(ps, "type") +
                                    " in the overlay");
        if (flag_of(ps, "collection") != prop->collection)
            overlayNotes_.push_back(origin + ": " + where + (prop->collection ? " is" : " is not") + " a collection in the metadata");
        if (ps.contains("nullable") && flag_of(ps, "nullable", true) != prop->nullable)
            overlayNotes_.push_back(origin + ": " + where + " is Nullable=" + (prop->nullable ? "true" : "false") + " in the metadata");
        if (prop->description.empty()) prop->description = text_of(ps, "description");
        prop->readOnly = prop->readOnly || flag_of(ps, "readOnly");
        prop->serverAssigned = prop->serverAssigned || flag_of(ps, "serverAssigned");
        apply_overlay_facts(*prop, ps);
    }
}

void Catalog::load_document(const json& doc, const std::string& origin) {
    if (auto types = doc.find("types"); types != doc.end() && types->is_object()) load_overlay_types(*types, origin);
    if (auto enums = doc.find("enums"); enums != doc.end() && enums->is_object()) load_overlay_enums(*enums, origin);
    // With metadata the container is the metadata's; a catalog without it names its own sets.
    if (auto sets = doc.find("entitySets"); !hasMetadata_ && sets != doc.end() && sets->is_array()) load_overlay_entity_sets(*sets);
    if (auto ops = doc.find("operations"); ops != doc.end() && ops->is_array()) {
        for (const auto& spec : *ops) {
            if (!spec.is_object()) continue;
            if (hasMetadata_ && text_of(spec, "version", "v1.0") != urlVersion_) continue;
            operations_.push_back(overlay_operation(spec));
        }
    }
}

// The overlay's types: facts for the metadata's types when there is metadata, else the types themselves.
void Catalog::load_overlay_types(const json& types, const std::string& origin) {
    for (auto it = types.begin(); it != types.end(); ++it) {
        const json& spec = it.value();
        auto existing = types_.find(it.key());
        if (hasMetadata_ && existing != types_.end()) {
            merge_overlay_type(existing->second, spec, origin);
            continue;
        }
        TypeDef& type = types_[it.key()];
        type.name = it.key();
        type.shortName = short_type_name(it.key());
        type.baseName = text_of(spec, "base");
        type.description = text_of(spec, "description");
        type.entity = text_of(spec, "kind") == "entity";
        type.abstract = flag_of(spec, "abstract");
        type.open = flag_of(spec, "open");
        type.partial = flag_of(spec, "partial");
        if (auto props = spec.find("properties"); props != spec.end() && props->is_object())
            for (auto p = props->begin(); p != props->end(); ++p) type.ownProperties.push_back(overlay_property(p.key(), p.value()));
    }
}

void Catalog::load_overlay_enums(const json& enums, const std::string& origin) {
    for (auto it = enums.begin(); it != enums.end(); ++it) {
        EnumDef& e = enums_[it.key()];
        e.name = it.key();
        e.shortName = short_type_name(it.key());
        e.members = strings_of(it.value(), "members");
        if (e.members.empty()) problems_.push_back(origin + ": enum " + e.name + " has no members");
    }
}

void Catalog::load_overlay_entity_sets(const json& sets) {
    for (const auto& spec : sets) {
        if (!spec.is_object()) continue;
        auto set = std::make_unique<EntitySet>();
        set->path = text_of(spec, "path");
        set->name = set->path.empty() ? std::string() : set->path.substr(1);
        set->typeName = text_of(spec, "type");
        entitySets_.push_back(std::move(set));
    }
}

namespace {

void read_overlay_headers(OperationDef& op, const json& spec) {
    if (auto headers = spec.find("headers"); headers != spec.end() && headers->is_array())
        for (const auto& h : *headers)
            if (h.is_object()) op.headers.push_back({text_of(h, "name"), text_of(h, "value"), flag_of(h, "required")});
}

void read_overlay_response(OperationDef& op, const json& spec) {
    auto response = spec.find("response");
    if (response == spec.end() || !response->is_object()) return;
    if (auto status = response->find("status"); status != response->end() && status->is_number_integer())
        op.responseStatus = status->get<int>();
    op.responseReason = text_of(*response, "reason", "OK");
    op.responseTypeName = text_of(*response, "type");
}

void read_overlay_permissions(OperationDef& op, const json& spec) {
    auto perms = spec.find("permissions");
    if (perms == spec.end() || !perms->is_object()) return;
    op.permissionsSource = "overlay";
    op.permissionsDelegatedWork = strings_of(*perms, "delegatedWork");
    op.permissionsDelegatedPersonal = strings_of(*perms, "delegatedPersonal");
    op.permissionsApplication = strings_of(*perms, "application");
}

// The docs' own example and what checking it found: [code, path, message] triples.
void read_docs_example(OperationDef& op, const json& spec) {
    if (auto example = spec.find("docsExample"); example != spec.end()) op.docsExample = *example;
    if (auto findings = spec.find("docsExampleFindings"); findings != spec.end() && findings->is_array())
        for (const auto& f : *findings)
            if (f.is_array() && f.size() == 3 && f[0].is_string() && f[1].is_string() && f[2].is_string())
                op.docsExampleFindings.push_back({f[0].get<std::string>(), f[1].get<std::string>(), f[2].get<std::string>()});
}

// The names in a path template's braces: "/users/{id}/messages/{message-id}" -> id, message-id.
std::vector<std::string> path_parameters(const std::string& path) {
    std::vector<std::string> names;
    for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
        size_t close = path.find('}', open);
        if (close == std::string::npos) break;
        names.push_back(path.substr(open + 1, close - open - 1));
    }
    return names;
}

}  // namespace

// A curated operation as the overlay states it; resolve_overlay_operations() completes it.
std::unique_ptr<OperationDef> Catalog::overlay_operation(const json& spec) {
    auto op = std::make_unique<OperationDef>();
    op->id = text_of(spec, "id");
    op->curated = true;
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
    read_overlay_headers(*op, spec);
    read_overlay_response(*op, spec);
    read_overlay_permissions(*op, spec);
    op->nationalClouds = strings_of(spec, "nationalClouds");
    op->caveats = strings_of(spec, "caveats");
    op->documented = flag_of(spec, "documented", true);
    op->minimal = strings_of(spec, "minimal");
    read_docs_example(*op, spec);
    op->pathParameters = path_parameters(op->path);
    return op;
}

void Catalog::resolve() {
    for (auto& [name, type] : types_) type.inModel = true;
    link_base_types();
    resolve_property_types();
    flatten_properties();
    for (auto& set : entitySets_) {
        set->type = type(set->typeName);
        if (!set->type || !set->type->entity)
            problems_.push_back("entity set " + set->path + ": type " + set->typeName + " is not an entity type in the model");
    }
    for (auto& action : actions_) {
        if (action->bound) {
            action->bindingType = type(action->bindingTypeName);
            if (!action->bindingType)
                problems_.push_back("action " + action->qualifiedName + ": binding type " + action->bindingTypeName +
                                    " is not in the model");
        }
        resolve_properties(action->parameters.ownProperties, action->qualifiedName);
        for (auto& param : action->parameters.ownProperties) {
            action->parameters.properties.push_back(&param);
            action->parameters.byName.emplace_back(param.name, &param);
            // Graph's metadata spells parameters "Message", its docs and services "message": both are accepted.
            if (!param.camelName.empty()) action->parameters.byName.emplace_back(param.camelName, &param);
        }
        action->parameters.index_names();
        if (action->returns) {
            std::vector<PropertyDef> ret(1, action->returnValue);
            resolve_properties(ret, action->qualifiedName + " return type");
            action->returnValue = ret.front();
        }
    }
    resolve_overlay_operations();
}

void Catalog::link_base_types() {
    for (auto& [name, type] : types_) {
        if (type.baseName.empty()) continue;
        auto base = types_.find(type.baseName);
        if (base == types_.end()) {
            problems_.push_back("type " + name + ": base type " + type.baseName + " is not in the model");
        } else if (base->second.entity != type.entity) {
            problems_.push_back("type " + name + ": base type " + type.baseName + " is not of the same kind");
        } else {
            type.base = &base->second;
        }
    }
    // A cycle of base types would make every walk up the chain endless: cut it where it closes.
    for (auto& [name, type] : types_) {
        std::vector<const TypeDef*> chain;
        for (TypeDef* t = &type; t && t->base; t = const_cast<TypeDef*>(t->base)) {
            chain.push_back(t);
            if (std::find(chain.begin(), chain.end(), t->base) != chain.end()) {
                problems_.push_back("type " + name + ": its base types form a cycle");
                t->base = nullptr;
                break;
            }
        }
    }
    for (auto& [name, type] : types_)
        if (type.base) const_cast<TypeDef*>(type.base)->derived.push_back(&type);
}

void Catalog::resolve_properties(std::vector<PropertyDef>& props, const std::string& owner) {
    for (auto& prop : props) {
        prop.primitive = primitive_of(prop.typeName);
        if (prop.primitive != Primitive::None) continue;
        if (auto t = types_.find(prop.typeName); t != types_.end()) prop.structured = &t->second;
        else if (auto e = enums_.find(prop.typeName); e != enums_.end()) prop.enumeration = &e->second;
        else problems_.push_back(owner + ": property " + prop.name + " has unknown type " + prop.typeName);
        if (prop.navigation && (!prop.structured || !prop.structured->entity))
            problems_.push_back(owner + ": navigation property " + prop.name + " must target an entity type");
    }
}

void Catalog::resolve_property_types() {
    for (auto& [name, type] : types_) resolve_properties(type.ownProperties, "type " + name);
}

// Properties base-first, once every base is known.
void Catalog::flatten_properties() {
    std::vector<const TypeDef*> chain;
    for (auto& [name, type] : types_) {
        chain.clear();
        size_t count = 0;
        for (const TypeDef* t = &type; t; t = t->base) chain.push_back(t), count += t->ownProperties.size();
        type.properties.reserve(count);
        type.byName.reserve(count);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            for (const auto& prop : (*it)->ownProperties) {
                type.properties.push_back(&prop);
                type.byName.emplace_back(prop.name, &prop);
            }
        type.index_names();
        for (std::string_view repeated : type.repeated_names())
            problems_.push_back("type " + name + ": property " + std::string(repeated) + " is declared twice");
    }
}

// Each overlay operation is resolved from its method and path like any other; what it states
// (body type, required, updatable, status) stays, the rest comes from the resolution.
void Catalog::resolve_overlay_operations() {
    for (auto& op : operations_) {
        const std::string where = "operation " + op->id;
        if (op->id.empty() || op->id.find('.') == std::string::npos) problems_.push_back(where + ": the id must read <entityType>.<verb>");
        op->bodyType = type(op->bodyTypeName);
        op->responseType = type(op->responseTypeName);
        if ((op->method == "POST" || op->method == "PATCH" || op->method == "PUT") && !op->bodyType)
            problems_.push_back(where + ": body type " + op->bodyTypeName + " is not in the model");
        if (!op->responseTypeName.empty() && !op->responseType)
            problems_.push_back(where + ": response type " + op->responseTypeName + " is not in the model");
        Resolution resolution = resolve(op->method, op->path);
        const OperationDef* generic = resolution.operation;
        if (!generic) {
            problems_.push_back(where + ": path " + op->path + " does not resolve: " + resolution.problem);
        } else {
            op->kind = generic->kind;
            op->bodyKind = generic->bodyKind;
            op->responseShape = generic->responseShape;
            op->action = generic->action;
            op->entitySet = generic->entitySet;
            op->addressType = generic->bodyType ? generic->bodyType : generic->addressType;
            op->statuses = generic->statuses;
            op->statuses.erase(std::remove(op->statuses.begin(), op->statuses.end(), op->responseStatus), op->statuses.end());
            op->statuses.insert(op->statuses.begin(), op->responseStatus);
        }
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
    overlayResolved_ = true;
}

}  // namespace gpb
