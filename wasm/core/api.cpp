#include "api.hpp"

#include <nlohmann/json.hpp>

#include "builders.hpp"
#include "diagnostic_codes.hpp"
#include "catalog.hpp"
#include "doc_lint.hpp"
#include "editor_assist.hpp"
#include "http_text.hpp"
#include "json_value.hpp"
#include "text.hpp"
#include "validator.hpp"

namespace gpb::api {

using ojson = nlohmann::ordered_json;

namespace {

std::string dump(const ojson& value) { return value.dump(-1, ' ', false, ojson::error_handler_t::replace); }

std::string error(ApiError code, const std::string& message) {
    ojson out;
    out["error"] = {{"code", api_error_name(code)}, {"message", message}};
    return dump(out);
}

std::string unknown_operation(std::string_view id, const std::string& why = {}) {
    std::string known;
    for (const auto& op : Catalog::builtin().operations()) known += (known.empty() ? "" : ", ") + op->id;
    return error(ApiError::UnknownOperation, "No operation has the id " + json_quote(id) + (why.empty() ? "" : ": " + why) +
                                                 "; give a curated id (" + known +
                                                 ") or METHOD and path, as in \"PATCH /users/{userId}\".");
}

// A target names an operation: a curated id ("incidentTask.update"), or "METHOD path", either one
// after a model name ("v1.0 PATCH /users/{userId}", "metadata-1 GET /books").
struct Target {
    const Catalog* model = nullptr;
    const OperationDef* operation = nullptr;
    std::string problem;
};

// The target that names an operation of a model: its id, after the model's name unless that is beta.
std::string target_of(const Catalog& model, const OperationDef& op) {
    return (model.name() == "beta" ? std::string() : model.name() + " ") + op.id;
}

// The calls' `response` flag as the core's direction.
Direction direction_of(bool response) { return response ? Direction::Response : Direction::Request; }

Target find_target(std::string_view target) {
    Target t;
    t.model = &Catalog::builtin();
    std::string_view rest = target;
    size_t space = rest.find(' ');
    if (space != std::string_view::npos && !is_http_method(rest.substr(0, space))) {
        const Catalog* named = Catalog::named(rest.substr(0, space));
        if (!named) {
            t.problem = "no model is called " + json_quote(rest.substr(0, space));
            return t;
        }
        t.model = named;
        rest = rest.substr(space + 1);
        space = rest.find(' ');
    }
    if (space != std::string_view::npos && is_http_method(rest.substr(0, space))) {
        Resolution r = t.model->resolve(rest.substr(0, space), rest.substr(space + 1));
        t.operation = r.operation;
        t.problem = r.problem;
        return t;
    }
    t.operation = t.model->operation(rest);
    return t;
}

ojson headers_json(const Headers& headers) {
    ojson out = ojson::object();
    for (const auto& [name, value] : headers) out[name] = value;
    return out;
}

std::string kind_of(const PropertyDef& prop) {
    if (prop.enumeration) return "enum";
    if (prop.structured) return prop.structured->entity ? "entity" : "complex";
    return "primitive";
}

ojson property_json(const PropertyDef& prop, const OperationDef* bodyOperation) {
    ojson p;
    p["name"] = prop.name;
    p["type"] = prop.typeName;
    p["kind"] = kind_of(prop);
    p["collection"] = prop.collection;
    p["nullable"] = prop.nullable;
    p["readOnly"] = prop.readOnly;
    p["serverAssigned"] = prop.serverAssigned;
    p["navigation"] = prop.navigation;
    p["key"] = prop.key;
    if (prop.hasRange) p["range"] = {prop.rangeMin, prop.rangeMax};
    if (prop.maxLength >= 0) p["maxLength"] = prop.maxLength;
    p["description"] = prop.description;
    // Whether a client sends it in this operation's body, and why not.
    std::string send = "yes", reason;
    if (prop.navigation) send = "no", reason = "A navigation property (a relationship): it cannot be written inline.";
    else if (prop.readOnly) send = "no", reason = "Read-only: the service sets it.";
    else if (bodyOperation && !bodyOperation->may_send(prop.name)) send = "no", reason = "This operation cannot change it.";
    else if (prop.serverAssigned) send = "warning", reason = "Assigned by the service or taken from the token.";
    p["send"] = send;
    if (!reason.empty()) p["reason"] = reason;
    return p;
}

ojson type_json(const TypeDef& type, const OperationDef* bodyOperation) {
    ojson t;
    t["name"] = type.name;
    t["shortName"] = type.shortName;
    t["kind"] = type.entity ? "entity" : "complex";
    t["abstract"] = type.abstract;
    t["open"] = type.open;
    t["partial"] = type.partial;
    t["base"] = type.base ? ojson(type.base->name) : ojson();
    ojson derived = ojson::array();
    for (const TypeDef* d : type.derived) derived.push_back(d->name);
    t["derived"] = derived;
    t["description"] = type.description;
    ojson props = ojson::array();
    for (const PropertyDef* prop : type.properties) props.push_back(property_json(*prop, bodyOperation));
    t["properties"] = props;
    return t;
}

ojson enum_json(const EnumDef& e) { return {{"name", e.name}, {"shortName", e.shortName}, {"flags", e.flags}, {"members", e.members}}; }

// The types a body of `root` can hold: its properties' types and every derived type, but not the
// targets of navigation properties (a body links to those, it does not write them). Iterative: a
// Graph type reaches thousands of others through navigation, and chains of derived types are long.
void add_types(const TypeDef& root, const OperationDef* bodyOperation, ojson& types, ojson& enums) {
    std::vector<const TypeDef*> pending{&root};
    while (!pending.empty()) {
        const TypeDef* type = pending.back();
        pending.pop_back();
        if (types.contains(type->name)) continue;
        types[type->name] = type_json(*type, type->is_or_derives_from(&root) ? bodyOperation : nullptr);
        for (const TypeDef* d : type->derived) pending.push_back(d);
        for (const PropertyDef* prop : type->properties) {
            if (prop->structured && !prop->navigation) pending.push_back(prop->structured);
            if (prop->enumeration && !enums.contains(prop->enumeration->name))
                enums[prop->enumeration->name] = enum_json(*prop->enumeration);
        }
    }
}

const char* kind_name(OperationKind kind) {
    switch (kind) {
        case OperationKind::Create: return "create";
        case OperationKind::Read: return "read";
        case OperationKind::List: return "list";
        case OperationKind::Update: return "update";
        case OperationKind::Replace: return "replace";
        case OperationKind::Delete: return "delete";
        case OperationKind::Action: return "action";
        case OperationKind::Function: return "function";
        case OperationKind::Reference: return "reference";
        case OperationKind::Media: return "media";
        case OperationKind::Count: return "count";
        case OperationKind::PropertyRead: return "property";
    }
    return "";
}

ojson operation_summary(const OperationDef& op) {
    ojson o;
    o["id"] = op.id;
    o["resource"] = op.resource;
    o["title"] = op.title;
    o["description"] = op.description;
    o["method"] = op.method;
    o["path"] = op.path;
    o["version"] = op.version;
    return o;
}

// Least privileged first; where the reference does not list the operation, the note says so.
ojson permissions_json(const OperationDef& op) {
    ojson p = {{"source", op.permissionsSource.empty() ? ojson() : ojson(op.permissionsSource)},
               {"delegatedWork", op.permissionsDelegatedWork},
               {"delegatedPersonal", op.permissionsDelegatedPersonal},
               {"application", op.permissionsApplication}};
    if (op.permissionsSource.empty()) p["note"] = "not listed in the permissions reference";
    return p;
}

}  // namespace

std::string operations() {
    ojson list = ojson::array();
    for (const auto& op : Catalog::builtin().operations()) list.push_back(operation_summary(*op));
    return dump(list);
}

std::string operations_json(const std::vector<const OperationDef*>& ops) {
    ojson list = ojson::array();
    for (const OperationDef* op : ops) list.push_back(operation_summary(*op));
    return dump(list);
}

std::string resolution_json(const Catalog& catalog, const Resolution& resolution) {
    if (!resolution.operation) {
        ojson out;
        out["error"] = {{"code", api_error_name(ApiError::Unresolved)}, {"message", resolution.problem}, {"segment", resolution.segment}};
        return dump(out);
    }
    const OperationDef& op = *resolution.operation;
    ojson o = operation_summary(op);
    o["model"] = catalog.name();
    o["kind"] = kind_name(op.kind);
    o["target"] = target_of(catalog, op);
    o["request"] = {{"kind", op.bodyKind},
                    {"type", op.bodyType ? ojson(op.bodyType->name) : ojson()},
                    {"required", op.required},
                    {"odataType", op.needs_odata_type() ? ojson("#" + op.bodyType->name) : ojson()}};
    o["response"] = {{"status", op.responseStatus},
                     {"statuses", op.statuses},
                     {"reason", op.responseReason},
                     {"shape", op.responseShape},
                     {"type", op.responseTypeName.empty() ? ojson() : ojson(op.responseTypeName)}};
    ojson params = ojson::object();
    for (const auto& [name, value] : resolution.parameters) params[name] = value;
    o["parameters"] = params;
    o["caveats"] = op.caveats;
    o["permissions"] = permissions_json(op);
    return dump(o);
}

std::string describe(const std::string& operationId) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const OperationDef* op = target.operation;
    ojson d = operation_summary(*op);
    d["target"] = target_of(*target.model, *op);
    d["pathParameters"] = op->pathParameters;
    d["bodyType"] = op->bodyType ? ojson(op->bodyType->name) : ojson();
    d["addressType"] = op->addressType ? ojson(op->addressType->name) : ojson();
    d["odataType"] = op->needs_odata_type() ? ojson("#" + op->bodyType->name) : ojson();
    d["required"] = op->required;
    d["updatable"] = op->restrictsUpdates ? ojson(op->updatable) : ojson();
    d["minimal"] = op->minimal;
    ojson headers = ojson::array();
    for (const auto& h : op->headers) headers.push_back({{"name", h.name}, {"value", h.value}, {"required", h.required}});
    d["headers"] = headers;
    d["response"] = {{"status", op->responseStatus},
                     {"reason", op->responseReason},
                     {"type", op->responseType ? ojson(op->responseType->name) : ojson()}};
    d["serviceRoot"] = service_root(*op);
    d["permissions"] = permissions_json(*op);
    d["nationalClouds"] = op->nationalClouds;
    d["caveats"] = op->caveats;
    ojson types = ojson::object(), enums = ojson::object();
    if (op->bodyType) add_types(*op->bodyType, op, types, enums);
    if (op->responseType) add_types(*op->responseType, nullptr, types, enums);
    d["types"] = types;
    d["enums"] = enums;
    return dump(d);
}

