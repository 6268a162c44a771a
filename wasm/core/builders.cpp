#include "builders.hpp"
#include "json_value.hpp"
#include "text.hpp"

#include <cctype>

#include "validator.hpp"

namespace gpb {

using ojson = nlohmann::ordered_json;

namespace {

constexpr const char* kGraphHost = "https://graph.microsoft.com/";
constexpr const char* kExampleTimestamp = "2026-01-15T09:30:00Z";

enum class SampleMode { Request, Resource };

// "displayName" -> "Display Name value", the way the docs write placeholder strings.
std::string placeholder_string(const std::string& name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (i == 0) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        else {
            if (std::isupper(static_cast<unsigned char>(c))) out.push_back(' ');
            out.push_back(c);
        }
    }
    return out + " value";
}

bool client_may_set(const PropertyDef& prop) { return !prop.navigation && !prop.readOnly && !prop.serverAssigned; }

ojson sample_object(const TypeDef& type, SampleMode mode);

ojson sample_single(const PropertyDef& prop, SampleMode mode) {
    if (!prop.example.is_null()) return prop.example;
    if (prop.structured) return sample_object(*prop.structured, mode);
    if (prop.enumeration) {
        for (const auto& m : prop.enumeration->members)
            if (m != "unknownFutureValue") return m;
        return prop.enumeration->members.empty() ? ojson() : ojson(prop.enumeration->members.front());
    }
    switch (prop.primitive) {
        case Primitive::String: return placeholder_string(prop.name);
        case Primitive::Int32:
        case Primitive::Int64:
        case Primitive::Int16:
        case Primitive::Byte:
        case Primitive::SByte: return prop.hasRange ? prop.rangeMin : 0;
        case Primitive::Double:
        case Primitive::Single:
        case Primitive::Decimal: return 0.0;
        case Primitive::Boolean: return false;
        case Primitive::DateTimeOffset: return kExampleTimestamp;
        case Primitive::Date: return std::string(kExampleTimestamp).substr(0, 10);
        case Primitive::TimeOfDay: return "09:00:00";
        case Primitive::Duration: return "PT1H";
        case Primitive::Guid: return "00000000-0000-0000-0000-000000000000";
        case Primitive::Binary: return "";
        case Primitive::Untyped: return "value";
        case Primitive::Stream:
        case Primitive::Spatial:
        case Primitive::None: break;
    }
    return nullptr;
}

ojson sample_value(const PropertyDef& prop, SampleMode mode) {
    if (!prop.collection) return sample_single(prop, mode);
    return ojson::array({sample_single(prop, mode)});
}

ojson sample_object(const TypeDef& declared, SampleMode mode) {
    const TypeDef* type = &declared;
    ojson out = ojson::object();
    if (type->abstract) {
        while (type->abstract && !type->derived.empty()) type = type->derived.front();
        out["@odata.type"] = "#" + type->name;
    }
    for (const PropertyDef* prop : type->properties) {
        if (prop->navigation) continue;
        if (mode == SampleMode::Request && !client_may_set(*prop)) continue;
        out[prop->name] = sample_value(*prop, mode);
    }
    return out;
}

uint64_t fnv1a(std::string_view text, uint64_t seed) {
    uint64_t hash = seed;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// A version-4-shaped GUID derived from the text, so the same request gives the same response.
std::string stable_guid(std::string_view text) {
    uint64_t high = fnv1a(text, 14695981039346656037ULL), low = fnv1a(text, 0x9E3779B97F4A7C15ULL);
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    std::string digits;
    for (int shift = 60; shift >= 0; shift -= 4) digits.push_back(kHexLower[(high >> shift) & 15]);
    for (int shift = 60; shift >= 0; shift -= 4) digits.push_back(kHexLower[(low >> shift) & 15]);
    return digits.substr(0, 8) + "-" + digits.substr(8, 4) + "-" + digits.substr(12, 4) + "-" + digits.substr(16, 4) + "-" +
           digits.substr(20);
}

std::string headers_text(const Headers& headers) {
    std::string out;
    for (const auto& [name, value] : headers) out += name + ": " + value + "\n";
    return out;
}

bool pointer_within(const std::string& pointer, const std::string& member) {
    return pointer == member || pointer.rfind(member + "/", 0) == 0;
}

}  // namespace

std::string example_body(const OperationDef& op, bool full) {
    ojson body = ojson::object();
    if (!op.bodyType) return "{}";
    if (op.needs_odata_type()) body["@odata.type"] = "#" + op.bodyType->name;
    if (full) {
        for (const PropertyDef* prop : op.bodyType->properties)
            if (client_may_set(*prop) && op.may_send(prop->name)) body[prop->name] = sample_value(*prop, SampleMode::Request);
    } else {
        for (const auto& name : op.minimal)
            if (const PropertyDef* prop = op.bodyType->property(name)) body[name] = sample_value(*prop, SampleMode::Request);
    }
    return body.dump(2, ' ', false, ojson::error_handler_t::replace);
}

std::string percent_encode(std::string_view value) {
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHexUpper[c >> 4]);
            out.push_back(kHexUpper[c & 15]);
        }
    }
    return out;
}