namespace {

// A body checked, its answer written by `write`; an unknown operation's answer is JSON either way.
std::string checked(std::string_view operationId, std::string_view body, bool response, std::string (*write)(const ValidationResult&)) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    return write(validate_body(*target.model, *target.operation, body, direction_of(response)));
}

}  // namespace

std::string validate(std::string_view operationId, std::string_view body, bool response) {
    return checked(operationId, body, response, validation_json);
}

std::string validate_record(std::string_view operationId, std::string_view body, bool response) {
    return checked(operationId, body, response, validation_record);
}

std::string validate_held_record(std::string_view operationId, HeldBody& body, CheckMemo& memo, bool response) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    validate_held(*target.model, *target.operation, body, direction_of(response), memo);
    return held_validation_record(memo);
}

std::string complete(std::string_view operationId, std::string_view body, size_t offset, bool response) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const auto cursor = static_cast<uint32_t>(byte_offset_of(body, offset));
    Completion c = complete_body(*target.model, *target.operation, body, cursor, direction_of(response));
    ojson items = ojson::array();
    for (const auto& item : c.items)
        items.push_back({{"label", item.label},
                         {"insert", item.insert},
                         {"cursor", utf16_offset_of(item.insert, item.cursor)},
                         {"detail", item.detail},
                         {"info", item.info},
                         {"kind", item.kind},
                         {"section", item.section}});
    return dump(ojson{{"from", utf16_offset_of(body, c.from)}, {"to", utf16_offset_of(body, c.to)}, {"items", items}});
}

namespace {

// Hover's answer: what is at the offset, with its findings (README, "The JS API").
std::string hover_answer(std::string_view body, const HoverInfo& h) {
    if (!h.found) return dump(ojson{{"from", nullptr}});
    ojson found = ojson::array();
    for (const auto& d : h.diagnostics) {
        ojson one = {{"severity", severity_name(d.severity)},
                     {"code", d.code},
                     {"message", d.message},
                     {"from", utf16_offset_of(body, d.begin)},
                     {"to", utf16_offset_of(body, d.end)}};
        if (d.hasSuggestion) one["suggestion"] = d.suggestion;
        found.push_back(std::move(one));
    }
    return dump(ojson{{"from", utf16_offset_of(body, h.from)},
                      {"to", utf16_offset_of(body, h.to)},
                      {"title", h.title},
                      {"type", h.type},
                      {"description", h.description},
                      {"nullable", h.nullable},
                      {"readOnly", h.readOnly},
                      {"computed", h.computed},
                      {"collection", h.collection},
                      {"flags", h.flags},
                      {"members", h.members},
                      {"diagnostics", found}});
}

}  // namespace

namespace {

// Hover of text at a UTF-16 offset; `check` gives the findings, asked for only on a token. A
// template, not a function object: those put table placeholders into gpb-core.wasm.
template <class Check>
std::string hovered(std::string_view operationId, std::string_view text, size_t offset, bool response, Check check) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const auto cursor = static_cast<uint32_t>(byte_offset_of(text, offset));
    HoverInfo h = hover_body(*target.model, *target.operation, text, cursor, direction_of(response));
    if (h.onToken) add_hover_findings(h, check(target).diagnostics);
    return hover_answer(text, h);
}

}  // namespace