// "https://graph.microsoft.com/beta", or the root of another service's model.
std::string service_root(const OperationDef& op) { return op.baseUrl.empty() ? kGraphHost + op.version : op.baseUrl; }

namespace {

// The @odata.context of a single entity the operation returns: its path without keys, then the
// type when the entity is of a type derived from the one addressed.
std::string context_url(const OperationDef& op, const TypeDef* type) {
    std::string path;
    for (std::string_view segment : path_segments(op.path))
        if (segment.front() != '{') path += (path.empty() ? "" : "/") + std::string(segment);
    bool namesType =
        type && path.size() >= type->name.size() && path.compare(path.size() - type->name.size(), std::string::npos, type->name) == 0;
    if (type && type != op.addressType && !namesType) path += "/" + type->name;
    return service_root(op) + "/$metadata#" + path + "/$entity";
}

}  // namespace

HttpRequest build_request(const OperationDef& op, std::string_view body,
                          const std::vector<std::pair<std::string, std::string>>& pathParameters) {
    HttpRequest request;
    request.method = op.method;
    std::string path = op.path;
    for (const auto& name : op.pathParameters) {
        std::string placeholder = "{" + name + "}";
        for (const auto& [given, value] : pathParameters) {
            if (given != name || value.empty()) continue;
            size_t at = path.find(placeholder);
            if (at != std::string::npos) path.replace(at, placeholder.size(), percent_encode(value));
        }
    }
    request.url = service_root(op) + path;
    for (const auto& header : op.headers) {
        if (header.name == "Content-Type" || header.name == "Content-Length") continue;
        request.headers.emplace_back(header.name, header.name == "Authorization" ? "Bearer {token}" : header.value);
    }
    if (op.has_body()) {
        request.body = std::string(body);
        request.headers.emplace_back("Content-Type", "application/json");
        request.headers.emplace_back("Content-Length", std::to_string(request.body.size()));
    }
    request.raw = request.method + " " + request.url + "\n" + headers_text(request.headers);
    if (op.has_body()) request.raw += "\n" + request.body;
    return request;
}

HttpResponse build_response(const Catalog& catalog, const OperationDef& op, std::string_view requestBody) {
    HttpResponse response;
    response.status = op.responseStatus;
    response.reason = op.responseReason;
    if (!op.responseType) {
        response.raw = "HTTP/1.1 " + std::to_string(response.status) + " " + response.reason + "\n";
        return response;
    }
    ValidationResult checked = validate_body(catalog, op, requestBody, Direction::Request);
    Diagnostics parseFindings;  // the same as checked's: both read the text alike
    const JsonDocument doc = parse_json(requestBody, ParseLimits{}, parseFindings);
    bool usable = doc.complete && !doc.nodes.empty() && doc.root().kind == NodeKind::Object;

    const TypeDef* type = op.responseType;
    if (usable)
        if (const JsonNode* named = doc.member(doc.root(), "@odata.type"); named && named->kind == NodeKind::String) {
            std::string name = named->text.rfind('#', 0) == 0 ? named->text.substr(1) : named->text;
            const TypeDef* t = catalog.type(name);
            if (t && t->is_or_derives_from(op.responseType) && !t->abstract) type = t;
        }

    ojson body = ojson::object();
    body["@odata.context"] = context_url(op, type);
    body["@odata.type"] = "#" + type->name;
    ojson resource = sample_object(*type, SampleMode::Resource);
    for (auto& [name, value] : resource.items()) body[name] = value;
    if (const PropertyDef* id = type->property("id"); id && id->primitive == Primitive::String) body["id"] = stable_guid(requestBody);

    if (usable) {
        for (uint32_t childIndex : doc.root().children) {
            const JsonNode& member = doc.at(childIndex);
            if (member.key.empty() || member.key.find('@') != std::string::npos) continue;
            const PropertyDef* prop = type->property(member.key);
            if (prop ? !client_may_set(*prop) || !op.may_send(member.key) : !type->open) continue;
            std::string pointer = pointer_append("", member.key);
            bool clean = true;
            for (const auto& d : checked.diagnostics)
                if (d.severity == Severity::Error && pointer_within(d.pointer, pointer)) clean = false;
            if (clean) body[member.key] = to_ordered_json(doc, member);
        }
    }
    response.body = body.dump(2, ' ', false, ojson::error_handler_t::replace);
    response.headers.emplace_back("Content-Type", "application/json");
    response.headers.emplace_back("Content-Length", std::to_string(response.body.size()));
    response.raw = "HTTP/1.1 " + std::to_string(response.status) + " " + response.reason + "\n" + headers_text(response.headers) + "\n" +
                   response.body;
    return response;
}

}  // namespace gpb