std::string hover(std::string_view operationId, std::string_view body, size_t offset, bool response) {
    return hovered(operationId, body, offset, response,
                   [&](const Target& target) { return validate_body(*target.model, *target.operation, body, direction_of(response)); });
}

std::string hover_held(std::string_view operationId, HeldBody& body, CheckMemo& memo, size_t offset, bool response) {
    return hovered(operationId, body.text(), offset, response, [&](const Target& target) -> const ValidationResult& {
        return validate_held(*target.model, *target.operation, body, direction_of(response), memo);
    });
}

std::string example(const std::string& operationId, bool full) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const OperationDef* op = target.operation;
    return dump(ojson{{"body", example_body(*op, full)}});
}

std::string request(const std::string& operationId, const std::string& body, const std::string& pathParametersJson) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const OperationDef* op = target.operation;
    std::vector<std::pair<std::string, std::string>> params;
    if (!pathParametersJson.empty()) {
        ojson given = read_json_value(pathParametersJson);
        if (given.is_discarded() || !given.is_object())
            return error(ApiError::BadParameters, "Path parameters must be a JSON object of names to strings.");
        for (auto& [name, value] : given.items())
            if (value.is_string()) params.emplace_back(name, value.get<std::string>());
            else if (value.is_number()) params.emplace_back(name, value.dump());
    }
    HttpRequest r = build_request(*op, body, params);
    ojson out;
    out["method"] = r.method;
    out["url"] = r.url;
    out["headers"] = headers_json(r.headers);
    out["body"] = r.body;
    out["raw"] = r.raw;
    return dump(out);
}

std::string response(const std::string& operationId, const std::string& requestBody) {
    Target target = find_target(operationId);
    if (!target.operation) return unknown_operation(operationId, target.problem);
    const Catalog& catalog = *target.model;
    const OperationDef* op = target.operation;
    HttpResponse r = build_response(catalog, *op, requestBody);
    ojson out;
    out["status"] = r.status;
    out["reason"] = r.reason;
    out["headers"] = headers_json(r.headers);
    out["body"] = r.body;
    out["raw"] = r.raw;
    return dump(out);
}

std::string parse_request(const std::string& rawText) {
    RawRequest raw = parse_raw_request(rawText);
    if (!raw.ok) return error(ApiError::NotARequest, raw.problem);
    std::vector<std::pair<std::string, std::string>> params;
    const Catalog* model = Catalog::named(raw.version);
    if (!model) model = &Catalog::builtin();
    const OperationDef* op = match_operation(*model, raw.method, raw.path, params, raw.body);
    ojson out;
    out["method"] = raw.method;
    out["url"] = raw.url;
    out["version"] = raw.version;
    out["path"] = raw.path;
    out["operation"] = op ? ojson(target_of(*model, *op)) : ojson();
    ojson parameters = ojson::object();
    for (const auto& [name, value] : params) parameters[name] = value;
    out["parameters"] = parameters;
    out["headers"] = headers_json(raw.headers);
    out["body"] = raw.body;
    out["tokenRedacted"] = raw.tokenRedacted;
    return dump(out);
}

std::string resolve(const std::string& method, const std::string& url, const std::string& model) {
    const Catalog* catalog = Catalog::named(model.empty() ? "beta" : model);
    if (!catalog) return error(ApiError::UnknownModel, "No model is called " + json_quote(model) + ".");
    return resolution_json(*catalog, catalog->resolve(method, url));
}

std::string operations_of(const std::string& model, const std::string& search) {
    const Catalog* catalog = Catalog::named(model.empty() ? "beta" : model);
    if (!catalog) return error(ApiError::UnknownModel, "No model is called " + json_quote(model) + ".");
    std::vector<const OperationDef*> ops;
    if (search.empty())
        for (const auto& op : catalog->operations()) ops.push_back(op.get());
    else ops = catalog->search(search, 200);
    return operations_json(ops);
}

std::string load_metadata(const std::string& metadata, const std::string& name, const std::string& serviceRoot) {
    static int loaded = 0;
    std::string chosen = name.empty() ? "metadata-" + std::to_string(++loaded) : name;
    std::string problem = Catalog::load_named(chosen, metadata, serviceRoot);
    if (!problem.empty()) return error(ApiError::BadMetadata, problem);
    const Catalog* model = Catalog::named(chosen);
    return dump(ojson{{"model", chosen},
                      {"serviceRoot", model->host()},
                      {"entitySets", model->entitySets().size()},
                      {"types", model->types().size()},
                      {"actions", model->actions().size()}});
}

std::string load_pack(const std::string& version, const std::string& csdlJson) {
    std::string problem = Catalog::load_pack(version, csdlJson);
    if (!problem.empty()) return error(ApiError::BadPack, problem);
    const Catalog* model = Catalog::named(version);
    return dump(ojson{{"model", version}, {"types", model->types().size()}, {"complete", model->complete()}});
}

std::string load_permissions(const std::string& json) {
    std::string problem = gpb::load_permissions(json);
    if (!problem.empty()) return error(ApiError::BadPermissions, problem);
    return dump(ojson{{"loaded", true}});
}

std::string lint_page(const std::string& pageText, const std::string& path) {
    return lint_page_json(gpb::lint_page(Catalog::builtin(), pageText, path));
}

}  // namespace gpb::api
